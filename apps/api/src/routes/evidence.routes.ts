// Evidence: collect (streaming multipart upload), list, view, download/preview, chat messages, custody events,
// verify, court bundle export and preservation requests. Thin: schema → actor → EvidenceService (which checks case
// membership, records custody and audit) → contract objects. Multipart is registered in this plugin's scope only.
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { evidence as contracts, platform } from '@trag/contracts';
import { EvidenceService, timestampAuthorityFromEnv } from '@trag/core/evidence';
import { AppError, invalid } from '@trag/core/shared';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
  413: platform.ErrorResponse,
};

const CaseParams = Type.Object({ caseId: Type.String({ maxLength: 80 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const MAX_UPLOAD_BYTES = Number(process.env.TRAG_EVIDENCE_MAX_BYTES ?? 20 * 1024 ** 3);

/**
 * Types a browser may render inline; everything else is served as an opaque download. Captured HTML is inline only
 * under the CSP "sandbox" header below (unique origin, no scripts), and the UI shows it in a sandboxed iframe.
 */
const INLINE_SAFE =
  /^(image\/(png|jpeg|gif|webp)|application\/pdf|text\/plain|text\/html|video\/mp4|audio\/(mpeg|ogg|mp4))$/;

function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function parseFields(fields: Record<string, unknown>): contracts.EvidenceCollectFields {
  const raw: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (!field || typeof field !== 'object' || !('type' in field) || field.type !== 'field') continue;
    const value = (field as unknown as { value: unknown }).value;
    if (typeof value !== 'string' || value === '') continue;
    raw[name] = name === 'import' ? value === 'true' || value === '1' || value === 'on' : value;
  }
  if (!Value.Check(contracts.EvidenceCollectFields, raw)) {
    const first = [...Value.Errors(contracts.EvidenceCollectFields, raw)][0];
    throw invalid(
      'evidence_fields_invalid',
      `The upload form field ${first?.path || ''} is not valid: ${first?.message ?? 'unknown field'}. Send description, and optionally exhibitNumber, source, legalBasis, location, device, import — before the file.`,
    );
  }
  return raw as contracts.EvidenceCollectFields;
}

export const evidenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 10_000 },
  });
  const tsa = timestampAuthorityFromEnv(process.env);
  const service = () => new EvidenceService(app.trag.core, { maxBytes: MAX_UPLOAD_BYTES, tsa });
  // After a crash mid-upload or mid-import: remove partial uploads and unreferenced blobs (older than 15 minutes).
  app.addHook('onReady', async () => {
    try {
      await service().cleanUpAfterCrash();
    } catch (error) {
      app.log.warn({ err: error }, 'evidence clean-up after a crash failed');
    }
  });

  app.get(
    '/api/cases/:caseId/evidence',
    {
      schema: {
        tags: ['evidence'],
        summary: "The case's evidence items (members only), filtered by kind, exhibit, collector, date",
        params: CaseParams,
        querystring: contracts.EvidenceListQuery,
        response: { 200: contracts.EvidenceListResponse, ...errors },
      },
    },
    async (request) => service().list(requireActor(request), request.params.caseId, request.query),
  );

  app.post(
    '/api/cases/:caseId/evidence',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Collect a file (multipart/form-data: fields first, then one "file"); streamed to disk and hashed, never buffered. With import=true a Telegram/WhatsApp/WARC/HAR/MHTML/HTML export is read too.',
        params: CaseParams,
        consumes: ['multipart/form-data'],
        response: { 201: contracts.EvidenceItem, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) {
        throw invalid('evidence_multipart_required', 'Send the file as multipart/form-data with a "file" part.');
      }
      const part = await request.file();
      if (!part) throw invalid('evidence_file_missing', 'The form has no file part. Choose a file to upload.');
      const fields = parseFields(part.fields as Record<string, unknown>);
      const item = await service()
        .collect(
          actor,
          request.params.caseId,
          { ...fields, fileName: part.filename, mediaType: part.mimetype },
          part.file,
        )
        .catch((error: unknown) => {
          if (error instanceof Error && error.name === 'RequestFileTooLargeError') {
            throw new AppError('too_large', 'evidence_too_large', 'The file is larger than this server accepts.');
          }
          throw error;
        });
      if (part.file.truncated) {
        throw new AppError('too_large', 'evidence_too_large', 'The file is larger than this server accepts.');
      }
      return reply.status(201).send(item);
    },
  );

  app.post(
    '/api/cases/:caseId/evidence/capture',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'Capture a web page with headless Chromium: WARC of what was fetched, full-page PNG and PDF, each an item',
        params: CaseParams,
        body: contracts.EvidenceCaptureRequest,
        response: { 201: contracts.EvidenceCaptureResponse, ...errors },
      },
    },
    async (request, reply) => {
      const items = await service().captureUrl(requireActor(request), request.params.caseId, request.body, {
        allowPrivateNetwork: process.env.TRAG_CAPTURE_ALLOW_PRIVATE === '1',
      });
      return reply.status(201).send({ items });
    },
  );

  app.get(
    '/api/evidence/:id',
    {
      schema: {
        tags: ['evidence'],
        summary: 'One item with its custody ledger and attachments; the view is recorded in the ledger and the audit',
        params: IdParams,
        response: { 200: contracts.EvidenceItemDetail, ...errors },
      },
    },
    async (request) => service().view(requireActor(request), request.params.id),
  );

  app.get(
    '/api/evidence/:id/content',
    {
      schema: {
        tags: ['evidence'],
        summary:
          'The original bytes (download, recorded as "downloaded"); ?preview=true serves safe types inline (recorded as "viewed")',
        params: IdParams,
        querystring: Type.Object({ preview: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const preview = request.query.preview === true;
      const { item, stream } = await service().download(requireActor(request), request.params.id, { preview });
      const inline = preview && INLINE_SAFE.test(item.mediaType);
      reply
        .header('content-type', inline ? item.mediaType : 'application/octet-stream')
        .header('content-length', String(item.size))
        .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', item.fileName))
        .header('x-content-type-options', 'nosniff')
        // Captured material never runs: no scripts, no plugins, no requests out, even if opened directly.
        .header('content-security-policy', "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'")
        .header('cache-control', 'no-store')
        .header('x-evidence-sha256', item.sha256);
      return reply.send(stream);
    },
  );

  app.get(
    '/api/evidence/:id/thumbnail',
    {
      schema: {
        tags: ['evidence'],
        summary: 'A small WebP thumbnail of an image item (derived at collection; recorded in the audit log)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { mediaType, bytes } = await service().thumbnail(requireActor(request), request.params.id);
      reply
        .header('content-type', mediaType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        // A thumbnail of case material stays out of shared caches and disk caches.
        .header('cache-control', 'private, no-store');
      return reply.send(bytes);
    },
  );

  app.get(
    '/api/evidence/:id/messages',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Messages of an imported chat export, each with author, time and attachments',
        params: IdParams,
        querystring: contracts.EvidenceMessagesQuery,
        response: { 200: contracts.EvidenceMessagesResponse, ...errors },
      },
    },
    async (request) =>
      service().messages(requireActor(request), request.params.id, request.query.limit, request.query.offset),
  );

  app.post(
    '/api/evidence/:id/custody',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Record a custody event: annotated, transferred (toAgencyId), sealed, released, disposed',
        params: IdParams,
        body: contracts.CustodyEventRequest,
        response: { 200: contracts.EvidenceItemDetail, ...errors },
      },
    },
    async (request) => service().recordEvent(requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/evidence/:id/verify',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Re-hash the stored original and re-check its custody ledger (chain, signatures, keys, head)',
        params: IdParams,
        response: { 200: contracts.EvidenceVerifyResponse, ...errors },
      },
    },
    async (request) => service().verify(requireActor(request), request.params.id),
  );

  app.post(
    '/api/cases/:caseId/evidence/exports',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Produce a court bundle (ZIP) of the selected items; verify it offline with `trag evidence verify`',
        params: CaseParams,
        body: contracts.EvidenceExportRequest,
        response: { 201: contracts.EvidenceExport, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service().exportBundle(requireActor(request), request.params.caseId, request.body.itemIds)),
  );

  app.get(
    '/api/evidence/exports/:id',
    {
      schema: {
        tags: ['evidence'],
        summary: 'Download a court bundle produced earlier (members of its case only)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { fileName, size, stream } = await service().openExport(requireActor(request), request.params.id);
      reply
        .header('content-type', 'application/zip')
        .header('content-length', String(size))
        .header('content-disposition', contentDisposition('attachment', fileName))
        .header('cache-control', 'no-store');
      return reply.send(stream);
    },
  );

  app.post(
    '/api/cases/:caseId/evidence/preservation-request',
    {
      schema: {
        tags: ['evidence'],
        summary: 'A data-preservation request (Budapest Convention art. 16/29 items) as PDF or editable text',
        params: CaseParams,
        body: contracts.PreservationRequestInput,
      },
    },
    async (request, reply) => {
      const result = await service().preservationRequest(requireActor(request), request.params.caseId, request.body);
      reply
        .header('content-type', result.format === 'pdf' ? 'application/pdf' : 'text/plain; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', result.fileName))
        .header('cache-control', 'no-store');
      return reply.send(result.body);
    },
  );

  app.get(
    '/api/evidence/signing-key',
    {
      schema: {
        tags: ['evidence'],
        summary: "My agency's custody signing key: fingerprint to publish, public key (created on first use)",
        response: { 200: contracts.SigningKeyResponse, ...errors },
      },
    },
    async (request) => service().agencyKey(requireActor(request)),
  );
};
