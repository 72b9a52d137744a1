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

  async list(filter: AuditFilter, limit: number, offset: number): Promise<{ rows: AuditRow[]; total: number }> {
    let query = this.db.selectFrom('audit_log');
    if (filter.caseId) query = query.where('case_id', '=', filter.caseId);
    if (filter.actorUserId) query = query.where('actor_user_id', '=', filter.actorUserId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
    if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<=', filter.to);
    if (filter.agencyId) query = query.where('actor_agency_id', '=', filter.agencyId);
    const [rows, count] = await Promise.all([
      query.select(COLUMNS).orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
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
