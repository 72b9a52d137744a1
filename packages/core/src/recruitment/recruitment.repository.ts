// Every query of the recruitment domain. Explicit column lists; an optional transaction; no HTTP errors.
import { CompiledQuery, sql, type Kysely, type Selectable, type Insertable } from 'kysely';
import type { Database, TragDatabase } from '@trag/db';
import type { RecruitmentItemsTable, RecruitmentIdentifiersTable, RecruitmentImportsTable } from '@trag/db';

/** An item as read back (its stored signature is read only by the template view). */
export type ItemRow = Omit<Selectable<RecruitmentItemsTable>, 'minhash'>;
/** An item as written by an import, with its MinHash signature. */
export type NewItemRow = Insertable<RecruitmentItemsTable>;
export type IdentifierRow = Selectable<RecruitmentIdentifiersTable>;
export type ImportRow = Selectable<RecruitmentImportsTable>;

const ITEM_COLUMNS = [
  'id',
  'case_id',
  'import_id',
  'external_id',
  'text',
  'url',
  'posted_at',
  'source',
  'source_position',
  'evidence_id',
  'language',
  'score',
  'flagged',
  'analysis',
  'relevance',
  'marked_by',
  'marked_at',
  'created_at',
] as const;

/** What the template and network views show of an item (see itemsByIds). */
const ITEM_BRIEF_COLUMNS = [
  'id',
  'external_id',
  'text',
  'score',
  'flagged',
  'source_position',
  'posted_at',
  'created_at',
] as const;
export type ItemBrief = Pick<ItemRow, (typeof ITEM_BRIEF_COLUMNS)[number]>;

/** Written on import; read back only by caseItemSignatures. */
const ITEM_INSERT_COLUMNS = [...ITEM_COLUMNS, 'minhash'] as const;

/** Rows per INSERT statement (well under SQLite's and PostgreSQL's parameter limits). */
const CHUNK = 200;

const IDENTIFIER_COLUMNS = ['id', 'case_id', 'item_id', 'type', 'value', 'span_start', 'span_end'] as const;

type SqliteHandle = NonNullable<TragDatabase['sqlite']>;
type Statement = ReturnType<SqliteHandle['prepare']>;

const insertSql = (table: string, columns: readonly string[]) =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;

/**
 * PostgreSQL's bulk path has two shapes, chosen per table by measurement (bench/recruitment-import.ts and a
 * save-only comparison on 20,000 items, docs/benchmarks/recruitment.md):
 *  - items (few rows, long texts): multi-row VALUES, 500 rows (18 columns × 500 = 9,000 parameters, under the
 *    65,535 limit). Each value goes as its own parameter, untouched; as array literals the texts and analyses
 *    would have to be escaped element by element in JavaScript, which cost four times the client CPU.
 *  - identifiers (many rows, short values): INSERT … SELECT FROM unnest(one array per column), 10,000 rows: one
 *    short statement per chunk instead of 3,500-placeholder statements per 500 rows for the server to parse and
 *    plan.
 */
const PG_VALUES_ROWS = 500;
const PG_UNNEST_ROWS = 10_000;

/** "INSERT … VALUES ($1, …), (…)" for `rows` rows of `columns`, written once per shape. */
function pgValuesSql(table: string, columns: readonly string[], rows: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    tuples.push(`(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
  }
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`;
}

/** PostgreSQL types of the bulk-inserted columns that are not text (unnest's arrays are cast to them). */
const PG_TYPES: Readonly<Record<string, string>> = {
  score: 'real',
  flagged: 'integer',
  span_start: 'integer',
  span_end: 'integer',
};

/** "INSERT … SELECT * FROM unnest($1::text[], …)": one array parameter per column, rows in step. */
function pgUnnestSql(table: string, columns: readonly string[]): string {
  const arrays = columns.map((column, i) => `$${i + 1}::${PG_TYPES[column] ?? 'text'}[]`);
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})`;
}

export class RecruitmentRepository {
  private statements: { item: Statement; identifier: Statement } | undefined;
  private readonly pgSql = new Map<string, string>();

  /**
   * Bulk inserts inside a transaction skip the query builder: on SQLite one prepared statement on the raw handle
   * (the same connection the Kysely transaction holds), on PostgreSQL large multi-row INSERTs on the transaction's
   * connection (see PG_VALUES_ROWS). A 100,000-item import then spends seconds writing instead of a minute building
   * queries value by value.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite?: SqliteHandle,
    private readonly dialect: TragDatabase['dialect'] = sqlite ? 'sqlite' : 'postgres',
  ) {}

  /** PostgreSQL bulk path for items: precompiled multi-row INSERTs on the transaction's own connection. */
  private async pgInsertValues(
    trx: Kysely<Database>,
    table: 'recruitment_items',
    columns: readonly string[],
    rows: ReadonlyArray<Record<string, unknown>>,
  ): Promise<void> {
    for (let i = 0; i < rows.length; i += PG_VALUES_ROWS) {
      const chunk = rows.slice(i, i + PG_VALUES_ROWS);
      const key = `${table}:${chunk.length}`;
      let text = this.pgSql.get(key);
      if (!text) {
        text = pgValuesSql(table, columns, chunk.length);
        this.pgSql.set(key, text);
      }
      const params: unknown[] = [];
      for (const row of chunk) for (const column of columns) params.push(row[column] ?? null);
      await trx.executeQuery(CompiledQuery.raw(text, params));
    }
  }

  /** PostgreSQL bulk path for identifiers: INSERT from column arrays on the transaction's own connection. */
  private async pgInsertUnnest(
    trx: Kysely<Database>,
    table: 'recruitment_identifiers',
    columns: readonly string[],
    rows: ReadonlyArray<Record<string, unknown>>,
  ): Promise<void> {
    const text = pgUnnestSql(table, columns);
    for (let i = 0; i < rows.length; i += PG_UNNEST_ROWS) {
      const chunk = rows.slice(i, i + PG_UNNEST_ROWS);
      const params = columns.map((column) => chunk.map((row) => row[column] ?? null));
      await trx.executeQuery(CompiledQuery.raw(text, params));
    }
  }

  private prepared(trx: Kysely<Database>): { item: Statement; identifier: Statement } | null {
    if (!this.sqlite || !trx.isTransaction) return null;
    this.statements ??= {
      item: this.sqlite.prepare(insertSql('recruitment_items', ITEM_INSERT_COLUMNS)),
      identifier: this.sqlite.prepare(insertSql('recruitment_identifiers', IDENTIFIER_COLUMNS)),
    };
    return this.statements;
  }

  async createImport(row: Insertable<RecruitmentImportsTable>, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.insertInto('recruitment_imports').values(row).execute();
  }

  async createItems(rows: Insertable<RecruitmentItemsTable>[], trx: Kysely<Database> = this.db): Promise<void> {
    const fast = this.prepared(trx);
    if (fast) {
      for (const row of rows) fast.item.run({ minhash: null, ...row });
      return;
    }
    if (this.dialect === 'postgres' && trx.isTransaction) {
      return this.pgInsertValues(trx, 'recruitment_items', ITEM_INSERT_COLUMNS, rows);
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('recruitment_items')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
  }

  async createIdentifiers(
    rows: Insertable<RecruitmentIdentifiersTable>[],
    trx: Kysely<Database> = this.db,
  ): Promise<void> {
    const fast = this.prepared(trx);
    if (fast) {
      for (const row of rows) fast.identifier.run(row);
      return;
    }
    if (this.dialect === 'postgres' && trx.isTransaction) {
      return this.pgInsertUnnest(trx, 'recruitment_identifiers', IDENTIFIER_COLUMNS, rows);
    }
    for (let i = 0; i < rows.length; i += CHUNK) {
      await trx
        .insertInto('recruitment_identifiers')
        .values(rows.slice(i, i + CHUNK))
        .execute();
    }
  }

  async getItem(id: string, trx: Kysely<Database> = this.db): Promise<ItemRow | undefined> {
    return trx.selectFrom('recruitment_items').select(ITEM_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async listItems(
    caseId: string,
    query: { limit: number; offset: number; flaggedOnly?: boolean },
    trx: Kysely<Database> = this.db,
  ): Promise<{ rows: ItemRow[]; total: number }> {
    let base = trx.selectFrom('recruitment_items').where('case_id', '=', caseId);
    if (query.flaggedOnly) base = base.where('flagged', '=', 1);
    const rows = await base
      .select(ITEM_COLUMNS)
      .orderBy('score', 'desc')
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
    return { rows, total: Number(count?.n ?? 0) };
  }

  async identifiersOfItem(itemId: string, trx: Kysely<Database> = this.db): Promise<IdentifierRow[]> {
    return trx
      .selectFrom('recruitment_identifiers')
      .select(IDENTIFIER_COLUMNS)
      .where('item_id', '=', itemId)
      .orderBy('span_start')
      .execute();
  }

  /** Identifiers of a case with the items they appear in (for the network view). */
  async caseIdentifierLinks(
    caseId: string,
    trx: Kysely<Database> = this.db,
  ): Promise<
    Array<{
      type: string;
      value: string;
      item_id: string;
      posted_at: string | null;
      created_at: string;
      score: number;
      flagged: number;
      excerpt: string;
      source: string | null;
    }>
  > {
    return trx
      .selectFrom('recruitment_identifiers as i')
      .innerJoin('recruitment_items as it', 'it.id', 'i.item_id')
      .select([
        'i.type',
        'i.value',
        'i.item_id',
        'it.posted_at',
        'it.created_at',
        'it.score',
        'it.flagged',
        // the network shows 80 characters of each item: reading whole texts cost seconds at 100,000 items
        sql<string>`substr(it.text, 1, 81)`.as('excerpt'),
        'it.source',
      ])
      .where('i.case_id', '=', caseId)
      .where('i.type', '!=', 'amount')
      .orderBy('i.item_id')
      .execute();
  }

  /**
   * Every identifier of a case (not amounts) in at least `minDegree` items, counted by the database: degree, first
   * and last sighting (posting time, else import time).
   */
  async identifierDegrees(
    caseId: string,
    minDegree: number,
    trx: Kysely<Database> = this.db,
  ): Promise<Array<{ type: string; value: string; degree: number; first_seen: string; last_seen: string }>> {
    const rows = await trx
      .selectFrom('recruitment_identifiers as i')
      .innerJoin('recruitment_items as it', 'it.id', 'i.item_id')
      .select((eb) => [
        'i.type',
        'i.value',
        eb.fn.count<string | number>('i.item_id').distinct().as('degree'),
        eb.fn.min<string>(eb.fn.coalesce('it.posted_at', 'it.created_at')).as('first_seen'),
        eb.fn.max<string>(eb.fn.coalesce('it.posted_at', 'it.created_at')).as('last_seen'),
      ])
      .where('i.case_id', '=', caseId)
      .where('i.type', '!=', 'amount')
      .groupBy(['i.type', 'i.value'])
      .having((eb) => eb.fn.count('i.item_id').distinct(), '>=', minDegree)
      .execute();
    return rows.map((r) => ({ ...r, degree: Number(r.degree) }));
  }

  /** How many distinct items carry an identifier (not an amount) that is in at least `minDegree` items. */
  async networkItemCount(caseId: string, minDegree: number, trx: Kysely<Database> = this.db): Promise<number> {
    if (minDegree <= 1) {
      const row = await trx
        .selectFrom('recruitment_identifiers')
        .select((eb) => eb.fn.count<string | number>('item_id').distinct().as('n'))
        .where('case_id', '=', caseId)
        .where('type', '!=', 'amount')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    }
    const kept = trx
      .selectFrom('recruitment_identifiers')
      .select(['type', 'value'])
      .where('case_id', '=', caseId)
      .where('type', '!=', 'amount')
      .groupBy(['type', 'value'])
      .having((eb) => eb.fn.count('item_id').distinct(), '>=', minDegree);
    const row = await trx
      .selectFrom('recruitment_identifiers as i')
      .innerJoin(kept.as('k'), (join) => join.onRef('k.type', '=', 'i.type').onRef('k.value', '=', 'i.value'))
      .select((eb) => eb.fn.count<string | number>('i.item_id').distinct().as('n'))
      .where('i.case_id', '=', caseId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * For each given identifier of a case, one indexed lookup each: its first `perIdentifier` items (by item id, as
   * the network's pure builder lists them), and its sources with the first item each appears in. (One statement
   * for all of them, with an OR of pairs, made SQLite scan the whole case: 6 s at 100,000 items.)
   */
  async identifierItems(
    caseId: string,
    keys: ReadonlyArray<{ type: string; value: string }>,
    perIdentifier: number,
    trx: Kysely<Database> = this.db,
  ): Promise<{
    items: Array<{ type: string; value: string; item_id: string }>;
    sources: Array<{ type: string; value: string; source: string; first_item: string }>;
  }> {
    const items: Array<{ type: string; value: string; item_id: string }> = [];
    const sources: Array<{ type: string; value: string; source: string; first_item: string }> = [];
    for (const { type, value } of keys) {
      const found = await trx
        .selectFrom('recruitment_identifiers')
        .select('item_id')
        .distinct()
        .where('case_id', '=', caseId)
        .where('type', '=', type)
        .where('value', '=', value)
        .orderBy('item_id')
        .limit(perIdentifier)
        .execute();
      for (const row of found) items.push({ type, value, item_id: row.item_id });
      const seen = await trx
        .selectFrom('recruitment_identifiers as i')
        .innerJoin('recruitment_items as it', 'it.id', 'i.item_id')
        .select((eb) => ['it.source', eb.fn.min<string>('i.item_id').as('first_item')])
        .where('i.case_id', '=', caseId)
        .where('i.type', '=', type)
        .where('i.value', '=', value)
        .where('it.source', 'is not', null)
        .groupBy('it.source')
        .execute();
      for (const row of seen) sources.push({ type, value, source: row.source!, first_item: row.first_item });
    }
    return { items, sources };
  }

  /**
   * Every item of a case in import order with its score and stored MinHash signature (null for items imported
   * before signatures were kept): what grouping the case's template ads needs, without the texts.
   */
  async caseItemSignatures(
    caseId: string,
    trx: Kysely<Database> = this.db,
  ): Promise<Array<{ id: string; score: number; minhash: string | null }>> {
    return trx
      .selectFrom('recruitment_items')
      .select(['id', 'score', 'minhash'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /**
   * Stores signatures computed later for items imported before they were kept (see caseItemSignatures): one
   * UPDATE … SET minhash = CASE id WHEN … per 100 items (one statement per row took 40 s for 100,000 on PostgreSQL).
   */
  async storeSignatures(signatures: ReadonlyArray<{ id: string; minhash: string }>): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (let i = 0; i < signatures.length; i += 100) {
        const part = signatures.slice(i, i + 100);
        await trx
          .updateTable('recruitment_items')
          .set((eb) => {
            let choice = eb.case('id').when(part[0]!.id).then(part[0]!.minhash);
            for (const { id, minhash } of part.slice(1)) choice = choice.when(id).then(minhash);
            return { minhash: choice.end() };
          })
          .where(
            'id',
            'in',
            part.map((s) => s.id),
          )
          .where('minhash', 'is', null)
          .execute();
      }
    });
  }

  /** Some items of a case by id, with what the template and network views show (text included). */
  async itemsByIds(caseId: string, ids: readonly string[], trx: Kysely<Database> = this.db): Promise<ItemBrief[]> {
    const rows: ItemBrief[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      // By primary key only: with "case_id = ?" as well, SQLite walks the case's index and tests every item of
      // the case against the list (100,000 items: 0.4 s per 1,000 ids). The case is checked on the rows instead.
      const found = await trx
        .selectFrom('recruitment_items')
        .select(['case_id', ...ITEM_BRIEF_COLUMNS])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      for (const { case_id, ...row } of found) if (case_id === caseId) rows.push(row);
    }
    return rows;
  }

  /** (item, type, value) of every identifier of a case except amounts. */
  async caseIdentifierValues(
    caseId: string,
    trx: Kysely<Database> = this.db,
  ): Promise<Array<{ item_id: string; type: string; value: string }>> {
    return trx
      .selectFrom('recruitment_identifiers')
      .select(['item_id', 'type', 'value'])
      .where('case_id', '=', caseId)
      .where('type', '!=', 'amount')
      .execute();
  }

  async mark(
    id: string,
    values: { relevance: string | null; marked_by: string | null; marked_at: string | null },
    trx: Kysely<Database> = this.db,
  ): Promise<void> {
    await trx.updateTable('recruitment_items').set(values).where('id', '=', id).execute();
  }

  async hasIdentifier(caseId: string, type: string, value: string, trx: Kysely<Database> = this.db): Promise<boolean> {
    const row = await trx
      .selectFrom('recruitment_identifiers')
      .select('id')
      .where('case_id', '=', caseId)
      .where('type', '=', type)
      .where('value', '=', value)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
