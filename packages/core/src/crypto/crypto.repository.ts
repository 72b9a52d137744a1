// Every query of the crypto domain. No rules here: the service decides, this file reads and writes.
import type { Kysely } from 'kysely';
import type { Database, CryptoImportsTable, CryptoTagsTable, CryptoTracesTable, CryptoWalletsTable } from '@trag/db';
import type { FlowRecord, TagRecord } from './flow-record';
import type { TraceTransfer } from './trace';

type Db = Kysely<Database>;

export interface TransferRow {
  seq: number;
  chain: string;
  asset: string;
  token_contract: string | null;
  tx_hash: string;
  transfer_key: string;
  from_node: string;
  to_node: string;
  amount: string;
  amount_value: number;
  time: string;
  time_ms: number;
  block_number: number | null;
}

const TRANSFER_COLUMNS = [
  'seq',
  'chain',
  'asset',
  'token_contract',
  'tx_hash',
  'transfer_key',
  'from_node',
  'to_node',
  'amount',
  'amount_value',
  'time',
  'time_ms',
  'block_number',
] as const;

export function toTraceTransfer(row: TransferRow): TraceTransfer {
  return {
    id: String(row.seq),
    from: row.from_node,
    to: row.to_node,
    amount: Number(row.amount_value),
    time: Number(row.time_ms),
    asset: row.asset,
    txHash: row.tx_hash,
    seq: Number(row.seq),
  };
}

/** The raw better-sqlite3 handle, for the bulk-insert fast path (same connection, so inside the same transaction). */
interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): unknown[];
  raw(on: boolean): SqliteStatement;
}
interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
}

/** Bulk imports running per SQLite handle (see beginBulk). */
const bulkImports = new WeakMap<object, number>();

export class CryptoRepository {
  private insertTransferStmt: SqliteStatement | undefined;
  private traceFromStmt: SqliteStatement | undefined;
  private traceToStmt: SqliteStatement | undefined;

  constructor(
    private readonly db: Db,
    private readonly sqlite?: SqliteHandle,
  ) {}

  getImportByFile(caseId: string, kind: string, sha256: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_imports')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('kind', '=', kind)
      .where('file_sha256', '=', sha256)
      .executeTakeFirst();
  }

  createImport(row: CryptoImportsTable, trx: Db = this.db) {
    return trx.insertInto('crypto_imports').values(row).execute();
  }

  /** The highest transfer seq of the whole table (seq is global): every row written after this call is larger. */
  maxSeqAll(trx: Db = this.db) {
    return trx
      .selectFrom('crypto_transfers')
      .select((eb) => eb.fn.max('seq').as('max'))
      .executeTakeFirst()
      .then((r) => Number(r?.max ?? 0));
  }

  setImportProgress(id: string, committed: number, added: number, trx: Db = this.db) {
    return trx.updateTable('crypto_imports').set({ committed, added }).where('id', '=', id).execute();
  }

  completeImport(id: string, sha256: string, recordCount: number, added: number, stats: string, trx: Db = this.db) {
    return trx
      .updateTable('crypto_imports')
      .set({ file_sha256: sha256, record_count: recordCount, added, committed: recordCount, stats, status: 'complete' })
      .where('id', '=', id)
      .execute();
  }

  /** Removes an unfinished import and every transfer it wrote (they all have seq > its base_seq). */
  async deleteImport(caseId: string, importId: string, baseSeq: number, trx: Db = this.db) {
    await trx
      .deleteFrom('crypto_transfers')
      .where('seq', '>', baseSeq)
      .where('import_id', '=', importId)
      .where('case_id', '=', caseId)
      .execute();
    await trx.deleteFrom('crypto_imports').where('id', '=', importId).execute();
  }

  /** The lowest base_seq of the case's unfinished imports (their rows are not part of any snapshot yet), or null. */
  lowestIncompleteBase(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_imports')
      .select((eb) => eb.fn.min('base_seq').as('min'))
      .where('case_id', '=', caseId)
      .where('status', '=', 'incomplete')
      .executeTakeFirst()
      .then((r) => (r?.min === null || r?.min === undefined ? null : Number(r.min)));
  }

  /**
   * SQLite bulk phase: the two node indexes are dropped while a large import appends rows and built again at the
   * end (one sort instead of millions of random B-tree inserts), with fewer, larger WAL checkpoints meanwhile. The
   * unique content-key index stays: it is what makes re-imports add nothing. Bulk imports running at once in this
   * process share one phase (counted per database handle); the last to end rebuilds the indexes.
   * `restoreNodeIndexes` also runs before every import and trace when no bulk import is running here, so an import
   * killed mid-way never leaves the indexes missing for long.
   */
  beginBulk(): boolean {
    if (!this.sqlite) return false;
    const running = bulkImports.get(this.sqlite) ?? 0;
    bulkImports.set(this.sqlite, running + 1);
    if (running === 0) {
      this.sqlite.prepare('DROP INDEX IF EXISTS crypto_transfers_from_idx').run();
      this.sqlite.prepare('DROP INDEX IF EXISTS crypto_transfers_to_idx').run();
      this.sqlite.prepare('PRAGMA wal_autocheckpoint = 20000').run();
    }
    return true;
  }

  endBulk(): void {
    if (!this.sqlite) return;
    const running = (bulkImports.get(this.sqlite) ?? 1) - 1;
    bulkImports.set(this.sqlite, running);
    if (running > 0) return;
    this.sqlite.prepare('PRAGMA wal_autocheckpoint = 1000').run();
    this.restoreNodeIndexes();
  }

  restoreNodeIndexes() {
    if (!this.sqlite || (bulkImports.get(this.sqlite) ?? 0) > 0) return;
    this.sqlite
      .prepare('CREATE INDEX IF NOT EXISTS crypto_transfers_from_idx ON crypto_transfers (from_node, case_id)')
      .run();
    this.sqlite
      .prepare('CREATE INDEX IF NOT EXISTS crypto_transfers_to_idx ON crypto_transfers (to_node, case_id)')
      .run();
  }

  listImports(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_imports')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /**
   * Inserts a batch; rows already present (same case, chain, tx, key) are left alone. Returns how many were new.
   * The crypto_txs table of migration 0030 is no longer written: nothing reads it (each transfer carries its tx hash,
   * block and time), and at 10 M transfers it cost a quarter of the database and one random index insert per row.
   */
  async insertTransfers(caseId: string, importId: string, records: FlowRecord[], trx: Db = this.db): Promise<number> {
    if (!records.length) return 0;
    if (this.sqlite) {
      // SQLite: one prepared statement per row on the same connection (the caller's transaction is open on it),
      // several times faster than building multi-row statements.
      if (!this.insertTransferStmt) {
        // A larger page cache for bulk imports (about 200 MB): index inserts stay in memory much longer.
        this.sqlite.prepare('PRAGMA cache_size = -200000').run();
      }
      this.insertTransferStmt ??= this.sqlite.prepare(
        'INSERT INTO crypto_transfers (case_id, import_id, chain, asset, token_contract, tx_hash, transfer_key, from_node, to_node, amount, amount_value, time, time_ms, block_number, source_line) ' +
          'VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (case_id, chain, tx_hash, transfer_key) DO NOTHING',
      );
      let added = 0;
      for (const r of records) {
        added += this.insertTransferStmt.run(
          caseId,
          importId,
          r.chain,
          r.asset,
          r.tokenContract,
          r.txHash,
          r.key,
          r.from,
          r.to,
          r.amount,
          Number(r.amount),
          r.time,
          Date.parse(r.time),
          r.blockNumber,
          r.source.line,
        ).changes;
      }
      return added;
    }
    const result = await trx
      .insertInto('crypto_transfers')
      .values(
        records.map((r) => ({
          case_id: caseId,
          import_id: importId,
          chain: r.chain,
          asset: r.asset,
          token_contract: r.tokenContract,
          tx_hash: r.txHash,
          transfer_key: r.key,
          from_node: r.from,
          to_node: r.to,
          amount: r.amount,
          amount_value: Number(r.amount),
          time: r.time,
          time_ms: Date.parse(r.time),
          block_number: r.blockNumber,
          source_line: r.source.line,
        })),
      )
      .onConflict((oc) => oc.columns(['case_id', 'chain', 'tx_hash', 'transfer_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  async insertTags(
    caseId: string,
    importId: string,
    tags: TagRecord[],
    createdAt: string,
    newId: () => string,
    trx: Db = this.db,
  ) {
    let added = 0;
    for (let i = 0; i < tags.length; i += 500) {
      const rows: CryptoTagsTable[] = tags.slice(i, i + 500).map((t) => ({
        id: newId(),
        case_id: caseId,
        import_id: importId,
        address: t.address,
        chain: t.chain,
        label: t.label,
        category: t.category,
        actor: t.actor,
        source: t.source,
        confidence: t.confidence,
        is_cluster_definer: t.isClusterDefiner ? 1 : 0,
        pack: t.pack,
        line: t.line,
        created_at: createdAt,
      }));
      const r = await trx
        .insertInto('crypto_tags')
        .values(rows)
        .onConflict((oc) => oc.columns(['case_id', 'address', 'pack', 'label']).doNothing())
        .executeTakeFirst();
      added += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  maxSeq(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_transfers')
      .select((eb) => eb.fn.max('seq').as('max'))
      .where('case_id', '=', caseId)
      .executeTakeFirst()
      .then((r) => Number(r?.max ?? 0));
  }

  countTransfers(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_transfers')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirst()
      .then((r) => Number(r?.n ?? 0));
  }

  /**
   * Every transfer touching any of the nodes, up to a snapshot sequence number. Two queries (sender side, receiver
   * side) so that each uses its index; an OR across both columns would scan the table.
   */
  async transfersOfNodes(caseId: string, nodes: string[], maxSeq: number, trx: Db = this.db): Promise<TransferRow[]> {
    const out = new Map<number, TransferRow>();
    for (let i = 0; i < nodes.length; i += 400) {
      const chunk = nodes.slice(i, i + 400);
      for (const column of ['from_node', 'to_node'] as const) {
        const rows = await trx
          .selectFrom('crypto_transfers')
          .select(TRANSFER_COLUMNS)
          .where(column, 'in', chunk)
          .where('case_id', '=', caseId)
          .where('seq', '<=', maxSeq)
          .execute();
        for (const r of rows as TransferRow[]) out.set(Number(r.seq), r);
      }
    }
    return [...out.values()];
  }

  /**
   * The trace's read: every transfer touching any of the nodes (seq ≤ maxSeq), as trace transfers, each once. SQLite
   * reads through two prepared statements (sender side, receiver side: each uses its node index) returning arrays,
   * which at 1 M transfers is several times cheaper than building and running the query through Kysely per node.
   */
  async traceTransfersOfNodes(caseId: string, nodes: string[], maxSeq: number): Promise<TraceTransfer[]> {
    const out = new Map<number, TraceTransfer>();
    if (this.sqlite) {
      const columns = 'seq, from_node, to_node, amount_value, time_ms, asset, tx_hash';
      this.traceFromStmt ??= this.sqlite
        .prepare(`SELECT ${columns} FROM crypto_transfers WHERE from_node = ? AND case_id = ? AND seq <= ?`)
        .raw(true);
      this.traceToStmt ??= this.sqlite
        .prepare(`SELECT ${columns} FROM crypto_transfers WHERE to_node = ? AND case_id = ? AND seq <= ?`)
        .raw(true);
      for (const node of nodes) {
        for (const stmt of [this.traceFromStmt, this.traceToStmt]) {
          for (const r of stmt.all(node, caseId, maxSeq) as [
            number,
            string,
            string,
            number,
            number,
            string,
            string,
          ][]) {
            if (out.has(r[0])) continue;
            out.set(r[0], {
              id: String(r[0]),
              from: r[1],
              to: r[2],
              amount: Number(r[3]),
              time: Number(r[4]),
              asset: r[5],
              txHash: r[6],
              seq: r[0],
            });
          }
        }
      }
      return [...out.values()];
    }
    for (const r of await this.transfersOfNodes(caseId, nodes, maxSeq)) out.set(Number(r.seq), toTraceTransfer(r));
    return [...out.values()];
  }

  getTransfer(caseId: string, seq: number, maxSeq: number, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_transfers')
      .select(TRANSFER_COLUMNS)
      .where('case_id', '=', caseId)
      .where('seq', '=', seq)
      .where('seq', '<=', maxSeq)
      .executeTakeFirst() as Promise<TransferRow | undefined>;
  }

  listTransfers(caseId: string, filter: { node?: string; limit: number; offset: number }, trx: Db = this.db) {
    let q = trx.selectFrom('crypto_transfers').select(TRANSFER_COLUMNS).where('case_id', '=', caseId);
    if (filter.node) q = q.where((eb) => eb.or([eb('from_node', '=', filter.node!), eb('to_node', '=', filter.node!)]));
    return q.orderBy('time_ms').orderBy('seq').limit(filter.limit).offset(filter.offset).execute() as Promise<
      TransferRow[]
    >;
  }

  /** Transactions whose inputs belong to Bitcoin transaction nodes (for clustering). */
  btcInputs(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_transfers')
      .select(['tx_hash', 'from_node', 'amount_value', 'transfer_key'])
      .where('case_id', '=', caseId)
      .where('chain', '=', 'btc')
      .where('transfer_key', 'like', 'in:%')
      .orderBy('seq')
      .execute();
  }

  btcOutputs(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_transfers')
      .select(['tx_hash', 'to_node', 'amount_value'])
      .where('case_id', '=', caseId)
      .where('chain', '=', 'btc')
      .where('transfer_key', 'like', 'out:%')
      .execute();
  }

  tagsFor(caseId: string, addresses: string[], trx: Db = this.db) {
    if (!addresses.length) return Promise.resolve([]);
    return trx
      .selectFrom('crypto_tags')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('address', 'in', addresses.slice(0, 30000))
      .orderBy('address')
      .orderBy('pack')
      .execute();
  }

  countTags(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_tags')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirst()
      .then((r) => Number(r?.n ?? 0));
  }

  replaceClusterLinks(
    caseId: string,
    links: { a: string; b: string; txid: string }[],
    createdAt: string,
    trx: Db = this.db,
  ) {
    return (async () => {
      await trx.deleteFrom('crypto_cluster_links').where('case_id', '=', caseId).execute();
      for (let i = 0; i < links.length; i += 500) {
        await trx
          .insertInto('crypto_cluster_links')
          .values(
            links.slice(i, i + 500).map((l) => ({
              case_id: caseId,
              address_a: l.a,
              address_b: l.b,
              tx_hash: l.txid,
              created_at: createdAt,
            })),
          )
          .onConflict((oc) => oc.columns(['case_id', 'address_a', 'address_b']).doNothing())
          .execute();
      }
    })();
  }

  clusterLinks(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_cluster_links')
      .select(['address_a', 'address_b', 'tx_hash'])
      .where('case_id', '=', caseId)
      .execute();
  }

  createWallet(row: CryptoWalletsTable, trx: Db = this.db) {
    return trx
      .insertInto('crypto_wallets')
      .values(row)
      .onConflict((oc) => oc.columns(['case_id', 'address']).doNothing())
      .execute();
  }

  listWallets(caseId: string, trx: Db = this.db) {
    return trx.selectFrom('crypto_wallets').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute();
  }

  /** Which of these addresses appear (as wallet or in transfers) in other cases; returns address → case ids. */
  async otherCasesWith(caseId: string, addresses: string[], trx: Db = this.db): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    const add = (a: string, c: string) => {
      const s = out.get(a) ?? new Set<string>();
      s.add(c);
      out.set(a, s);
    };
    for (let i = 0; i < addresses.length; i += 400) {
      const chunk = addresses.slice(i, i + 400);
      const wallets = await trx
        .selectFrom('crypto_wallets')
        .select(['address', 'case_id'])
        .where('address', 'in', chunk)
        .where('case_id', '!=', caseId)
        .execute();
      for (const w of wallets) add(w.address, w.case_id);
      const from = await trx
        .selectFrom('crypto_transfers')
        .select(['from_node as address', 'case_id'])
        .distinct()
        .where('from_node', 'in', chunk)
        .where('case_id', '!=', caseId)
        .execute();
      for (const r of from) add(r.address, r.case_id);
      const to = await trx
        .selectFrom('crypto_transfers')
        .select(['to_node as address', 'case_id'])
        .distinct()
        .where('to_node', 'in', chunk)
        .where('case_id', '!=', caseId)
        .execute();
      for (const r of to) add(r.address, r.case_id);
    }
    return out;
  }

  createTrace(row: CryptoTracesTable, trx: Db = this.db) {
    return trx.insertInto('crypto_traces').values(row).execute();
  }

  getTrace(caseId: string, id: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_traces')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listTraces(caseId: string, trx: Db = this.db) {
    return trx
      .selectFrom('crypto_traces')
      .select(['id', 'case_id', 'title', 'params', 'snapshot', 'result_sha256', 'created_by', 'created_at'])
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .execute();
  }
}
