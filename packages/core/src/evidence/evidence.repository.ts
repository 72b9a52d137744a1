// Every query of the evidence domain. No HTTP, no rules: callers pass a transaction when they need one.
import { sql, type Kysely, type Selectable } from 'kysely';
import type {
  Database,
  EvidenceCustodyTable,
  EvidenceExportsTable,
  EvidenceThumbnailsTable,
  EvidenceItemsTable,
  EvidenceMessagesTable,
} from '@trag/db';

export type EvidenceItemRow = Selectable<EvidenceItemsTable>;
export type CustodyRow = Selectable<EvidenceCustodyTable>;
export type MessageRow = Selectable<EvidenceMessagesTable>;
export type ExportRow = Selectable<EvidenceExportsTable>;
export type ThumbnailRow = Selectable<EvidenceThumbnailsTable>;

const ITEM_COLUMNS = [
  'id',
  'case_id',
  'agency_id',
  'exhibit_number',
  'parent_id',
  'kind',
  'file_name',
  'media_type',
  'size',
  'sha256',
  'description',
  'source',
  'legal_basis',
  'location',
  'device',
  'collected_by',
  'collected_by_name',
  'collected_at',
  'status',
  'import_format',
  'metadata',
  'ledger_head_seq',
  'ledger_head_hash',
  'created_at',
] as const;

const CUSTODY_COLUMNS = [
  'item_id',
  'seq',
  'at',
  'event',
  'actor_user_id',
  'actor_name',
  'agency_id',
  'sha256',
  'details',
  'key_fingerprint',
  'prev_hash',
  'hash',
  'signature',
  'timestamp',
] as const;

export interface EvidenceListFilter {
  kind?: string | undefined;
  exhibit?: string | undefined;
  collector?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  includeAttachments?: boolean | undefined;
}

export class EvidenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string, trx: Kysely<Database> = this.db): Promise<EvidenceItemRow | undefined> {
    return trx.selectFrom('evidence_items').select(ITEM_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async getMany(ids: string[], trx: Kysely<Database> = this.db): Promise<EvidenceItemRow[]> {
    if (ids.length === 0) return [];
    const rows: EvidenceItemRow[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      rows.push(
        ...(await trx
          .selectFrom('evidence_items')
          .select(ITEM_COLUMNS)
          .where('id', 'in', ids.slice(i, i + 500))
          .execute()),
      );
    }
    return rows;
  }

  async list(caseId: string, filter: EvidenceListFilter): Promise<EvidenceItemRow[]> {
    let query = this.db.selectFrom('evidence_items').select(ITEM_COLUMNS).where('case_id', '=', caseId);
    if (!filter.includeAttachments) query = query.where('parent_id', 'is', null);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.exhibit) query = query.where('exhibit_number', 'like', `%${filter.exhibit}%`);
    if (filter.collector) {
      const pattern = `%${filter.collector.toLowerCase()}%`;
      query = query.where((eb) =>
        eb.or([eb('collected_by', '=', filter.collector!), eb(eb.fn('lower', ['collected_by_name']), 'like', pattern)]),
      );
    }
    if (filter.from) query = query.where('collected_at', '>=', filter.from);
    if (filter.to) query = query.where('collected_at', '<=', filter.to);
    return query.orderBy('collected_at', 'asc').orderBy('exhibit_number', 'asc').limit(5000).execute();
  }

  async listChildren(parentId: string, trx: Kysely<Database> = this.db): Promise<EvidenceItemRow[]> {
    return trx
      .selectFrom('evidence_items')
      .select(ITEM_COLUMNS)
      .where('parent_id', '=', parentId)
      .orderBy('exhibit_number')
      .execute();
  }

  /** Other items in the same case holding identical content. */
  async sameContent(caseId: string, sha256: string, excludeId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('evidence_items')
      .select('exhibit_number')
      .where('case_id', '=', caseId)
      .where('sha256', '=', sha256)
      .where('id', '<>', excludeId)
      .execute();
    return rows.map((r) => r.exhibit_number);
  }

  async countBySha(sha256: string, trx: Kysely<Database> = this.db): Promise<number> {
    const row = await trx
      .selectFrom('evidence_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sha256', '=', sha256)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(trx: Kysely<Database>, row: EvidenceItemRow): Promise<void> {
    await trx.insertInto('evidence_items').values(row).execute();
  }

  async exhibitTaken(trx: Kysely<Database>, agencyId: string, exhibit: string): Promise<boolean> {
    const row = await trx
      .selectFrom('evidence_items')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('exhibit_number', '=', exhibit)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Next value of the agency's exhibit counter for the year (row-locked on PostgreSQL by the upsert). */
  async nextExhibitValue(trx: Kysely<Database>, agencyId: string, year: number): Promise<number> {
    const row = await trx
      .insertInto('evidence_exhibit_counters')
      .values({ agency_id: agencyId, year, last_value: 1 })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'year']).doUpdateSet({ last_value: sql`evidence_exhibit_counters.last_value + 1` }),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return Number(row.last_value);
  }

  async agencyPrefix(trx: Kysely<Database>, agencyId: string): Promise<string | undefined> {
    const row = await trx
      .selectFrom('agencies')
      .select('reference_prefix')
      .where('id', '=', agencyId)
      .executeTakeFirst();
    return row?.reference_prefix;
  }

  async agencyNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async agencyExists(id: string, trx: Kysely<Database> = this.db): Promise<boolean> {
    return (await trx.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  /** Takes the item's row lock (PostgreSQL) so that one ledger never forks; SQLite serialises writers anyway. */
  async lockItem(trx: Kysely<Database>, id: string): Promise<void> {
    await trx
      .updateTable('evidence_items')
      .set({ ledger_head_seq: sql`ledger_head_seq` })
      .where('id', '=', id)
      .execute();
  }

  async setHead(trx: Kysely<Database>, id: string, seq: number, hash: string, status?: string, agencyId?: string) {
    await trx
      .updateTable('evidence_items')
      .set({
        ledger_head_seq: seq,
        ledger_head_hash: hash,
        ...(status ? { status } : {}),
        ...(agencyId ? { agency_id: agencyId } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async lastCustody(trx: Kysely<Database>, itemId: string): Promise<Pick<CustodyRow, 'seq' | 'hash'> | undefined> {
    return trx
      .selectFrom('evidence_custody')
      .select(['seq', 'hash'])
      .where('item_id', '=', itemId)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async insertCustody(trx: Kysely<Database>, row: CustodyRow): Promise<void> {
    await trx.insertInto('evidence_custody').values(row).execute();
  }

  async custody(itemId: string, trx: Kysely<Database> = this.db): Promise<CustodyRow[]> {
    return trx
      .selectFrom('evidence_custody')
      .select(CUSTODY_COLUMNS)
      .where('item_id', '=', itemId)
      .orderBy('seq', 'asc')
      .execute();
  }

  async custodyMany(itemIds: string[]): Promise<Map<string, CustodyRow[]>> {
    const result = new Map<string, CustodyRow[]>();
    for (let i = 0; i < itemIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('evidence_custody')
        .select(CUSTODY_COLUMNS)
        .where('item_id', 'in', itemIds.slice(i, i + 500))
        .orderBy('item_id')
        .orderBy('seq', 'asc')
        .execute();
      for (const row of rows) {
        const list = result.get(row.item_id) ?? [];
        list.push(row);
        result.set(row.item_id, list);
      }
    }
    return result;
  }

  async putSigningKey(
    trx: Kysely<Database>,
    row: { fingerprint: string; agency_id: string; public_key_pem: string; created_at: string },
  ): Promise<void> {
    await trx
      .insertInto('evidence_signing_keys')
      .values(row)
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .execute();
  }

  async signingKeys(
    fingerprints: string[],
  ): Promise<{ fingerprint: string; agency_id: string; public_key_pem: string }[]> {
    if (fingerprints.length === 0) return [];
    return this.db
      .selectFrom('evidence_signing_keys')
      .select(['fingerprint', 'agency_id', 'public_key_pem'])
      .where('fingerprint', 'in', fingerprints)
      .execute();
  }

  async insertMessages(trx: Kysely<Database>, rows: MessageRow[]): Promise<void> {
    // 14 columns per row: stay well under SQLite's and PostgreSQL's bound-parameter limits.
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('evidence_messages')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  }

  async messages(itemId: string, limit: number, offset: number): Promise<{ rows: MessageRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.db
        .selectFrom('evidence_messages')
        .selectAll()
        .where('item_id', '=', itemId)
        .orderBy('idx')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.db
        .selectFrom('evidence_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('item_id', '=', itemId)
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  /** Stores a thumbnail once per original; identical originals share it. */
  async insertThumbnail(trx: Kysely<Database>, row: ThumbnailRow): Promise<void> {
    await trx
      .insertInto('evidence_thumbnails')
      .values(row)
      .onConflict((oc) => oc.column('derived_from').doNothing())
      .execute();
  }

  async thumbnail(derivedFrom: string): Promise<ThumbnailRow | undefined> {
    return this.db
      .selectFrom('evidence_thumbnails')
      .selectAll()
      .where('derived_from', '=', derivedFrom)
      .executeTakeFirst();
  }

  async insertExport(trx: Kysely<Database>, row: ExportRow): Promise<void> {
    await trx.insertInto('evidence_exports').values(row).execute();
  }

  async getExport(id: string): Promise<ExportRow | undefined> {
    return this.db.selectFrom('evidence_exports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Case ids with this id or reference (references are unique per agency, so several may match). */
  async caseIdsByIdOrReference(value: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('cases')
      .select('id')
      .where((eb) => eb.or([eb('id', '=', value), eb('reference', '=', value)]))
      .execute();
    return rows.map((r) => r.id);
  }

  async caseInfo(caseId: string): Promise<{ id: string; reference: string; title: string } | undefined> {
    return this.db.selectFrom('cases').select(['id', 'reference', 'title']).where('id', '=', caseId).executeTakeFirst();
  }

  /** Items received from a partner agency under one of `codes` (cooperation's record of received material). */
  async receivedUnderCodes(
    itemIds: string[],
    codes: readonly string[],
  ): Promise<Array<{ record_id: string; handling_code: string }>> {
    if (itemIds.length === 0 || codes.length === 0) return [];
    const rows: Array<{ record_id: string; handling_code: string }> = [];
    for (let i = 0; i < itemIds.length; i += 500) {
      rows.push(
        ...(await this.db
          .selectFrom('coop_material')
          .select(['record_id', 'handling_code'])
          .where('record_id', 'in', itemIds.slice(i, i + 500))
          .where('handling_code', 'in', [...codes])
          .execute()),
      );
    }
    return rows;
  }
}
