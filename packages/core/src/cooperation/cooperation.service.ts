// Cross-border cooperation workflows: partner agencies, packages (send, receive, import, receipt), the hit/no-hit
// index and queries, and the partner-facing side of each (answered only to requests signed by accepted partners).
import { sign, verify } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { cooperation, evidence as evidenceContracts } from '@trag/contracts';
import type { Database } from '@trag/db';
import { AuditService } from '@trag/core/audit';
import { CaseAccess, CaseService, EntityService } from '@trag/core/cases';
import {
  EvidenceService,
  HashingStream,
  hashCustodyEntry,
  LEDGER_GENESIS,
  type EvidenceServiceOptions,
} from '@trag/core/evidence';
import { AgencyService } from '@trag/core/identity';
import { normalizeIdentifier } from '@trag/core/identifiers';
import {
  AppError,
  canonicalJson,
  conflict,
  forbidden,
  invalid,
  newId,
  type Actor,
  type CoreContext,
} from '@trag/core/shared';
import { CooperationKeyring, readableFingerprint, type CooperationIdentity } from './agency-identity';
import { COOPERATION_READER_ROLES, HIT_QUERY_ROLES, PARTNER_MANAGER_ROLES, requireRole } from './cooperation.policy';
import { CooperationRepository, type PackageRow, type PartnerRow } from './cooperation.repository';
import {
  blindQueryInSlices,
  evaluateQuery,
  finishQuery,
  HIT_PROTOCOL,
  MatchingProtocolError,
  responderIndexEntry,
  type MatchableType,
} from './hit-matching';
import {
  buildPackage,
  handlingForbidsOnwardSharing,
  openPackage,
  PackageRejected,
  publicKeyFromBase64,
  readEnvelope,
  verifyPackage,
  type EvidenceSource,
  type HandlingCode,
  type PackageEnvelope,
  type VerifyContext,
} from './package-format';
import { buildPartnerCard, parsePartnerCard, partnerCardQrSvg } from './partner-card';
import {
  REPLAY_WINDOW_MS,
  sha256Hex,
  signatureHeaders,
  signRequest,
  verifySignedMessage,
  type SignedMessage,
} from './signed-request';

/** Entity types in the hit/no-hit index and the matching type each is asked about as. */
export const INDEXED_ENTITY_TYPES: Record<string, MatchableType> = {
  phone: 'phone',
  email: 'email',
  crypto_wallet: 'crypto_wallet',
  bank_account: 'iban',
  online_account: 'online_account',
  document: 'document',
};

export interface CooperationServiceOptions {
  keyring?: CooperationKeyring;
  evidence?: EvidenceService;
  /** Options of the evidence services this one makes (the one above, and one per import transaction). */
  evidenceOptions?: EvidenceServiceOptions;
  /** Per partner and hour: evaluate requests and identifiers (defaults 120 and 50,000). */
  rateLimit?: { requestsPerHour: number; identifiersPerHour: number };
  fetch?: typeof fetch;
}

const partnerNotFound = () =>
  new AppError('not_found', 'partner_not_found', 'This partner agency does not exist in your agency\u2019s list.');
const packageNotFound = () => new AppError('not_found', 'package_not_found', 'This package does not exist.');

export interface ReceivedPackage {
  row: PackageRow;
  quarantined: boolean;
}

export class CooperationService {
  readonly keyring: CooperationKeyring;
  readonly evidence: EvidenceService;
  private readonly evidenceOptions: EvidenceServiceOptions;
  private readonly repo: CooperationRepository;
  private readonly audit: AuditService;
  private readonly access: CaseAccess;
  private readonly rateLimit: { requestsPerHour: number; identifiersPerHour: number };
  private readonly http: typeof fetch;

  constructor(
    private readonly ctx: CoreContext,
    options: CooperationServiceOptions = {},
  ) {
    this.keyring = options.keyring ?? new CooperationKeyring(ctx.dataDir);
    this.evidenceOptions = options.evidenceOptions ?? {};
    this.evidence = options.evidence ?? new EvidenceService(ctx, this.evidenceOptions);
    this.repo = new CooperationRepository(ctx.database.db);
    this.audit = new AuditService(ctx);
    this.access = new CaseAccess(ctx);
    this.rateLimit = options.rateLimit ?? { requestsPerHour: 120, identifiersPerHour: 50_000 };
    this.http = options.fetch ?? fetch;
  }

  private now(): Date {
    return this.ctx.clock.now();
  }

  private dir(agencyId: string, box: 'outbox' | 'inbox' | 'quarantine' | 'tmp'): string {
    return path.join(this.ctx.dataDir, 'cooperation', agencyId.replace(/[^A-Za-z0-9_-]/g, '_'), box);
  }

  identity(agencyId: string): Promise<CooperationIdentity> {
    return this.keyring.get(agencyId);
  }

  /** The acting user of a partner-side event in the audit: the partner agency, never a local user. */
  private partnerActor(agencyId: string, partner: PartnerRow | null, fingerprint?: string): Actor {
    return {
      userId: partner ? `partner:${partner.id}` : `partner:${(fingerprint ?? '').slice(0, 16)}`,
      username: 'partner',
      displayName: partner ? `Partner ${partner.name} (${partner.country})` : 'Unknown partner',
      agencyId,
      unitId: null,
      role: 'administrator',
      ip: null,
      via: 'system',
    };
  }

  // ================================================================ identity and partners

  async ownCard(actor: Actor, query: cooperation.OwnCardQuery, baseUrl: string): Promise<cooperation.OwnCardResponse> {
    requireRole(actor, COOPERATION_READER_ROLES, 'see the agency\u2019s partner card');
    const agency = await new AgencyService(this.ctx).get(actor.agencyId);
    const identity = await this.identity(actor.agencyId);
    const endpoint = (query.endpoint ?? baseUrl).replace(/\/+$/, '');
    const card = buildPartnerCard(
      identity,
      agency,
      `${endpoint}/api/cooperation/agencies/${actor.agencyId}`,
      query.contact ?? null,
    );
    return { card, fingerprintReadable: readableFingerprint(card.fingerprint), qrSvg: await partnerCardQrSvg(card) };
  }

  async listPartners(actor: Actor): Promise<cooperation.PartnerListResponse> {
    requireRole(actor, COOPERATION_READER_ROLES, 'see partner agencies');
    return { items: (await this.repo.listPartners(actor.agencyId)).map(presentPartner) };
  }

  /** Adds a partner from its card, untrusted until someone compares fingerprints and accepts it. */
  async importPartner(actor: Actor, raw: unknown): Promise<cooperation.Partner> {
    requireRole(actor, PARTNER_MANAGER_ROLES, 'add partner agencies');
    const card = parsePartnerCard(raw);
    const own = await this.identity(actor.agencyId);
    if (card.fingerprint === own.fingerprint) {
      throw invalid('partner_is_self', 'This is your own agency\u2019s card; import the partner\u2019s card instead.');
    }
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const existing = await this.repo.getPartnerByFingerprint(actor.agencyId, card.fingerprint, trx);
      if (existing) {
        // Same keys again: refresh the contact details, keep the trust decision.
        await this.repo.updatePartner(
          existing.id,
          {
            name: card.agencyName,
            country: card.country,
            kind: card.kind,
            endpoint: card.endpoint,
            contact: card.contact,
          },
          trx,
        );
        return presentPartner((await this.repo.getPartner(actor.agencyId, existing.id, trx))!);
      }
      const row: PartnerRow = {
        id: newId(),
        agency_id: actor.agencyId,
        fingerprint: card.fingerprint,
        name: card.agencyName,
        country: card.country,
        kind: card.kind,
        signing_key: card.signingKey,
        age_recipient: card.ageRecipient,
        matching_key: card.matchingKey,
        endpoint: card.endpoint,
        contact: card.contact,
        status: 'pending',
        created_by: actor.userId,
        created_at: this.now().toISOString(),
        accepted_by: null,
        accepted_at: null,
        revoked_at: null,
      };
      await this.repo.insertPartner(row, trx);
      await this.audit.record(
        actor,
        {
          action: 'cooperation.partner.add',
          recordType: 'partner',
          recordId: row.id,
          details: { country: row.country },
        },
        trx,
      );
      return presentPartner(row);
    });
  }

  async setPartnerStatus(actor: Actor, id: string, status: 'trusted' | 'revoked'): Promise<cooperation.Partner> {
    requireRole(actor, PARTNER_MANAGER_ROLES, 'accept or revoke partner agencies');
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const row = await this.repo.getPartner(actor.agencyId, id, trx);
      if (!row) throw partnerNotFound();
      const now = this.now().toISOString();
      const change =
        status === 'trusted'
          ? { status, accepted_by: actor.userId, accepted_at: now, revoked_at: null }
          : { status, revoked_at: now };
      await this.repo.updatePartner(id, change, trx);
      await this.audit.record(
        actor,
        {
          action: status === 'trusted' ? 'cooperation.partner.accept' : 'cooperation.partner.revoke',
          recordType: 'partner',
          recordId: id,
          details: { fingerprint: row.fingerprint },
        },
        trx,
      );
      return presentPartner({ ...row, ...change });
    });
  }

  private async trustedPartner(agencyId: string, id: string, trx?: Kysely<Database>): Promise<PartnerRow> {
    const row = await this.repo.getPartner(agencyId, id, trx);
    if (!row) throw partnerNotFound();
    if (row.status !== 'trusted') {
      throw conflict(
        'partner_not_trusted',
        `${row.name} is not a trusted partner yet. Compare fingerprints by phone and accept the partner first.`,
      );
    }
    return row;
  }

  // ================================================================ signed requests (both directions)

  /** Checks a partner-signed request addressed to `agencyId`; returns the partner. */
  async authenticatePartner(agencyId: string, message: SignedMessage | null): Promise<PartnerRow> {
    let partner: PartnerRow | undefined;
    const now = this.now();
    await verifySignedMessage(message, {
      now,
      partnerKey: async (fp) => {
        partner = await this.repo.getPartnerByFingerprint(agencyId, fp);
        return partner?.status === 'trusted' ? partner.signing_key : null;
      },
      useNonce: (fp, nonce) =>
        this.repo.useNonce(fp, nonce, now.toISOString(), new Date(now.getTime() - 2 * REPLAY_WINDOW_MS).toISOString()),
    });
    return partner!;
  }

  private async signedFetch(
    agencyId: string,
    partner: PartnerRow,
    suffix: string,
    init: { method: 'GET' | 'POST'; body?: Buffer; file?: string; contentType?: string },
  ): Promise<Response> {
    if (!partner.endpoint) {
      throw conflict('partner_no_endpoint', `${partner.name} has no network address; exchange files instead.`);
    }
    const url = new URL(`${partner.endpoint.replace(/\/+$/, '')}/${suffix}`);
    const identity = await this.identity(agencyId);
    let bodySha = sha256Hex('');
    if (init.body) bodySha = sha256Hex(init.body);
    if (init.file) bodySha = (await hashFile(init.file)).sha256;
    const message = signRequest(identity, init.method, url.pathname, bodySha, this.now());
    const headers: Record<string, string> = signatureHeaders(message);
    if (init.contentType) headers['content-type'] = init.contentType;
    const body = init.file
      ? (Readable.toWeb(createReadStream(init.file)) as unknown as ReadableStream<Uint8Array>)
      : init.body;
    try {
      return await this.http(url, {
        method: init.method,
        headers,
        ...(body ? { body, duplex: 'half' } : {}),
      } as RequestInit);
    } catch (error) {
      throw new AppError('unavailable', 'partner_unreachable', `${partner.name} cannot be reached right now.`, {
        cause: error,
      });
    }
  }

  // ================================================================ hit/no-hit: responder side

  /**
   * Adds index entries for identifier entities not yet indexed, drops entries of deleted entities, and recomputes
   * entries made with an earlier protocol version.
   */
  async refreshIndex(agencyId: string): Promise<cooperation.IndexRefreshResponse> {
    const identity = await this.identity(agencyId);
    const removed =
      (await this.repo.pruneIndex(agencyId)) + (await this.repo.dropOtherProtocols(agencyId, HIT_PROTOCOL));
    let added = 0;
    for (;;) {
      const batch = await this.repo.unindexedIdentifiers(agencyId, Object.keys(INDEXED_ENTITY_TYPES), 2000);
      if (batch.length === 0) break;
      const at = this.now().toISOString();
      const rows = [];
      for (const e of batch) {
        rows.push({
          agency_id: agencyId,
          entity_id: e.id,
          entry: responderIndexEntry(identity.hitKey, {
            type: INDEXED_ENTITY_TYPES[e.entity_type]!,
            value: e.identifier_key!,
          }),
          protocol: HIT_PROTOCOL,
          created_at: at,
        });
        // ≈0.5 ms of CPU per entry: let other requests in every 200 entries.
        if (rows.length % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await this.repo.insertIndexEntries(rows);
      added += batch.length;
      if (batch.length < 2000) break;
    }
    return { indexed: await this.repo.countIndex(agencyId), added, removed };
  }

  async refreshIndexAsUser(actor: Actor): Promise<cooperation.IndexRefreshResponse> {
    requireRole(actor, PARTNER_MANAGER_ROLES, 'rebuild the hit/no-hit index');
    const result = await this.refreshIndex(actor.agencyId);
    await this.audit.record(actor, { action: 'cooperation.index.refresh', details: { ...result } });
    return result;
  }

  /** The published index, served only to accepted partners. */
  async publishedIndex(agencyId: string, partner: PartnerRow): Promise<cooperation.IndexResponse> {
    await this.refreshIndex(agencyId);
    const entries = await this.repo.indexEntries(agencyId, HIT_PROTOCOL);
    await this.audit.record(this.partnerActor(agencyId, partner), {
      action: 'cooperation.index.served',
      recordType: 'partner',
      recordId: partner.id,
      details: { entries: entries.length },
    });
    return { protocol: HIT_PROTOCOL, entries, generatedAt: this.now().toISOString() };
  }

  /** Evaluates a partner's blinded query: rate-limited per partner, audited, answers nothing but points. */
  async evaluate(
    agencyId: string,
    partner: PartnerRow,
    request: cooperation.EvaluateRequest,
  ): Promise<cooperation.EvaluateResponse> {
    const now = this.now();
    const since = new Date(now.getTime() - 3600_000).toISOString();
    const identity = await this.identity(agencyId);
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const load = await this.repo.inboundLoad(partner.id, since, trx);
      if (
        load.requests + 1 > this.rateLimit.requestsPerHour ||
        load.items + request.blinded.length > this.rateLimit.identifiersPerHour
      ) {
        await this.audit.record(
          this.partnerActor(agencyId, partner),
          {
            action: 'cooperation.hit.rate_limited',
            recordType: 'partner',
            recordId: partner.id,
            details: { asked: request.blinded.length, requestsInHour: load.requests, itemsInHour: load.items },
          },
          trx,
        );
        throw new AppError(
          'rate_limited',
          'hit_query_rate_limited',
          'Too many hit/no-hit queries from this partner in the last hour; try again later.',
        );
      }
      let answer;
      try {
        answer = evaluateQuery(identity.hitKey, request.blinded);
      } catch (error) {
        if (error instanceof MatchingProtocolError) throw invalid('hit_query_malformed', error.message);
        throw error;
      }
      await this.repo.logQuery(
        {
          id: newId(),
          agency_id: agencyId,
          partner_id: partner.id,
          direction: 'in',
          items: request.blinded.length,
          hits: null,
          user_id: null,
          created_at: now.toISOString(),
        },
        trx,
      );
      await this.audit.record(
        this.partnerActor(agencyId, partner),
        {
          action: 'cooperation.hit.evaluate',
          recordType: 'partner',
          recordId: partner.id,
          details: { items: request.blinded.length, purpose: request.purpose.slice(0, 200) },
        },
        trx,
      );
      return { protocol: HIT_PROTOCOL, ...answer, contact: null };
    });
  }

  // ================================================================ hit/no-hit: querier side

  async hitQuery(actor: Actor, request: cooperation.HitQueryRequest): Promise<cooperation.HitQueryResponse> {
    requireRole(actor, HIT_QUERY_ROLES, 'ask partners about identifiers');
    const agency = await new AgencyService(this.ctx).get(actor.agencyId);
    const identifiers = request.identifiers.map((raw, i) => {
      const result = normalizeIdentifier(raw.type, raw.value, { defaultRegion: agency.country });
      if (!result.ok) {
        throw invalid('hit_identifier_invalid', `Identifier ${i + 1} is not a valid ${raw.type}: ${result.reason}`, {
          index: i,
        });
      }
      return { type: raw.type, value: result.value };
    });
    const results: cooperation.HitQueryResponse['results'] = [];
    for (const partnerId of request.partnerIds) {
      const partner = await this.trustedPartner(actor.agencyId, partnerId);
      const base = { partnerId, agencyName: partner.name, country: partner.country };
      try {
        const indexResponse = await this.signedFetch(actor.agencyId, partner, 'index', { method: 'GET' });
        if (!indexResponse.ok) throw await remoteError(indexResponse);
        const index = (await indexResponse.json()) as cooperation.IndexResponse;
        if (index.protocol !== HIT_PROTOCOL) throw new MatchingProtocolError('The partner runs another protocol.');
        const query = await blindQueryInSlices(identifiers);
        const evaluateRequest: cooperation.EvaluateRequest = {
          protocol: HIT_PROTOCOL,
          blinded: query.blinded,
          purpose: request.purpose,
        };
        const body = Buffer.from(JSON.stringify(evaluateRequest));
        const answerResponse = await this.signedFetch(actor.agencyId, partner, 'evaluate', {
          method: 'POST',
          body,
          contentType: SIGNED_JSON,
        });
        if (!answerResponse.ok) throw await remoteError(answerResponse);
        const answer = (await answerResponse.json()) as cooperation.EvaluateResponse;
        if (answer.protocol !== HIT_PROTOCOL) throw new MatchingProtocolError('The partner runs another protocol.');
        const matched = finishQuery(query, answer, new Set(index.entries));
        const hits = matched.filter((m) => m.hit).map((m) => ({ type: m.identifier.type, value: m.identifier.value }));
        await this.repo.logQuery({
          id: newId(),
          agency_id: actor.agencyId,
          partner_id: partner.id,
          direction: 'out',
          items: identifiers.length,
          hits: hits.length,
          user_id: actor.userId,
          created_at: this.now().toISOString(),
        });
        await this.audit.record(actor, {
          action: 'cooperation.hit.query',
          recordType: 'partner',
          recordId: partner.id,
          details: { items: identifiers.length, hits: hits.length, purpose: request.purpose.slice(0, 200) },
        });
        results.push({
          ...base,
          ok: true,
          problem: null,
          contact: hits.length ? (partner.contact ?? partner.name) : null,
          hits,
        });
      } catch (error) {
        const problem =
          error instanceof MatchingProtocolError
            ? 'partner_answer_invalid'
            : error instanceof AppError
              ? error.code
              : 'partner_unreachable';
        results.push({ ...base, ok: false, problem, contact: null, hits: [] });
      }
    }
    return { results };
  }

  // ================================================================ packages: sending

  async createPackage(actor: Actor, request: cooperation.PackageCreateRequest): Promise<cooperation.PackageSummary> {
    await this.access.requireWriter(actor, request.caseId);
    const partners = await Promise.all(request.partnerIds.map((id) => this.trustedPartner(actor.agencyId, id)));
    const db = this.ctx.database.db;
    const caseRow = await db
      .selectFrom('cases')
      .select(['id', 'title', 'reference'])
      .where('id', '=', request.caseId)
      .executeTakeFirstOrThrow();
    const entities = request.entityIds.length
      ? await db
          .selectFrom('entities')
          .select(['id', 'entity_type', 'label', 'identifier_key', 'attributes'])
          .where('case_id', '=', request.caseId)
          .where('id', 'in', request.entityIds)
          .execute()
      : [];
    const notes = request.noteIds.length
      ? await db
          .selectFrom('case_notes')
          .select(['id', 'body', 'created_at'])
          .where('case_id', '=', request.caseId)
          .where('id', 'in', request.noteIds)
          .execute()
      : [];
    if (entities.length !== new Set(request.entityIds).size || notes.length !== new Set(request.noteIds).size) {
      throw invalid('package_selection_invalid', 'Some chosen entities or notes are not in this case.');
    }
    // Handling codes travel with material: what came in under a no-onward-sharing code cannot go out again.
    const restricted = (
      await this.repo.materialFor([...request.entityIds, ...request.noteIds, ...request.evidenceIds])
    ).filter((m) => handlingForbidsOnwardSharing(m.handling_code as HandlingCode));
    if (restricted.length > 0) {
      throw forbidden(
        'handling_forbids_onward_sharing',
        `${restricted.length} of the chosen records came from a partner under handling code ${restricted[0]!.handling_code}, which forbids passing them on. Ask the original sender for permission and leave them out.`,
      );
    }
    const packageId = newId();
    const recipientNames = partners.map((p) => `${p.name} (${p.country})`).join(', ');
    const sources: EvidenceSource[] = [];
    for (const itemId of request.evidenceIds) {
      const detail = await this.evidence.recordEvent(actor, itemId, {
        event: 'annotated',
        note: `Transferred to ${recipientNames} in cooperation package ${packageId}`.slice(0, 2000),
        reference: packageId,
      });
      if (detail.item.caseId !== request.caseId) {
        throw invalid('package_selection_invalid', 'Some chosen evidence items are not in this case.');
      }
      const item = detail.item;
      sources.push({
        exhibitNumber: item.exhibitNumber,
        fileName: item.fileName,
        mediaType: item.mediaType,
        description: item.description,
        size: item.size,
        sha256: item.sha256,
        senderItemId: item.id,
        custody: detail.custody,
        open: () => this.evidence.blobs.get(item.sha256),
      });
    }
    const agency = await new AgencyService(this.ctx).get(actor.agencyId);
    const identity = await this.identity(actor.agencyId);
    const outDir = this.dir(actor.agencyId, 'outbox');
    await fs.mkdir(outDir, { recursive: true, mode: 0o700 });
    const file = path.join(outDir, `${packageId}.trag.zip`);
    const created = this.now();
    const envelope = await buildPackage({
      sender: identity,
      senderAgency: { name: agency.name, country: agency.country },
      recipients: partners.map((p) => ({ fingerprint: p.fingerprint, ageRecipient: p.age_recipient })),
      packageId,
      created: created.toISOString(),
      expires: new Date(created.getTime() + request.expiresInDays * 86400_000).toISOString(),
      handling: { code: request.handlingCode, restrictions: request.restrictions ?? '' },
      grading: { source: request.sourceGrade, information: request.informationGrade },
      purpose: request.purpose,
      legalBasis: request.legalBasis,
      caseTitle: `${caseRow.reference} ${caseRow.title}`,
      entities: entities.map((e) => ({
        type: e.entity_type,
        label: e.label,
        identifier: e.identifier_key,
        attributes: JSON.parse(e.attributes) as Record<string, string>,
      })),
      notes: notes.map((n) => ({ body: n.body, created: n.created_at })),
      evidence: sources,
      out: file,
    });
    const size = (await fs.stat(file)).size;
    const row: PackageRow = {
      id: newId(),
      agency_id: actor.agencyId,
      direction: 'out',
      package_id: packageId,
      partner_id: partners.length === 1 ? partners[0]!.id : null,
      sender_fingerprint: identity.fingerprint,
      case_id: request.caseId,
      status: 'built',
      handling_code: request.handlingCode,
      envelope: JSON.stringify({ ...envelope, partnerIds: partners.map((p) => p.id) }),
      file_path: file,
      size,
      summary: JSON.stringify({
        entities: entities.length,
        notes: notes.length,
        evidence: sources.length,
        deliveries: [],
      }),
      receipt: null,
      created_by: actor.userId,
      created_at: created.toISOString(),
      updated_at: created.toISOString(),
    };
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.insertPackage(row, trx);
      await this.audit.record(
        actor,
        {
          action: 'cooperation.package.create',
          recordType: 'cooperation_package',
          recordId: row.id,
          caseId: request.caseId,
          details: {
            packageId,
            partners: partners.map((p) => p.id),
            handling: request.handlingCode,
            entities: entities.length,
            notes: notes.length,
            evidence: sources.length,
          },
        },
        trx,
      );
    });
    if (request.deliver) return this.deliverPackage(actor, row.id);
    return this.present(row);
  }

  /** Sends a built package to each recipient's endpoint (signed request, streamed body). */
  async deliverPackage(actor: Actor, id: string): Promise<cooperation.PackageSummary> {
    const row = await this.requireOwnPackage(actor, id, 'out');
    const envelope = JSON.parse(row.envelope) as PackageEnvelope & { partnerIds: string[] };
    const deliveries: Array<{ partnerId: string; ok: boolean; problem: string | null }> = [];
    for (const partnerId of envelope.partnerIds) {
      try {
        const partner = await this.trustedPartner(actor.agencyId, partnerId);
        const response = await this.signedFetch(actor.agencyId, partner, 'packages', {
          method: 'POST',
          file: row.file_path!,
          contentType: 'application/octet-stream',
        });
        if (!response.ok) throw await remoteError(response);
        deliveries.push({ partnerId, ok: true, problem: null });
      } catch (error) {
        deliveries.push({
          partnerId,
          ok: false,
          problem: error instanceof AppError ? error.code : 'partner_unreachable',
        });
      }
    }
    const summary = { ...(JSON.parse(row.summary) as Record<string, unknown>), deliveries };
    const status = row.status === 'receipted' ? 'receipted' : deliveries.some((d) => d.ok) ? 'delivered' : row.status;
    await this.repo.updatePackage(row.id, {
      summary: JSON.stringify(summary),
      status,
      updated_at: this.now().toISOString(),
    });
    await this.audit.record(actor, {
      action: 'cooperation.package.deliver',
      recordType: 'cooperation_package',
      recordId: row.id,
      caseId: row.case_id,
      details: { deliveries },
    });
    return this.present({ ...row, status, summary: JSON.stringify(summary) });
  }

  private async requireOwnPackage(actor: Actor, id: string, direction?: 'in' | 'out'): Promise<PackageRow> {
    requireRole(actor, COOPERATION_READER_ROLES, 'see cooperation packages');
    const row = await this.repo.getPackage(actor.agencyId, id);
    if (!row || (direction && row.direction !== direction)) throw packageNotFound();
    // Packages tied to a case are need-to-know: members of that case only.
    if (row.case_id) await this.access.requireMember(actor, row.case_id);
    return row;
  }

  async listPackages(actor: Actor): Promise<cooperation.PackageListResponse> {
    requireRole(actor, COOPERATION_READER_ROLES, 'see cooperation packages');
    const rows = await this.repo.listPackages(actor.agencyId);
    const visible: PackageRow[] = [];
    for (const row of rows) {
      if (!row.case_id || (await this.access.isMember(actor, row.case_id))) visible.push(row);
    }
    return { items: await Promise.all(visible.map((r) => this.present(r))) };
  }

  async getPackage(actor: Actor, id: string): Promise<cooperation.PackageSummary> {
    return this.present(await this.requireOwnPackage(actor, id));
  }

  /** The package file, for carrying by USB or e-mail (outgoing packages only). */
  async openPackageFile(actor: Actor, id: string): Promise<{ fileName: string; size: number; stream: Readable }> {
    const row = await this.requireOwnPackage(actor, id, 'out');
    await this.audit.record(actor, {
      action: 'cooperation.package.download',
      recordType: 'cooperation_package',
      recordId: row.id,
      caseId: row.case_id,
    });
    return { fileName: `${row.package_id}.trag.zip`, size: Number(row.size), stream: createReadStream(row.file_path!) };
  }

  // ================================================================ packages: receiving

  private verifyContext(agencyId: string, identity: CooperationIdentity, skipReplayOf?: string): VerifyContext {
    return {
      identity,
      now: this.now(),
      partner: async (fp) => {
        const row = await this.repo.getPartnerByFingerprint(agencyId, fp);
        if (!row || row.status === 'revoked') return null;
        return { signingKey: row.signing_key, trusted: row.status === 'trusted' };
      },
      seen: async (packageId) =>
        packageId !== skipReplayOf && !!(await this.repo.getPackageByPackageId(agencyId, 'in', packageId)),
    };
  }

  /**
   * Accepts a package file (uploaded by a user or delivered by a partner). Everything is checked before anything is
   * kept: a verified package goes to the inbox, a package signed by a stranger or a partner not yet accepted goes to
   * quarantine, any other problem rejects it (PackageRejected, nothing stored). `file` is consumed (moved or deleted).
   */
  async receivePackageFile(agencyId: string, file: string, by: Actor): Promise<ReceivedPackage> {
    const identity = await this.identity(agencyId);
    let quarantined = false;
    let envelope: PackageEnvelope;
    let envelopeText: string;
    try {
      const verified = await verifyPackage(file, this.verifyContext(agencyId, identity));
      envelope = verified.envelope;
      envelopeText = verified.envelopeBytes.toString('utf8');
    } catch (error) {
      if (!(error instanceof PackageRejected) || error.reason !== 'package_unknown_sender') {
        await fs.rm(file, { force: true });
        if (error instanceof PackageRejected) {
          await this.audit.record(by, {
            action: 'cooperation.package.rejected',
            details: { reason: error.reason },
          });
        }
        throw error;
      }
      // Quarantine: only a well-formed, signed envelope naming us, not seen before, from someone we do not trust yet.
      const read = await readEnvelope(file);
      if (!read.envelope.recipients.includes(identity.fingerprint)) {
        await fs.rm(file, { force: true });
        throw new PackageRejected('package_not_addressed_to_us');
      }
      if (await this.repo.getPackageByPackageId(agencyId, 'in', read.envelope.packageId)) {
        await fs.rm(file, { force: true });
        throw new PackageRejected('package_replayed');
      }
      envelope = read.envelope;
      envelopeText = read.envelopeBytes.toString('utf8');
      quarantined = true;
    }
    const box = this.dir(agencyId, quarantined ? 'quarantine' : 'inbox');
    await fs.mkdir(box, { recursive: true, mode: 0o700 });
    const target = path.join(box, `${envelope.packageId}.trag.zip`);
    await fs.rename(file, target);
    const partner = await this.repo.getPartnerByFingerprint(agencyId, envelope.sender.fingerprint);
    const now = this.now().toISOString();
    const row: PackageRow = {
      id: newId(),
      agency_id: agencyId,
      direction: 'in',
      package_id: envelope.packageId,
      partner_id: partner?.id ?? null,
      sender_fingerprint: envelope.sender.fingerprint,
      case_id: null,
      status: quarantined ? 'quarantined' : 'inbox',
      handling_code: envelope.handling.code,
      envelope: envelopeText,
      file_path: target,
      size: (await fs.stat(target)).size,
      summary: JSON.stringify({ entities: 0, notes: 0, evidence: 0, deliveries: [] }),
      receipt: null,
      created_by: by.userId,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.ctx.database.db.transaction().execute(async (trx) => {
        await this.repo.insertPackage(row, trx);
        await this.audit.record(
          by,
          {
            action: quarantined ? 'cooperation.package.quarantined' : 'cooperation.package.received',
            recordType: 'cooperation_package',
            recordId: row.id,
            details: {
              packageId: envelope.packageId,
              sender: envelope.sender.fingerprint,
              handling: envelope.handling.code,
            },
          },
          trx,
        );
      });
    } catch (error) {
      await fs.rm(target, { force: true });
      // Two copies arriving at once: the unique constraint decides, the second is a replay.
      if (await this.repo.getPackageByPackageId(agencyId, 'in', envelope.packageId)) {
        throw new PackageRejected('package_replayed');
      }
      throw error;
    }
    return { row, quarantined };
  }

  /** A user uploads a package file (from USB or e-mail). */
  async uploadPackage(actor: Actor, stream: Readable): Promise<cooperation.PackageSummary> {
    requireRole(actor, COOPERATION_READER_ROLES, 'receive cooperation packages');
    const tmp = this.dir(actor.agencyId, 'tmp');
    await fs.mkdir(tmp, { recursive: true, mode: 0o700 });
    const file = path.join(tmp, `upload-${newId()}.zip`);
    try {
      await pipeline(stream, createWriteStream(file, { mode: 0o600 }));
    } catch {
      await fs.rm(file, { force: true });
      throw invalid('package_upload_incomplete', 'The upload did not complete; nothing was stored. Try again.');
    }
    const { row } = await this.receivePackageFile(actor.agencyId, file, actor);
    return this.present(row);
  }

  /** A partner delivers a package over HTTPS (signature of the request already checked against bodySha256). */
  async receiveDelivered(agencyId: string, partner: PartnerRow, file: string): Promise<cooperation.PartnerAck> {
    const { row } = await this.receivePackageFile(agencyId, file, this.partnerActor(agencyId, partner));
    return { ok: true, status: row.status };
  }

  /**
   * Runs `fn` in one database transaction with a context whose services write into it: their own
   * `transaction().execute(…)` calls join this transaction instead of opening another (nested transactions are
   * not supported by Kysely), so a workflow that spans the cases, evidence, audit and cooperation services commits
   * or rolls back as one. Everything inside must use the given context, never `this.ctx` (on SQLite the one
   * connection is held by the transaction).
   */
  private inOneTransaction<T>(fn: (ctx: CoreContext) => Promise<T>): Promise<T> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const joined: Kysely<Database> = new Proxy(trx, {
        get(target, property) {
          if (property === 'transaction') {
            return () => ({ execute: <R>(inner: (t: Kysely<Database>) => Promise<R>) => inner(joined) });
          }
          const value: unknown = Reflect.get(target, property, target);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return fn({ ...this.ctx, database: { ...this.ctx.database, db: joined } });
    });
  }

  /** Imports a verified inbox package into a new or existing case and returns the signed receipt to the sender. */
  async importPackage(
    actor: Actor,
    id: string,
    request: cooperation.PackageImportRequest,
  ): Promise<cooperation.PackageImportResponse> {
    requireRole(actor, COOPERATION_READER_ROLES, 'import cooperation packages');
    const row = await this.repo.getPackage(actor.agencyId, id);
    if (!row || row.direction !== 'in') throw packageNotFound();
    if (row.status === 'imported') throw conflict('package_already_imported', 'This package was already imported.');
    const identity = await this.identity(actor.agencyId);
    // Re-check everything: a quarantined package is verified now that its sender may have been accepted.
    // (The payload hash is checked while decrypting: one pass over the file instead of two.)
    const verified = await verifyPackage(row.file_path!, this.verifyContext(actor.agencyId, identity, row.package_id), {
      deferPayloadHash: true,
    });
    const partner = (await this.repo.getPartnerByFingerprint(actor.agencyId, verified.envelope.sender.fingerprint))!;
    if (request.caseId) await this.access.requireWriter(actor, request.caseId);
    else if (!request.newCaseTitle) {
      throw invalid('package_case_required', 'Choose a case or give a title for a new case.');
    }
    const opened = await openPackage(row.file_path!, verified, identity, this.dir(actor.agencyId, 'tmp'));
    const envelope = verified.envelope;
    const handling = envelope.handling;
    const from = `${partner.name} (${partner.country})`;
    const counts = { entities: 0, notes: 0, evidence: 0 };
    const receiptEvidence: Array<{ sha256: string; exhibitNumber: string }> = [];
    let receipt: cooperation.Receipt;
    let caseId: string;
    try {
      // One transaction: the new case, entities, notes, evidence items with their custody, the handling-code
      // records, the package status and the audit entries are all stored, or none is. (Evidence originals are
      // content-addressed files; one left by a failed import is unreferenced and removed by the evidence clean-up.)
      ({ caseId, receipt } = await this.inOneTransaction(async (ctx) => {
        const repo = new CooperationRepository(ctx.database.db);
        const current = await repo.getPackage(actor.agencyId, row.id);
        if (current?.status === 'imported') {
          throw conflict('package_already_imported', 'This package was already imported.');
        }
        const cases = new CaseService(ctx);
        const evidenceService = new EvidenceService(ctx, this.evidenceOptions);
        const into =
          request.caseId ??
          (
            await cases.create(actor, {
              title: request.newCaseTitle!,
              type: 'other',
              description: `Opened from cooperation package ${row.package_id} from ${from}.`,
            })
          ).id;
        const material = (recordId: string, recordType: string, details: Record<string, unknown>) =>
          repo.insertMaterial({
            record_id: recordId,
            record_type: recordType,
            case_id: into,
            package_row_id: row.id,
            handling_code: handling.code,
            restrictions: handling.restrictions,
            details: JSON.stringify({ from, packageId: row.package_id, ...details }),
          });
        const entities = new EntityService(ctx);
        for (const e of opened.manifest.entities) {
          let result;
          try {
            result = await entities.create(actor, into, {
              type: e.type as never,
              label: e.label,
              ...(e.identifier ? { identifier: e.identifier } : {}),
              attributes: e.attributes,
              source: `cooperation:${row.package_id}`,
            });
          } catch (error) {
            // An identifier this instance cannot normalise is left out (and counted out), not fatal.
            if (error instanceof AppError && error.kind === 'invalid') continue;
            throw error;
          }
          if (result.created) {
            await material(result.entity.id, 'entity', {});
            counts.entities += 1;
          }
        }
        for (const n of opened.manifest.notes) {
          const note = await cases.addNote(
            actor,
            into,
            `[${handling.code} \u00b7 from ${from}, package ${row.package_id}, written ${n.created}]\n\n${n.body}`.slice(
              0,
              50_000,
            ),
          );
          await material(note.id, 'note', {});
          counts.notes += 1;
        }
        for (const e of opened.manifest.evidence) {
          const ledger = checkLedger(e.senderItemId, e.sha256, e.custody);
          const item = await evidenceService.collect(
            actor,
            into,
            {
              fileName: e.fileName,
              mediaType: e.mediaType,
              description: e.description,
              source:
                `Received from ${from}, cooperation package ${row.package_id}, their exhibit ${e.exhibitNumber}`.slice(
                  0,
                  500,
                ),
              legalBasis: envelope.legalBasis.slice(0, 500),
            },
            await opened.openEvidence(e.sha256),
          );
          await evidenceService.recordEvent(actor, item.id, {
            event: 'annotated',
            note: `Received from ${from} in cooperation package ${row.package_id} (their exhibit ${e.exhibitNumber}); their custody ledger of ${e.custody.length} entries ${ledger.ok ? 'holds' : `does NOT hold: ${ledger.problem}`} (head ${ledger.head.slice(0, 16)}\u2026). Handling code ${handling.code}.`.slice(
              0,
              2000,
            ),
            reference: row.package_id,
          });
          await material(item.id, 'evidence', {
            theirExhibit: e.exhibitNumber,
            theirLedger: { entries: e.custody.length, head: ledger.head, ok: ledger.ok },
          });
          receiptEvidence.push({ sha256: e.sha256, exhibitNumber: e.exhibitNumber });
          counts.evidence += 1;
        }
        const signed = signReceipt(identity, {
          format: 'trag-receipt/1',
          packageId: row.package_id,
          envelopeSha256: sha256Hex(row.envelope),
          sender: envelope.sender.fingerprint,
          recipient: identity.fingerprint,
          receivedAt: this.now().toISOString(),
          evidence: receiptEvidence,
        });
        await repo.updatePackage(row.id, {
          status: 'imported',
          case_id: into,
          partner_id: partner.id,
          summary: JSON.stringify({ ...counts, deliveries: [] }),
          receipt: JSON.stringify(signed),
          updated_at: this.now().toISOString(),
        });
        await new AuditService(ctx).record(actor, {
          action: 'cooperation.package.import',
          recordType: 'cooperation_package',
          recordId: row.id,
          caseId: into,
          details: { packageId: row.package_id, partner: partner.id, handling: handling.code, ...counts },
        });
        return { caseId: into, receipt: signed };
      }));
    } finally {
      await opened.close();
    }
    let receiptDelivered = false;
    if (partner.endpoint) {
      try {
        const response = await this.signedFetch(actor.agencyId, partner, 'receipts', {
          method: 'POST',
          body: Buffer.from(JSON.stringify(receipt)),
          contentType: SIGNED_JSON,
        });
        receiptDelivered = response.ok;
      } catch {
        receiptDelivered = false; // the receipt file can still be downloaded and sent by hand
      }
    }
    const updated = (await this.repo.getPackage(actor.agencyId, row.id))!;
    return { package: await this.present(updated), caseId, created: counts, receiptDelivered };
  }

  async receiptOf(actor: Actor, id: string): Promise<cooperation.Receipt> {
    const row = await this.requireOwnPackage(actor, id, 'in');
    if (!row.receipt)
      throw conflict('receipt_not_ready', 'The package has not been imported yet, so there is no receipt.');
    return JSON.parse(row.receipt) as cooperation.Receipt;
  }

  /** A receipt for one of our packages (from the partner over HTTPS, or uploaded as a file by a user). */
  async acceptReceipt(agencyId: string, receipt: cooperation.Receipt, by: Actor): Promise<cooperation.PartnerAck> {
    const row = await this.repo.getPackageByPackageId(agencyId, 'out', receipt.packageId);
    if (!row) throw packageNotFound();
    const identity = await this.identity(agencyId);
    const partner = await this.repo.getPartnerByFingerprint(agencyId, receipt.recipient);
    if (!partner || partner.status !== 'trusted' || receipt.sender !== identity.fingerprint) {
      throw invalid('receipt_unknown_party', 'The receipt is not from a trusted partner for one of our packages.');
    }
    if (!verifyReceipt(receipt, partner.signing_key)) {
      throw invalid('receipt_bad_signature', 'The receipt signature does not match the partner\u2019s key.');
    }
    const envelope = JSON.parse(row.envelope) as PackageEnvelope & { partnerIds?: string[] };
    const { partnerIds: _ignored, ...signedEnvelope } = envelope;
    void _ignored;
    if (receipt.envelopeSha256 !== sha256Hex(`${JSON.stringify(signedEnvelope, null, 2)}\n`)) {
      throw invalid('receipt_wrong_package', 'The receipt does not match the package we sent.');
    }
    await this.repo.updatePackage(row.id, {
      status: 'receipted',
      receipt: JSON.stringify(receipt),
      updated_at: this.now().toISOString(),
    });
    await this.audit.record(by, {
      action: 'cooperation.package.receipt',
      recordType: 'cooperation_package',
      recordId: row.id,
      caseId: row.case_id,
      details: { packageId: row.package_id, partner: partner.id, evidence: receipt.evidence.length },
    });
    return { ok: true, status: 'receipted' };
  }

  async uploadReceipt(actor: Actor, receipt: cooperation.Receipt): Promise<cooperation.PackageSummary> {
    requireRole(actor, COOPERATION_READER_ROLES, 'record receipts');
    const row = await this.repo.getPackageByPackageId(actor.agencyId, 'out', receipt.packageId);
    if (!row) throw packageNotFound();
    if (row.case_id) await this.access.requireMember(actor, row.case_id);
    await this.acceptReceipt(actor.agencyId, receipt, actor);
    return this.present((await this.repo.getPackage(actor.agencyId, row.id))!);
  }

  // ================================================================ handling codes shown with material

  async caseMaterial(actor: Actor, caseId: string): Promise<cooperation.CaseMaterialResponse> {
    await this.access.requireMember(actor, caseId);
    const rows = await this.repo.listMaterial(caseId);
    return {
      items: rows.map((r) => {
        const details = JSON.parse(r.details) as { from?: string; packageId?: string };
        return {
          recordId: r.record_id,
          recordType: r.record_type,
          handlingCode: r.handling_code as HandlingCode,
          restrictions: r.restrictions,
          from: details.from ?? '',
          packageId: details.packageId ?? '',
        };
      }),
    };
  }

  // ================================================================ presenter

  private async present(row: PackageRow): Promise<cooperation.PackageSummary> {
    const envelope = JSON.parse(row.envelope) as PackageEnvelope;
    const partner = row.partner_id ? await this.repo.getPartner(row.agency_id, row.partner_id) : undefined;
    const summary = JSON.parse(row.summary) as {
      entities: number;
      notes: number;
      evidence: number;
      deliveries?: Array<{ partnerId: string; ok: boolean; problem: string | null }>;
    };
    const receipt = row.receipt ? (JSON.parse(row.receipt) as cooperation.Receipt) : null;
    return {
      id: row.id,
      packageId: row.package_id,
      direction: row.direction as 'in' | 'out',
      status: row.status,
      partner: partner ? { id: partner.id, agencyName: partner.name, country: partner.country } : null,
      senderFingerprint: row.sender_fingerprint,
      caseId: row.case_id,
      handlingCode: envelope.handling.code,
      restrictions: envelope.handling.restrictions,
      sourceGrade: envelope.grading.source,
      informationGrade: envelope.grading.information,
      purpose: envelope.purpose,
      legalBasis: envelope.legalBasis,
      created: envelope.created,
      expires: envelope.expires,
      size: Number(row.size),
      counts: { entities: summary.entities, notes: summary.notes, evidence: summary.evidence },
      receipt: receipt ? { receivedAt: receipt.receivedAt, verified: true } : null,
      deliveries: summary.deliveries ?? [],
    };
  }
}

/** Content type of partner JSON requests: parsed by the API as raw bytes so the signed body hash can be checked. */
export const SIGNED_JSON = 'application/vnd.trag.signed+json';

function presentPartner(row: PartnerRow): cooperation.Partner {
  return {
    id: row.id,
    agencyName: row.name,
    country: row.country,
    kind: row.kind,
    fingerprint: row.fingerprint,
    fingerprintReadable: readableFingerprint(row.fingerprint),
    endpoint: row.endpoint,
    contact: row.contact,
    status: row.status as cooperation.Partner['status'],
    createdAt: row.created_at,
    acceptedAt: row.accepted_at,
  };
}

async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hashing = new HashingStream();
  for await (const chunk of createReadStream(file).pipe(hashing)) void chunk;
  return { sha256: hashing.digest(), size: hashing.bytes };
}

async function remoteError(response: Response): Promise<AppError> {
  let code = 'partner_error';
  try {
    const body = (await response.json()) as { error?: { code?: string } };
    if (typeof body.error?.code === 'string') code = body.error.code.slice(0, 80);
  } catch {
    // not JSON
  }
  return new AppError('unavailable', code, `The partner answered ${response.status}.`);
}

/** Re-checks a sender's custody chain (hash links and entry hashes); the manifest signature vouches for it whole. */
export function checkLedger(
  itemId: string,
  sha256: string,
  entries: evidenceContracts.CustodyEntry[],
): { ok: boolean; head: string; problem: string | null } {
  let prev = LEDGER_GENESIS;
  let seq = 0;
  for (const e of entries) {
    seq += 1;
    if (e.seq !== seq) return { ok: false, head: prev, problem: `entry ${seq} missing or out of order` };
    if (e.prevHash !== prev)
      return { ok: false, head: prev, problem: `entry ${seq} does not link to the previous one` };
    const hash = hashCustodyEntry(prev, {
      itemId,
      seq: e.seq,
      at: e.at,
      event: e.event,
      actor: { userId: e.actorUserId, name: e.actorName, agencyId: e.agencyId },
      sha256: e.sha256,
      details: e.details,
      keyFingerprint: e.keyFingerprint,
    });
    if (hash !== e.hash) return { ok: false, head: prev, problem: `entry ${seq} was changed` };
    if (e.sha256 !== sha256) return { ok: false, head: prev, problem: `entry ${seq} names another file` };
    prev = hash;
  }
  if (entries.length === 0) return { ok: false, head: prev, problem: 'the ledger is empty' };
  return { ok: true, head: prev, problem: null };
}

function receiptText(receipt: Omit<cooperation.Receipt, 'signature'>): Buffer {
  return Buffer.from(`trag-receipt-v1\n${canonicalJson(receipt)}`);
}

export function signReceipt(
  identity: CooperationIdentity,
  receipt: Omit<cooperation.Receipt, 'signature'>,
): cooperation.Receipt {
  return { ...receipt, signature: sign(null, receiptText(receipt), identity.signing.privateKey).toString('base64') };
}

export function verifyReceipt(receipt: cooperation.Receipt, signingKey: string): boolean {
  const { signature, ...rest } = receipt;
  try {
    const key = publicKeyFromBase64(signingKey);
    return verify(null, receiptText(rest), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
