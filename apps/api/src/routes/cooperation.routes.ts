// Cross-border cooperation. Two kinds of routes:
// - user routes (/api/cooperation/…): session or token, rules in core (cooperation.policy.ts + case membership);
// - partner routes (/api/cooperation/agencies/:agencyId/…): no user; every request must be signed by the key of a
//   partner that agency has accepted (core/cooperation/signed-request.ts). Their bodies are read as raw bytes so
//   the signed body hash can be checked before anything else happens.
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { cooperation as contracts, platform } from '@trag/contracts';
import {
  CooperationService,
  messageFromHeaders,
  SIGNATURE_HEADERS,
  SIGNED_JSON,
  sha256Hex,
  type PartnerRow,
} from '@trag/core/cooperation';
import { HashingStream } from '@trag/core/evidence';
import { AppError, invalid, newId } from '@trag/core/shared';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
  429: platform.ErrorResponse,
  503: platform.ErrorResponse,
};

const MAX_PACKAGE_BYTES = Number(process.env.TRAG_COOPERATION_MAX_BYTES ?? 25 * 1024 ** 3);
const rawBodies = new WeakMap<FastifyRequest, Buffer>();

export const cooperationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = new CooperationService(app.trag.core, {
    rateLimit: {
      requestsPerHour: Number(process.env.TRAG_COOPERATION_RATE_REQUESTS ?? 120),
      identifiersPerHour: Number(process.env.TRAG_COOPERATION_RATE_IDENTIFIERS ?? 50_000),
    },
  });

  // Package files arrive as a raw stream; partner JSON as bytes (kept for the signature check) then parsed.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));
  app.addContentTypeParser(SIGNED_JSON, { parseAs: 'buffer', bodyLimit: 4 * 1024 * 1024 }, (request, body, done) => {
    rawBodies.set(request, body as Buffer);
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch {
      done(invalid('partner_body_invalid', 'The request body is not JSON.'), undefined);
    }
  });

  const partnerOf = (request: FastifyRequest, agencyId: string, bodySha256: string) => {
    const pathOnly = request.url.split('?')[0]!;
    return service.authenticatePartner(
      agencyId,
      messageFromHeaders(request.headers, request.method, pathOnly, bodySha256),
    );
  };
  const partners = new WeakMap<FastifyRequest, PartnerRow>();
  /** Before body validation: the signature over method, path, time, nonce and the exact body bytes must hold. */
  const authenticatePartner = async (request: FastifyRequest) => {
    const { agencyId } = request.params as { agencyId: string };
    const body = rawBodies.get(request) ?? Buffer.alloc(0);
    partners.set(request, await partnerOf(request, agencyId, sha256Hex(body)));
  };
  /** Streamed package bodies are hashed while stored; here only refuse callers that did not sign at all. */
  const requireSignatureHeader = async (request: FastifyRequest) => {
    if (!request.headers[SIGNATURE_HEADERS.signature]) {
      throw new AppError('unauthenticated', 'partner_signature_missing', 'This address only answers partner agencies.');
    }
  };

  // ------------------------------------------------------------ identity and partners

  app.get(
    '/api/cooperation/card',
    {
      schema: {
        tags: ['cooperation'],
        summary: "This agency's partner card (public keys, fingerprint, QR code) to give to a partner",
        querystring: contracts.OwnCardQuery,
        response: { 200: contracts.OwnCardResponse, ...errors },
      },
    },
    async (request) => service.ownCard(requireActor(request), request.query, `${request.protocol}://${request.host}`),
  );

  app.get(
    '/api/cooperation/partners',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Partner agencies (trusted, pending, revoked) with country and fingerprint',
        response: { 200: contracts.PartnerListResponse, ...errors },
      },
    },
    async (request) => service.listPartners(requireActor(request)),
  );

  app.post(
    '/api/cooperation/partners',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Add a partner from its card (untrusted until accepted after comparing fingerprints)',
        body: contracts.PartnerImportRequest,
        response: { 201: contracts.Partner, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.importPartner(requireActor(request), request.body.card)),
  );

  app.post(
    '/api/cooperation/partners/:id/accept',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Trust a partner (after reading the fingerprint to each other by phone)',
        params: contracts.PartnerIdParams,
        response: { 200: contracts.Partner, ...errors },
      },
    },
    async (request) => service.setPartnerStatus(requireActor(request), request.params.id, 'trusted'),
  );

  app.post(
    '/api/cooperation/partners/:id/revoke',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Revoke a partner: its requests and packages are refused from now on',
        params: contracts.PartnerIdParams,
        response: { 200: contracts.Partner, ...errors },
      },
    },
    async (request) => service.setPartnerStatus(requireActor(request), request.params.id, 'revoked'),
  );

  // ------------------------------------------------------------ hit/no-hit

  app.post(
    '/api/cooperation/hits',
    {
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['cooperation'],
        summary: 'Ask partners whether they hold identifiers (answers hit/no-hit and a contact point only)',
        body: contracts.HitQueryRequest,
        response: { 200: contracts.HitQueryResponse, ...errors },
      },
    },
    async (request) => service.hitQuery(requireActor(request), request.body),
  );

  app.post(
    '/api/cooperation/index/refresh',
    {
      schema: {
        tags: ['cooperation'],
        summary: "Bring the agency's hit/no-hit index up to date with its case identifiers",
        response: { 200: contracts.IndexRefreshResponse, ...errors },
      },
    },
    async (request) => service.refreshIndexAsUser(requireActor(request)),
  );

  // ------------------------------------------------------------ packages

  app.get(
    '/api/cooperation/packages',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Packages sent and received (inbox, quarantine, imported)',
        response: { 200: contracts.PackageListResponse, ...errors },
      },
    },
    async (request) => service.listPackages(requireActor(request)),
  );

  app.post(
    '/api/cooperation/packages',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Build a signed, encrypted package of case material for partners (optionally deliver it)',
        body: contracts.PackageCreateRequest,
        response: { 201: contracts.PackageSummary, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createPackage(requireActor(request), request.body)),
  );

  app.post(
    '/api/cooperation/packages/upload',
    {
      bodyLimit: MAX_PACKAGE_BYTES,
      schema: {
        tags: ['cooperation'],
        summary: 'Receive a package file (USB, e-mail): verified before anything is kept',
        consumes: ['application/octet-stream'],
        response: { 201: contracts.PackageSummary, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!request.body) throw invalid('package_upload_empty', 'Send the package file as application/octet-stream.');
      return reply.status(201).send(await service.uploadPackage(actor, request.body as Readable));
    },
  );

  app.get(
    '/api/cooperation/packages/:id',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'One package: handling code, grading, purpose, legal basis, receipt',
        params: contracts.PackageIdParams,
        response: { 200: contracts.PackageSummary, ...errors },
      },
    },
    async (request) => service.getPackage(requireActor(request), request.params.id),
  );

  app.get(
    '/api/cooperation/packages/:id/file',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Download an outgoing package file to carry by USB or e-mail',
        params: contracts.PackageIdParams,
        produces: ['application/zip'],
      },
    },
    async (request, reply) => {
      const file = await service.openPackageFile(requireActor(request), request.params.id);
      return reply
        .type('application/zip')
        .header('Content-Length', file.size)
        .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
        .send(file.stream);
    },
  );

  app.post(
    '/api/cooperation/packages/:id/deliver',
    {
      schema: {
        tags: ['cooperation'],
        summary: "Send an outgoing package to its recipients' Trag over HTTPS",
        params: contracts.PackageIdParams,
        response: { 200: contracts.PackageSummary, ...errors },
      },
    },
    async (request) => service.deliverPackage(requireActor(request), request.params.id),
  );

  app.post(
    '/api/cooperation/packages/:id/import',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Import a received package into a new or existing case (sends the signed receipt)',
        params: contracts.PackageIdParams,
        body: contracts.PackageImportRequest,
        response: { 200: contracts.PackageImportResponse, ...errors },
      },
    },
    async (request) => service.importPackage(requireActor(request), request.params.id, request.body),
  );

  app.get(
    '/api/cooperation/packages/:id/receipt',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'The signed receipt of an imported package (to send back by hand when there is no network)',
        params: contracts.PackageIdParams,
        response: { 200: contracts.Receipt, ...errors },
      },
    },
    async (request) => service.receiptOf(requireActor(request), request.params.id),
  );

  app.post(
    '/api/cooperation/receipts',
    {
      schema: {
        tags: ['cooperation'],
        summary: 'Record a receipt file a partner sent back for one of our packages',
        body: contracts.Receipt,
        response: { 200: contracts.PackageSummary, ...errors },
      },
    },
    async (request) => service.uploadReceipt(requireActor(request), request.body),
  );

  app.get(
    '/api/cases/:caseId/cooperation/material',
    {
      schema: {
        tags: ['cooperation'],
        summary: "Handling codes of the case's material that came from partners",
        params: contracts.CaseIdParams,
        response: { 200: contracts.CaseMaterialResponse, ...errors },
      },
    },
    async (request) => service.caseMaterial(requireActor(request), request.params.caseId),
  );

  // ------------------------------------------------------------ partner-facing (signed by an accepted partner)

  app.get(
    '/api/cooperation/agencies/:agencyId/index',
    {
      config: { public: true }, // no user: the partner's request signature is checked instead
      preValidation: authenticatePartner,
      schema: {
        tags: ['cooperation'],
        summary: 'Partner: the published hit/no-hit index (PRF outputs only)',
        params: contracts.AgencyParams,
        response: { 200: contracts.IndexResponse, ...errors },
      },
    },
    async (request) => {
      const partner = partners.get(request)!;
      return service.publishedIndex(request.params.agencyId, partner);
    },
  );

  app.post(
    '/api/cooperation/agencies/:agencyId/evaluate',
    {
      config: { public: true }, // no user: the partner's request signature is checked instead
      preValidation: authenticatePartner,
      schema: {
        tags: ['cooperation'],
        summary: 'Partner: evaluate blinded identifiers (rate-limited, audited)',
        params: contracts.AgencyParams,
        body: contracts.EvaluateRequest,
        response: { 200: contracts.EvaluateResponse, ...errors },
      },
    },
    async (request) => {
      const partner = partners.get(request)!;
      return service.evaluate(request.params.agencyId, partner, request.body);
    },
  );

  app.post(
    '/api/cooperation/agencies/:agencyId/receipts',
    {
      config: { public: true }, // no user: the partner's request signature is checked instead
      preValidation: authenticatePartner,
      schema: {
        tags: ['cooperation'],
        summary: 'Partner: a signed receipt for a package we sent',
        params: contracts.AgencyParams,
        body: contracts.Receipt,
        response: { 200: contracts.PartnerAck, ...errors },
      },
    },
    async (request) => {
      const partner = partners.get(request)!;
      return service.acceptReceipt(request.params.agencyId, request.body, {
        userId: `partner:${partner.id}`,
        username: 'partner',
        displayName: `Partner ${partner.name} (${partner.country})`,
        agencyId: request.params.agencyId,
        unitId: null,
        role: 'administrator',
        ip: request.ip,
        via: 'system',
      });
    },
  );

  app.post(
    '/api/cooperation/agencies/:agencyId/packages',
    {
      config: { public: true }, // no user: the partner's request signature is checked instead
      preValidation: requireSignatureHeader,
      bodyLimit: MAX_PACKAGE_BYTES,
      schema: {
        tags: ['cooperation'],
        summary: 'Partner: deliver a package (streamed; verified before it is kept)',
        params: contracts.AgencyParams,
        consumes: ['application/octet-stream'],
        response: { 202: contracts.PartnerAck, ...errors },
      },
    },
    async (request, reply) => {
      const tmp = path.join(app.trag.core.dataDir, 'cooperation', 'incoming');
      await fs.mkdir(tmp, { recursive: true, mode: 0o700 });
      const file = path.join(tmp, `${newId()}.zip`);
      const hashing = new HashingStream(MAX_PACKAGE_BYTES);
      try {
        if (!request.body) throw invalid('package_upload_empty', 'Empty body.');
        await pipeline(request.body as Readable, hashing, createWriteStream(file, { mode: 0o600 }));
        const partner = await partnerOf(request, request.params.agencyId, hashing.digest());
        const ack = await service.receiveDelivered(request.params.agencyId, partner, file);
        return reply.status(202).send(ack);
      } finally {
        await fs.rm(file, { force: true });
      }
    },
  );
};
