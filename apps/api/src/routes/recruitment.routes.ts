// Recruitment analysis routes. The public offer checker needs no login and stores nothing (not even in logs:
// the text is never logged); it is rate-limited per client address.
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { platform, recruitment as contracts } from '@trag/contracts';
import {
  columnMappingWith,
  createImportWorker,
  importTooLarge,
  MAX_IMPORT_UPLOAD_BYTES,
  ImportJobService,
  OfferCheckService,
  RecruitmentService,
  presentItemDetail,
  presentItemSummary,
  presentTemplates,
} from '@trag/core/recruitment';
import { invalid } from '@trag/core/shared';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
  413: platform.ErrorResponse,
};

export const recruitmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const offers = new OfferCheckService();
  app.post(
    '/api/public/offer-check',
    {
      schema: {
        tags: ['recruitment'],
        summary: 'Check one job offer for red flags (public, nothing stored)',
        body: contracts.OfferCheckRequest,
        response: {
          200: contracts.OfferCheckResponse,
          400: platform.ErrorResponse,
          413: platform.ErrorResponse,
          429: platform.ErrorResponse,
        },
      },
      config: { public: true },
    },
    async (request) => offers.check({ text: request.body.text, clientKey: request.ip ?? 'unknown' }),
  );

  const service = () => new RecruitmentService(app.trag.core);
  const tags = ['recruitment'];

  // This process's worker for queued imports (the `recruitment` job queue), started and stopped with the server.
  const worker = createImportWorker(app.trag.core);
  app.addHook('onReady', async () => {
    await new ImportJobService(app.trag.core).sweepStaging();
    await worker.start();
  });
  app.addHook('preClose', async () => worker.stop());

  app.post(
    '/api/cases/:caseId/recruitment/import-jobs',
    {
      bodyLimit: 70 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Queue an import (same body as /imports); follow it with GET /api/jobs/:jobId (progress) and cancel it there',
        params: contracts.CaseParams,
        body: contracts.ImportRequest,
        response: { 202: platform.Job, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const job = await new ImportJobService(app.trag.core).enqueueFile(requireActor(request), request.params.caseId, {
        bytes: Buffer.from(body.contentBase64, 'base64'),
        format: body.format,
        mode: body.mode,
        ...(body.encoding ? { encoding: body.encoding } : {}),
        ...(body.fileName ? { fileName: body.fileName } : {}),
        ...(body.mapping ? { mapping: body.mapping } : {}),
      });
      return reply.status(202).send(job);
    },
  );

  // A file to import arrives as the raw body and streams straight into the staging folder (see enqueueUpload).
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post(
    '/api/cases/:caseId/recruitment/import-jobs/upload',
    {
      bodyLimit: MAX_IMPORT_UPLOAD_BYTES,
      schema: {
        tags,
        summary:
          'Queue the import of a file sent as the raw request body (application/octet-stream, up to 256 MiB); options in the query',
        consumes: ['application/octet-stream'],
        params: contracts.CaseParams,
        querystring: contracts.ImportUploadQuery,
        response: { 202: platform.Job, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const declared = Number(request.headers['content-length'] ?? 0);
      // refused before a byte is read when the client says how much it sends
      if (declared > MAX_IMPORT_UPLOAD_BYTES) throw importTooLarge();
      if (!request.body)
        throw invalid('import_upload_empty', 'Send the file as the request body (application/octet-stream).');
      const query = request.query;
      const named = {
        ...(query.textColumn ? { text: query.textColumn } : {}),
        ...(query.idColumn ? { id: query.idColumn } : {}),
        ...(query.urlColumn ? { url: query.urlColumn } : {}),
        ...(query.dateColumn ? { postedAt: query.dateColumn } : {}),
        ...(query.sourceColumn ? { source: query.sourceColumn } : {}),
      };
      const job = await new ImportJobService(app.trag.core).enqueueUpload(
        actor,
        request.params.caseId,
        request.body as Readable,
        {
          format: query.format,
          mode: query.mode,
          ...(query.encoding ? { encoding: query.encoding } : {}),
          ...(query.fileName ? { fileName: query.fileName } : {}),
          ...(Object.keys(named).length > 0 ? { mapping: columnMappingWith(named) } : {}),
        },
      );
      return reply.status(202).send(job);
    },
  );

  app.post(
    '/api/cases/:caseId/recruitment/import-jobs/from-evidence',
    {
      schema: {
        tags,
        summary: 'Queue the import of a WARC capture or saved HTML page held as evidence in the case',
        params: contracts.CaseParams,
        body: contracts.EvidenceImportRequest,
        response: { 202: platform.Job, ...errors },
      },
    },
    async (request, reply) => {
      const job = await new ImportJobService(app.trag.core).enqueueEvidence(
        requireActor(request),
        request.params.caseId,
        request.body.evidenceId,
        request.body.mode,
      );
      return reply.status(202).send(job);
    },
  );

  app.post(
    '/api/cases/:caseId/recruitment/imports',
    {
      bodyLimit: 70 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import items (JSONL, CSV, text, Telegram result.json, WhatsApp txt, HTML, WARC) into a case and analyse them',
        params: contracts.CaseParams,
        body: contracts.ImportRequest,
        response: { 200: contracts.ImportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      // Cancelled (nothing imported) when the client goes away before the import commits.
      const controller = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      return service().importItems(
        requireActor(request),
        request.params.caseId,
        {
          bytes: Buffer.from(body.contentBase64, 'base64'),
          format: body.format,
          mode: body.mode,
          ...(body.encoding ? { encoding: body.encoding } : {}),
          ...(body.fileName ? { fileName: body.fileName } : {}),
          ...(body.mapping ? { mapping: body.mapping } : {}),
        },
        { signal: controller.signal },
      );
    },
  );

  app.post(
    '/api/cases/:caseId/recruitment/imports/from-evidence',
    {
      schema: {
        tags,
        summary: 'Import the pages of a WARC capture or saved HTML page stored as evidence in the case',
        params: contracts.CaseParams,
        body: contracts.EvidenceImportRequest,
        response: { 200: contracts.ImportResponse, ...errors },
      },
    },
    async (request, reply) => {
      const controller = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) controller.abort();
      });
      return service().importFromEvidence(
        requireActor(request),
        request.params.caseId,
        request.body.evidenceId,
        { mode: request.body.mode },
        { signal: controller.signal },
      );
    },
  );

  app.get(
    '/api/cases/:caseId/recruitment/items',
    {
      schema: {
        tags,
        summary: 'Items of a case, highest score first',
        params: contracts.CaseParams,
        querystring: contracts.ItemListQuery,
        response: { 200: contracts.ItemListResponse, ...errors },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const offset = request.query.offset ?? 0;
      const { rows, total } = await service().listItems(requireActor(request), request.params.caseId, {
        limit,
        offset,
        flaggedOnly: request.query.flagged === true,
      });
      return { items: rows.map(presentItemSummary), total, limit, offset };
    },
  );

  app.get(
    '/api/recruitment/items/:itemId',
    {
      schema: {
        tags,
        summary: 'One item with its highlighted indicators, reasons and identifiers',
        params: contracts.ItemParams,
        response: { 200: contracts.ItemDetailResponse, ...errors },
      },
    },
    async (request) => presentItemDetail(await service().getItem(requireActor(request), request.params.itemId)),
  );

  app.post(
    '/api/recruitment/items/:itemId/mark',
    {
      schema: {
        tags,
        summary: 'Mark an item relevant or not relevant (kept for evaluation)',
        params: contracts.ItemParams,
        body: contracts.MarkRequest,
        response: { 200: contracts.ItemSummary, ...errors },
      },
    },
    async (request) =>
      presentItemSummary(
        await service().markItem(requireActor(request), request.params.itemId, request.body.relevance),
      ),
  );

  app.get(
    '/api/cases/:caseId/recruitment/network',
    {
      schema: {
        tags,
        summary:
          'Items ↔ identifiers network with degree and first/last seen: the most connected identifiers (limit, default 200), each with up to itemsPerIdentifier items (default 25), and the totals',
        params: contracts.CaseParams,
        querystring: contracts.NetworkQuery,
        response: { 200: contracts.NetworkResponse, ...errors },
      },
    },
    async (request) =>
      service().network(requireActor(request), request.params.caseId, {
        minDegree: request.query.minDegree ?? 1,
        limit: request.query.limit ?? 200,
        itemsPerIdentifier: request.query.itemsPerIdentifier ?? 25,
      }),
  );

  app.get(
    '/api/cases/:caseId/recruitment/templates',
    {
      schema: {
        tags,
        summary: 'Template ads of the case: near-duplicate clusters with common text, slots and shared contacts',
        params: contracts.CaseParams,
        response: { 200: contracts.TemplatesResponse, ...errors },
      },
    },
    async (request) => presentTemplates(await service().templates(requireActor(request), request.params.caseId)),
  );

  app.get(
    '/api/cases/:caseId/recruitment/network/export',
    {
      schema: {
        tags,
        summary: 'Export the network as GraphML, CSV or FollowTheMoney JSON lines',
        params: contracts.CaseParams,
        querystring: contracts.NetworkExportQuery,
      },
    },
    async (request, reply) => {
      const file = await service().exportNetwork(requireActor(request), request.params.caseId, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.post(
    '/api/cases/:caseId/recruitment/entities',
    {
      schema: {
        tags,
        summary: 'Add an extracted identifier to the case as an entity',
        params: contracts.CaseParams,
        body: contracts.AddEntityRequest,
        response: { 200: contracts.AddEntityResponse, ...errors },
      },
    },
    async (request) => {
      const result = await service().addIdentifierToCase(requireActor(request), request.params.caseId, request.body);
      return { entityId: result.entityId, created: result.created };
    },
  );
};
