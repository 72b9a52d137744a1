import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { newId } from '../shared/ids';
import {
  AuditChainVerifier,
  GENESIS_HASH,
  hashAuditEntry,
  type ChainBreak,
  type ChainedAuditEntry,
} from './audit-chain';
import { AuditRepository, type AuditFilter, type AuditRow } from './audit.repository';
import type { AuditFilterQuery, AuditListResponse } from '@trag/contracts/audit';
import { invalid } from '../shared/errors';
import { pageBounds } from '../shared/pagination';
import { auditCsvHeader, auditCsvRow } from './audit-csv';
import { requireAuditScope } from './audit.policy';
import { presentAuditEntry } from './audit.presenter';

export interface AuditEvent {
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  caseId?: string | null;
  /** Facts about the event (changed field names, counts); never protected content or secrets. */
  details?: Record<string, unknown>;
}

const HEAD_KEY = 'audit.head';

export function rowToEntry(row: AuditRow): ChainedAuditEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorAgencyId: row.actor_agency_id,
    ip: row.ip,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    caseId: row.case_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * Result of a full verification. `head` is the newest entry's seq and hash when the chain holds: keep it outside the
 * database, and a later rewrite of the whole chain shows up as a different hash at that seq.
 */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  broken: ChainBreak | null;
  head: { seq: number; hash: string } | null;
}

export class AuditService {
  private readonly repo: AuditRepository;

  constructor(private readonly ctx: CoreContext) {
    this.repo = new AuditRepository(ctx.database.db);
  }

  /**
   * Appends one entry. Pass the caller's transaction so the entry commits (or rolls back) with the change it
   * describes; without one, the entry gets its own transaction.
   */
  async record(actor: Actor | null, event: AuditEvent, trx?: Kysely<Database>): Promise<void> {
    if (trx) return this.append(trx, actor, event);
    await this.ctx.database.db.transaction().execute((t) => this.append(t, actor, event));
  }

  private async append(trx: Kysely<Database>, actor: Actor | null, event: AuditEvent): Promise<void> {
    await this.repo.lockTail(trx, this.ctx.database.dialect);
    const tail = await this.repo.getTail(trx);
    const prevHash = tail?.hash ?? GENESIS_HASH;
    const content = {
      seq: tail ? Number(tail.seq) + 1 : 1,
      id: newId(),
      at: this.ctx.clock.now().toISOString(),
      actorUserId: actor?.userId ?? null,
      actorAgencyId: actor?.agencyId ?? null,
      ip: actor?.ip ?? null,
      action: event.action,
      recordType: event.recordType ?? null,
      recordId: event.recordId ?? null,
      caseId: event.caseId ?? null,
      details: event.details ?? {},
    };
    const hash = hashAuditEntry(prevHash, content);
    await this.repo.insert(trx, {
      seq: content.seq,
      id: content.id,
      at: content.at,
      actor_user_id: content.actorUserId,
      actor_agency_id: content.actorAgencyId,
      ip: content.ip,
      action: content.action,
      record_type: content.recordType,
      record_id: content.recordId,
      case_id: content.caseId,
      details: JSON.stringify(content.details),
      prev_hash: prevHash,
      hash,
    });
    await this.repo.putSetting(trx, HEAD_KEY, JSON.stringify({ seq: content.seq, hash }));
  }

  /** Re-checks the whole chain in batches; returns the number of entries checked and the first break, if any. */
  async verify(): Promise<AuditVerification> {
    const verifier = new AuditChainVerifier();
    let after = 0;
    for (;;) {
      const rows = await this.repo.listAfter(after, 5000);
      if (rows.length === 0) break;
      for (const row of rows) {
        if (verifier.push(rowToEntry(row))) {
          return { ok: false, checked: verifier.count, broken: verifier.broken, head: null };
        }
      }
      after = Number(rows[rows.length - 1]!.seq);
    }
    const headText = await this.repo.getSetting(HEAD_KEY);
    const head = headText ? (JSON.parse(headText) as { seq: number; hash: string }) : null;
    const broken = verifier.finish(head);
    const lastGood = broken === null && verifier.count > 0 ? { seq: verifier.count, hash: verifier.lastHash } : null;
    return { ok: broken === null, checked: verifier.count, broken, head: lastGood };
  }

  async list(filter: AuditFilter, limit: number, offset: number) {
    const { rows, total } = await this.repo.list(filter, limit, offset);
    return { entries: rows.map(rowToEntry), total };
  }

  /**
   * The audit browser: entries the actor may see (see audit.policy.ts), newest first. Starting a search (the first
   * page) is itself recorded as `audit.search`, so supervisors' oversight is overseen too.
   */
  async browse(actor: Actor, query: AuditQuery): Promise<AuditListResponse> {
    const scope = requireAuditScope(actor);
    const filter = { ...normaliseAuditQuery(query), agencyId: scope.agencyId };
    const { limit, offset } = pageBounds(query);
    const { rows, total } = await this.repo.list(filter, limit, offset);
    if (offset === 0) await this.record(actor, { action: 'audit.search', details: describeFilter(filter) });
    return {
      items: rows.map((row) => presentAuditEntry({ ...rowToEntry(row), actorUsername: row.actor_username })),
      total,
      limit,
      offset,
    };
  }

  /**
   * CSV export of every entry the actor may see that matches the filter, oldest first, yielded in chunks so that a
   * log of any size streams in constant memory. Recorded as `audit.export` before the first byte leaves.
   */
  async *exportCsv(actor: Actor, query: AuditFilterQuery): AsyncGenerator<string> {
    const scope = requireAuditScope(actor);
    const filter = { ...normaliseAuditQuery(query), agencyId: scope.agencyId };
    await this.record(actor, { action: 'audit.export', details: describeFilter(filter) });
    yield auditCsvHeader();
    let after = 0;
    for (;;) {
      const rows = await this.repo.listForExport(filter, after, 2000);
      if (rows.length === 0) return;
      yield rows.map((row) => auditCsvRow({ ...rowToEntry(row), actorUsername: row.actor_username })).join('');
      after = Number(rows[rows.length - 1]!.seq);
    }
  }
}

export type AuditQuery = AuditFilterQuery & { limit?: number | undefined; offset?: number | undefined };

/** Turns the query's dates into stored-form timestamps (ISO-8601 UTC with milliseconds) so text comparison is exact. */
export function normaliseAuditQuery(query: AuditFilterQuery): AuditFilter {
  return {
    caseId: query.caseId,
    actorUserId: query.actorUserId,
    action: query.action,
    recordType: query.recordType,
    recordId: query.recordId,
    from: query.from === undefined ? undefined : toStoredTime(query.from, 'start'),
    to: query.to === undefined ? undefined : toStoredTime(query.to, 'end'),
  };
}

function toStoredTime(value: string, edge: 'start' | 'end'): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const time = new Date(dateOnly ? `${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z` : value);
  if (Number.isNaN(time.getTime())) {
    throw invalid('invalid_date', `"${value}" is not a valid date. Use YYYY-MM-DD or an ISO-8601 date-time.`);
  }
  return time.toISOString();
}

function describeFilter(filter: AuditFilter): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) details[key] = value;
  return { filter: details };
}
