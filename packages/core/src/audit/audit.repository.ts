import { sql, type Kysely } from 'kysely';
import type { AuditLogTable, Database } from '@trag/db';
import type { Selectable } from 'kysely';

export type AuditRow = Selectable<AuditLogTable>;

const COLUMNS = [
  'seq',
  'id',
  'at',
  'actor_user_id',
  'actor_agency_id',
  'ip',
  'action',
  'record_type',
  'record_id',
  'case_id',
  'details',
  'prev_hash',
  'hash',
] as const;

const QUALIFIED = COLUMNS.map((c) => `audit_log.${c}` as const);

export type AuditRowWithUser = AuditRow & { actor_username: string | null };

export interface AuditFilter {
  caseId?: string | undefined;
  actorUserId?: string | undefined;
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Restrict to entries of these agencies' actors (supervisors see their own agency). */
  agencyId?: string | undefined;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Serialises appenders across processes (PostgreSQL) so the chain has exactly one tail. */
  async lockTail(trx: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<void> {
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7314001)`.execute(trx);
  }

  async getTail(trx: Kysely<Database> = this.db): Promise<Pick<AuditRow, 'seq' | 'hash'> | undefined> {
    return trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  }

  async insert(trx: Kysely<Database>, row: AuditRow): Promise<void> {
    await trx.insertInto('audit_log').values(row).execute();
  }

  /** Rows in sequence order after `afterSeq`, for verification in batches. */
  async listAfter(afterSeq: number, limit: number): Promise<AuditRow[]> {
    return this.db
      .selectFrom('audit_log')
      .select(COLUMNS)
      .where('seq', '>', afterSeq)
      .orderBy('seq', 'asc')
      .limit(limit)
      .execute();
  }

  private filtered(filter: AuditFilter) {
    let query = this.db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_user_id');
    if (filter.caseId) query = query.where('audit_log.case_id', '=', filter.caseId);
    if (filter.actorUserId) query = query.where('audit_log.actor_user_id', '=', filter.actorUserId);
    if (filter.action) query = query.where('audit_log.action', '=', filter.action);
    if (filter.recordType) query = query.where('audit_log.record_type', '=', filter.recordType);
    if (filter.recordId) query = query.where('audit_log.record_id', '=', filter.recordId);
    if (filter.from) query = query.where('audit_log.at', '>=', filter.from);
    if (filter.to) query = query.where('audit_log.at', '<=', filter.to);
    if (filter.agencyId) query = query.where('audit_log.actor_agency_id', '=', filter.agencyId);
    return query;
  }

  /** Newest first, with the actor's username (null for system entries and deleted users). */
  async list(filter: AuditFilter, limit: number, offset: number): Promise<{ rows: AuditRowWithUser[]; total: number }> {
    const query = this.filtered(filter);
    const [rows, count] = await Promise.all([
      query
        .select(QUALIFIED)
        .select('users.username as actor_username')
        .orderBy('audit_log.seq', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  /** Oldest first after `afterSeq` (keyset paging), for exports of any size in constant memory. */
  async listForExport(filter: AuditFilter, afterSeq: number, limit: number): Promise<AuditRowWithUser[]> {
    return this.filtered(filter)
      .select(QUALIFIED)
      .select('users.username as actor_username')
      .where('audit_log.seq', '>', afterSeq)
      .orderBy('audit_log.seq', 'asc')
      .limit(limit)
      .execute();
  }

  async getSetting(key: string, trx: Kysely<Database> = this.db): Promise<string | undefined> {
    const row = await trx.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async putSetting(trx: Kysely<Database>, key: string, value: string): Promise<void> {
    await trx
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
