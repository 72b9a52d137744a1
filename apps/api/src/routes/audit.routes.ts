// The audit browser for supervisors and administrators (rule: packages/core/src/audit/audit.policy.ts).
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { audit as contracts, platform } from '@trag/contracts';
import { AuditService } from '@trag/core/audit';
import { requireActor } from '../plugins/request-actor';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = () => new AuditService(app.trag.core);

  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "Browse the audit log (supervisors and administrators; their own agency's staff only)",
        querystring: contracts.AuditListQuery,
        response: { 200: contracts.AuditListResponse, 403: platform.ErrorResponse },
      },
    },
    async (request) => service().browse(requireActor(request), request.query),
  );

  app.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'Export the audit entries matching the filters as CSV (UTF-8, formula cells neutralised)',
        querystring: contracts.AuditFilterQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const chunks = service().exportCsv(requireActor(request), request.query);
      // Authorisation and the export's own audit entry happen before the first chunk: fail here, not mid-stream.
      const first = await chunks.next();
      const day = app.trag.core.clock.now().toISOString().slice(0, 10);
      reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="trag-audit-${day}.csv"`);
      return reply.send(
        Readable.from(
          (async function* () {
            yield '\uFEFF'; // BOM: spreadsheet programs then read Cyrillic and diacritics as UTF-8
            if (!first.done) yield first.value;
            yield* chunks;
          })(),
        ),
      );
    },
  );
};
