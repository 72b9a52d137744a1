// Crypto tracing: address check, imports, transfers, wallets, clustering, traces (live and saved), exports.
// Thin: schema → actor → service (case membership, audit) → presenter.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { crypto as contracts, platform } from '@trag/contracts';
import {
  chainConnectorsFromEnv,
  CryptoService,
  presentAddressCheck,
  presentImport,
  presentSavedTrace,
  presentTransfer,
  presentWallet,
  validateAddress,
} from '@trag/core/crypto';
import { invalid } from '@trag/core/shared';
import { requireActor } from '../plugins/request-actor';

const errors = {
  400: platform.ErrorResponse,
  401: platform.ErrorResponse,
  403: platform.ErrorResponse,
  404: platform.ErrorResponse,
  409: platform.ErrorResponse,
};

const BLOCKS_BODY_LIMIT = 130 * 1024 * 1024;

const attachment = (fileName: string) => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

export const cryptoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = () => new CryptoService(app.trag.core);
  // Esplora / Bitcoin Core sources come from the server's environment only (TRAG_ESPLORA_URL, TRAG_BITCOIN_RPC_URL …),
  // never from a request, so no user can make the server call a host of their choosing.
  const connectors = chainConnectorsFromEnv(process.env);
  // Raw blocks arrive as the request body: a blk*.dat file is up to 128 MiB.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: BLOCKS_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/crypto/connectors',
    {
      schema: {
        tags: ['crypto'],
        summary: 'The Esplora server / Bitcoin Core node this deployment reads from, if any (no credentials)',
        response: { 200: contracts.ConnectorListResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return { connectors: connectors.map((c) => ({ kind: c.kind, endpoint: c.endpoint, accepts: c.accepts })) };
    },
  );

  app.post(
    '/api/cases/:caseId/crypto/fetch',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Fetch an address history (Esplora) or a block range (Bitcoin Core) from the configured source',
        params: contracts.CaseParams,
        body: contracts.FetchRequest,
        response: { 201: contracts.ImportSummary, ...errors, 429: platform.ErrorResponse, 503: platform.ErrorResponse },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const summary = await service().fetchFromConnector(
        requireActor(request),
        request.params.caseId,
        connectors.find((c) => c.accepts === body.kind),
        body.kind === 'address' ? body : { ...body, watch: body.watch === 'all' ? null : 'wallets' },
      );
      return reply.status(201).send(summary);
    },
  );

  app.post(
    '/api/cases/:caseId/crypto/blocks',
    {
      bodyLimit: BLOCKS_BODY_LIMIT,
      schema: {
        tags: ['crypto'],
        summary:
          'Import raw Bitcoin blocks (blk*.dat or bare blocks, optionally .bz2) sent as application/octet-stream',
        params: contracts.CaseParams,
        querystring: contracts.BlocksImportQuery,
        response: { 201: contracts.ImportSummary, ...errors, 413: platform.ErrorResponse },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!Buffer.isBuffer(request.body) || !request.body.length)
        throw invalid('crypto_blocks_body', 'Send the block file as the request body (application/octet-stream).');
      const summary = await service().importBlocks(actor, request.params.caseId, {
        fileName: request.query.fileName,
        data: request.body,
        watch: request.query.watch,
      });
      return reply.status(201).send(summary);
    },
  );

  app.get(
    '/api/crypto/address/:address',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Check a Bitcoin, Ethereum or Tron address (same answer as `trag crypto address --json`)',
        params: contracts.AddressParams,
        response: { 200: contracts.AddressCheckResponse, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return presentAddressCheck(validateAddress(request.params.address));
    },
  );

  app.get(
    '/api/cases/:caseId/crypto/imports',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Files imported into the case',
        params: contracts.CaseParams,
        response: { 200: contracts.ImportListResponse, ...errors },
      },
    },
    async (request) => ({
      imports: (await service().listImports(requireActor(request), request.params.caseId)).map(presentImport),
    }),
  );

  app.post(
    '/api/cases/:caseId/crypto/imports',
    {
      bodyLimit: 21 * 1024 * 1024,
      schema: {
        tags: ['crypto'],
        summary: 'Import an explorer export or tag file (atomic; the same data twice adds nothing)',
        params: contracts.CaseParams,
        body: contracts.ImportRequest,
        response: { 201: contracts.ImportSummary, ...errors },
      },
    },
    async (request, reply) => {
      const { content, ...rest } = request.body;
      const summary = await service().importFile(requireActor(request), request.params.caseId, {
        ...rest,
        data: Buffer.from(content, 'utf8'),
      });
      return reply.status(201).send(summary);
    },
  );

  app.get(
    '/api/cases/:caseId/crypto/transfers',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Imported transfers of the case, oldest first (optionally touching one address)',
        params: contracts.CaseParams,
        querystring: contracts.TransferListQuery,
        response: { 200: contracts.TransferListResponse, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const rows = await service().listTransfers(requireActor(request), request.params.caseId, {
        ...(q.node ? { node: q.node } : {}),
        limit: q.limit ?? 100,
        offset: q.offset ?? 0,
      });
      return { transfers: rows.map(presentTransfer) };
    },
  );

  app.get(
    '/api/cases/:caseId/crypto/wallets',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Wallets of the case, with a count of other cases holding them',
        params: contracts.CaseParams,
        response: { 200: contracts.WalletListResponse, ...errors },
      },
    },
    async (request) => ({
      wallets: (await service().listWallets(requireActor(request), request.params.caseId)).map(presentWallet),
    }),
  );

  app.post(
    '/api/cases/:caseId/crypto/wallets',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Add a wallet address to the case',
        params: contracts.CaseParams,
        body: contracts.WalletCreateRequest,
        response: {
          201: Type.Object({ address: Type.String(), chain: Type.String(), warnings: Type.Array(Type.String()) }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service().addWallet(requireActor(request), request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/crypto/cluster',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Cluster the case’s Bitcoin addresses (multi-input, CoinJoins excluded)',
        params: contracts.CaseParams,
        response: { 200: contracts.ClusterResponse, ...errors },
      },
    },
    async (request) => service().cluster(requireActor(request), request.params.caseId),
  );

  app.get(
    '/api/cases/:caseId/crypto/cluster/explain',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Why are two addresses one entity? The chain of co-spending transactions',
        params: contracts.CaseParams,
        querystring: contracts.ExplainQuery,
        response: { 200: contracts.ExplainResponse, ...errors },
      },
    },
    async (request) => {
      const chain = await service().explainCluster(
        requireActor(request),
        request.params.caseId,
        request.query.a,
        request.query.b,
      );
      return { sameEntity: chain !== null, chain: chain ?? [] };
    },
  );

  app.post(
    '/api/cases/:caseId/crypto/trace',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Run a trace (not saved)',
        params: contracts.CaseParams,
        body: contracts.TraceRequest,
        response: { 200: contracts.TraceResponse, ...errors },
      },
    },
    async (request) => service().trace(requireActor(request), request.params.caseId, request.body),
  );

  app.get(
    '/api/cases/:caseId/crypto/traces',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Saved traces of the case',
        params: contracts.CaseParams,
        response: { 200: contracts.SavedTraceListResponse, ...errors },
      },
    },
    async (request) => ({
      traces: (await service().listTraces(requireActor(request), request.params.caseId)).map((t) => ({
        id: t.id,
        title: t.title,
        resultSha256: t.result_sha256,
        createdAt: t.created_at,
      })),
    }),
  );

  app.post(
    '/api/cases/:caseId/crypto/traces',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Run and save a trace with its parameters and data snapshot',
        params: contracts.CaseParams,
        body: contracts.SaveTraceRequest,
        response: { 201: contracts.SavedTrace, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          presentSavedTrace(
            await service().saveTrace(
              requireActor(request),
              request.params.caseId,
              request.body.title,
              request.body.request,
            ),
          ),
        ),
  );

  app.get(
    '/api/cases/:caseId/crypto/traces/:traceId',
    {
      schema: {
        tags: ['crypto'],
        summary: 'A saved trace',
        params: contracts.TraceParams,
        response: { 200: contracts.SavedTrace, ...errors },
      },
    },
    async (request) =>
      presentSavedTrace(await service().getTrace(requireActor(request), request.params.caseId, request.params.traceId)),
  );

  app.post(
    '/api/cases/:caseId/crypto/traces/:traceId/verify',
    {
      schema: {
        tags: ['crypto'],
        summary: 'Re-run a saved trace on its data snapshot and compare',
        params: contracts.TraceParams,
        response: { 200: contracts.VerifyTraceResponse, ...errors },
      },
    },
    async (request) => service().verifyTrace(requireActor(request), request.params.caseId, request.params.traceId),
  );

  app.get(
    '/api/cases/:caseId/crypto/traces/:traceId/export',
    {
      schema: {
        tags: ['crypto'],
        summary:
          'Export a saved trace: csv, transfers_csv, graphml, ftm (FollowTheMoney JSON lines), pdf, data_request',
        params: contracts.TraceParams,
        querystring: contracts.TraceExportQuery,
      },
    },
    async (request, reply) => {
      const file = await service().exportTrace(
        requireActor(request),
        request.params.caseId,
        request.params.traceId,
        request.query.format,
        {
          ...(request.query.exchange ? { exchange: request.query.exchange } : {}),
        },
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );
};
