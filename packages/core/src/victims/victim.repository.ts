// Every query on victim records, their sealed field groups, code counters and the access log.
import type { Kysely, Selectable, Insertable } from 'kysely';
import type { Database, VictimAccessLogTable, VictimRecordsTable } from '@trag/db';

export type VictimRecordRow = Selectable<VictimRecordsTable>;
export type VictimAccessRow = Selectable<VictimAccessLogTable>;

const RECORD_COLUMNS = [
  'id',
  'case_id',
  'agency_id',
  'code',
  'data_key_id',
  'status',
  'status_body',
  'status_date',
  'gender',
  'age_band',
  'is_child',
  'nationality',
  'exploitation_types',
  'recruitment_method',
  'country',
  'registration_year',
  'owner_user_id',
  'created_by',
  'created_at',
  'updated_at',
  'erased_at',
  'erased_by',
  'erasure_reason',
] as const;

export class VictimRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Next number of an agency's yearly victim code sequence (atomic on both engines). */
  async nextCodeNumber(agencyId: string, year: number, trx?: Kysely<Database>): Promise<number> {
    const row = await (trx ?? this.db)
      .insertInto('victim_code_counters')
      .values({ agency_id: agencyId, year, last_value: 1 })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year'])
          .doUpdateSet((eb) => ({ last_value: eb('victim_code_counters.last_value', '+', 1) })),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return Number(row.last_value);
  }

  async create(row: Insertable<VictimRecordsTable>, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).insertInto('victim_records').values(row).execute();
  }

  async get(id: string, trx?: Kysely<Database>): Promise<VictimRecordRow | undefined> {
    return (trx ?? this.db).selectFrom('victim_records').select(RECORD_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async listByCase(caseId: string, trx?: Kysely<Database>): Promise<VictimRecordRow[]> {
    return (trx ?? this.db)
      .selectFrom('victim_records')
      .select(RECORD_COLUMNS)
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('code')
      .execute();
  }

  async update(
    id: string,
    values: Partial<Omit<VictimRecordsTable, 'id' | 'case_id' | 'agency_id' | 'code'>>,
    trx?: Kysely<Database>,
  ): Promise<void> {
    await (trx ?? this.db).updateTable('victim_records').set(values).where('id', '=', id).execute();
  }

  async getGroups(recordId: string, groups: readonly string[], trx?: Kysely<Database>) {
    if (groups.length === 0) return [];
    return (trx ?? this.db)
      .selectFrom('victim_field_groups')
      .select(['field_group', 'sealed', 'updated_at', 'updated_by'])
      .where('record_id', '=', recordId)
      .where('field_group', 'in', [...groups])
      .execute();
  }

  async putGroup(recordId: string, group: string, sealed: string, actorId: string, at: string, trx?: Kysely<Database>) {
    await (trx ?? this.db)
      .insertInto('victim_field_groups')
      .values({ record_id: recordId, field_group: group, sealed, updated_by: actorId, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['record_id', 'field_group']).doUpdateSet({ sealed, updated_by: actorId, updated_at: at }),
      )
      .execute();
  }

  async deleteGroups(recordId: string, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).deleteFrom('victim_field_groups').where('record_id', '=', recordId).execute();
  }

  async logAccess(row: Insertable<VictimAccessLogTable>, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).insertInto('victim_access_log').values(row).execute();
  }

  async listAccess(recordId: string, limit: number, offset: number, trx?: Kysely<Database>) {
    const db = trx ?? this.db;
    const rows = await db
      .selectFrom('victim_access_log')
      .selectAll()
      .where('record_id', '=', recordId)
      .orderBy('at', 'desc')
      .orderBy('id')
      .limit(limit)
      .offset(offset)
      .execute();
    const total = await db
      .selectFrom('victim_access_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('record_id', '=', recordId)
      .executeTakeFirstOrThrow();
    return { rows, total: Number(total.n) };
  }

  /** Unacknowledged break-glass reads of records the user owns. */
  async openBreakGlassAlerts(ownerUserId: string, trx?: Kysely<Database>) {
    return (trx ?? this.db)
      .selectFrom('victim_access_log')
      .innerJoin('victim_records', 'victim_records.id', 'victim_access_log.record_id')
      .select([
        'victim_access_log.id',
        'victim_access_log.record_id',
        'victim_access_log.case_id',
        'victim_access_log.at',
        'victim_access_log.actor_user_id',
        'victim_access_log.actor_name',
        'victim_access_log.actor_role',
        'victim_access_log.reason',
        'victim_records.code',
      ])
      .where('victim_records.owner_user_id', '=', ownerUserId)
      .where('victim_access_log.action', '=', 'break_glass_read')
      .where('victim_access_log.acknowledged_at', 'is', null)
      .orderBy('victim_access_log.at', 'desc')
      .execute();
  }

  async acknowledgeAlert(entryId: string, ownerUserId: string, at: string, trx?: Kysely<Database>): Promise<boolean> {
    const db = trx ?? this.db;
    const row = await db
      .selectFrom('victim_access_log')
      .innerJoin('victim_records', 'victim_records.id', 'victim_access_log.record_id')
      .select('victim_access_log.id')
      .where('victim_access_log.id', '=', entryId)
      .where('victim_records.owner_user_id', '=', ownerUserId)
      .where('victim_access_log.action', '=', 'break_glass_read')
      .executeTakeFirst();
    if (!row) return false;
    await db.updateTable('victim_access_log').set({ acknowledged_at: at }).where('id', '=', entryId).execute();
    return true;
  }
}
