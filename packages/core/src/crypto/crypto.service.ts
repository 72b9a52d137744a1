// Crypto tracing workflows for a case: import explorer exports and tag packs, keep wallets, cluster, trace, save
// traces reproducibly, export. Authorisation: case membership (writers for changes). Every action is audited
// without amounts or addresses in the audit details (those are case content).
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { AuditService } from '../audit';
import type { CryptoImportsTable } from '@trag/db';
import { CaseAccess, CaseService } from '../cases';
import { AppError, canonicalJson, invalid, newId, notFound, type Actor, type CoreContext } from '../shared';
import { validateAddress } from './address';
import { AddressClusterer, type MergeLink } from './address-cluster';
import { CryptoRepository, toTraceTransfer, type TransferRow } from './crypto.repository';
import { iterateBlocks } from './block-parser';
import { decompressIfBzip2 } from './block-file';
import { BlockFlows } from './block-flows';
import type { ChainConnector, FetchRequest } from './chain-connector';
import { importEsploraJson } from './esplora.importer';
import { importEtherscanCsv } from './etherscan.importer';
import { isTxNode, type FlowRecord, type TagRecord } from './flow-record';
import { newStats, type ImportStats } from './import-common';
import { importTagCsv, importTagPackYaml } from './tags.importer';
import { traceAsync, type AsyncTraceGraph, type TraceParams, type TraceResult, type TraceTransfer } from './trace';
import { importTronGridJson, importTronscanCsv } from './tron.importer';
import { draftDataRequest, traceToCsv, traceToFtm, traceToGraphMl, transfersToCsv } from './trace-export';
import { renderTraceReport } from './trace-report';

export const IMPORT_KINDS = [
  'esplora_json',
  'etherscan_csv',
  'trongrid_json',
  'tronscan_csv',
  'tagpack_yaml',
  'tag_csv',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportInput {
  kind: ImportKind;
  fileName: string;
  data: Buffer;
  /** Etherscan token-page exports: the token they are about. */
  tokenSymbol?: string;
  tokenContract?: string;
}

export interface ImportSummary {
  importId: string;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  /** Records in the file (after skipping). */
  records: number;
  /** Records that were new to this case. */
  added: number;
  /** True when this exact file had been imported before (nothing was added). */
  alreadyImported: boolean;
  stats: ImportStats;
}

export interface TraceRequest {
  seed: { address: string } | { addresses: string[] } | { transferSeq: number };
  direction: 'forward' | 'backward';
  method: 'fifo' | 'haircut' | 'poison';
  maxHops: number;
  maxNodes: number;
  asset?: string;
  since?: string;
  until?: string;
  minValue?: number;
  /** Stop where value reaches an address tagged with one of these categories (default: exchange). */
  stopAtCategories?: string[];
}

export interface TagInfo {
  label: string;
  category: string | null;
  source: string | null;
  confidence: string | null;
  pack: string;
  actor: string | null;
}

export interface TraceOutcome {
  result: TraceResult;
  /** Tags of every node in the result. */
  tags: Record<string, TagInfo[]>;
  /** Nodes of the result that also appear in other cases: how many other cases (their ids are not revealed). */
  otherCases: Record<string, number>;
  snapshot: TraceSnapshot;
  /**
   * Result nodes that belong to a multi-address cluster of the case (last clustering run): a view for grouping in the
   * graph, not part of the saved result or its hash.
   */
  clusters?: Record<string, { id: string; size: number }>;
}

export interface TraceSnapshot {
  /** Every transfer of the case with seq ≤ maxSeq was visible to the trace. */
  maxSeq: number;
  imports: { id: string; sha256: string; fileName: string }[];
}

export interface SavedTrace extends TraceOutcome {
  id: string;
  caseId: string;
  title: string;
  request: TraceRequest;
  resultSha256: string;
  createdBy: string;
  createdAt: string;
}

const MAX_HOPS_LIMIT = 20;
/** Records per committed chunk: large enough to amortise a commit, small enough to keep the WAL and memory small. */
const IMPORT_CHUNK = 50_000;
/** After this many records in one run, a SQLite import switches to the bulk phase (node indexes rebuilt at the end). */
const BULK_AFTER = 200_000;
const MAX_NODES_LIMIT = 20_000;

export class CryptoService {
  private readonly repo: CryptoRepository;
  private readonly access: CaseAccess;
  private readonly audit: AuditService;

  constructor(private readonly ctx: CoreContext) {
    this.repo = new CryptoRepository(ctx.database.db, ctx.database.sqlite);
    this.access = new CaseAccess(ctx);
    this.audit = new AuditService(ctx);
  }

  private now() {
    return this.ctx.clock.now().toISOString();
  }

  // ---- import ---------------------------------------------------------------------------------------------------

  /**
   * Imports one file into a case. Transfer files are written in chunks (see `writeChunked`): a file that fails
   * validation part-way (the error names file, line and reason) leaves the case unchanged; one interrupted by a crash
   * stays 'incomplete' and importing the same file again resumes it. Idempotent: the same file adds nothing, and
   * transfers already known from another export are not duplicated. Tag files are small and written in one
   * transaction.
   */
  async importFile(actor: Actor, caseId: string, input: ImportInput): Promise<ImportSummary> {
    await this.access.requireWriter(actor, caseId);
    if (!IMPORT_KINDS.includes(input.kind))
      throw invalid('crypto_import_kind', `Unknown import kind ${String(input.kind)}.`);
    const sha256 = createHash('sha256').update(input.data).digest('hex');
    const fileName = input.fileName.replace(/[\\/]/g, '_').slice(0, 200) || 'upload';
    const existing = await this.repo.getImportByFile(caseId, input.kind, sha256);
    if (existing) return this.alreadyImported(existing, input.kind, sha256);
    if (input.kind !== 'tagpack_yaml' && input.kind !== 'tag_csv') {
      const stats = newStats();
      return this.writeChunked(actor, caseId, {
        kind: input.kind,
        fileName,
        resumeKey: sha256,
        sha256,
        stats,
        records: () => this.records(input, fileName, stats),
      });
    }
    const importId = newId();
    const stats = newStats();
    const createdAt = this.now();
    let added = 0;
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.createImport(
        {
          id: importId,
          case_id: caseId,
          kind: input.kind,
          file_name: fileName,
          file_sha256: sha256,
          record_count: 0,
          stats: '{}',
          created_by: actor.userId,
          created_at: createdAt,
          status: 'incomplete',
          committed: 0,
          added: 0,
          base_seq: 0,
        },
        trx,
      );
      const tags: TagRecord[] =
        input.kind === 'tagpack_yaml'
          ? importTagPackYaml(input.data.toString('utf8'), fileName, stats)
          : await importTagCsv(Readable.from([input.data]), fileName, stats);
      added = await this.repo.insertTags(caseId, importId, tags, createdAt, newId, trx);
      await this.repo.completeImport(importId, sha256, stats.records, added, JSON.stringify(stats), trx);
      await this.audit.record(
        actor,
        {
          action: 'crypto.import',
          recordType: 'crypto_import',
          recordId: importId,
          caseId,
          details: { kind: input.kind, sha256, records: stats.records, added },
        },
        trx,
      );
    });
    return {
      importId,
      kind: input.kind,
      fileName,
      sha256,
      records: stats.records,
      added,
      alreadyImported: false,
      stats,
    };
  }

  private alreadyImported(existing: CryptoImportsTable, kind: string, sha256: string): ImportSummary {
    return {
      importId: existing.id,
      kind: kind as ImportKind,
      fileName: existing.file_name,
      sha256,
      records: Number(existing.record_count),
      added: 0,
      alreadyImported: true,
      stats: JSON.parse(existing.stats) as ImportStats,
    };
  }

  private records(
    input: ImportInput,
    fileName: string,
    stats: ImportStats,
  ): AsyncIterable<FlowRecord> | Iterable<FlowRecord> {
    switch (input.kind) {
      case 'esplora_json':
        return importEsploraJson(input.data.toString('utf8'), fileName, stats);
      case 'trongrid_json':
        return importTronGridJson(input.data.toString('utf8'), fileName, stats);
      case 'etherscan_csv':
        return importEtherscanCsv(Readable.from([input.data]), fileName, stats, {
          ...(input.tokenSymbol ? { tokenSymbol: input.tokenSymbol } : {}),
          ...(input.tokenContract ? { tokenContract: input.tokenContract } : {}),
        });
      case 'tronscan_csv':
        return importTronscanCsv(Readable.from([input.data]), fileName, stats);
      default:
        throw new AppError('internal', 'unexpected_variant', `No transfer importer for ${input.kind}`);
    }
  }

  /**
   * Imports already-normalised records (block parser, demo data, generators, connectors), streaming, in chunks (see
   * `writeChunked`). The import's identity is the hash of its content; `resumeKey` names the source (a file hash, a
   * block range …) so that a re-run after a crash resumes the unfinished import instead of starting another.
   */
  async importRecords(
    actor: Actor,
    caseId: string,
    kind: string,
    fileName: string,
    records:
      Iterable<FlowRecord> | AsyncIterable<FlowRecord> | (() => Iterable<FlowRecord> | AsyncIterable<FlowRecord>),
    options: { resumeKey?: string; chunkSize?: number; bulkAfter?: number } = {},
  ): Promise<ImportSummary> {
    await this.access.requireWriter(actor, caseId);
    const stats = newStats();
    return this.writeChunked(actor, caseId, {
      kind,
      fileName,
      resumeKey: options.resumeKey ?? newId(),
      stats,
      countStats: true,
      records: typeof records === 'function' ? records : () => records,
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
      ...(options.bulkAfter ? { bulkAfter: options.bulkAfter } : {}),
    });
  }

  /**
   * The one write path for transfers. The import row is created first as 'incomplete' with the highest transfer seq
   * before it (base_seq); records are then written in chunks of `chunkSize`, each chunk in its own transaction that
   * also advances the row's `committed` counter, so the WAL stays small and memory flat at any size. Then:
   *  - success: the row becomes 'complete' with the content hash, counts and stats, and the import is audited;
   *    if an earlier complete import had the same content, this one is removed and the earlier one returned;
   *  - an error thrown while reading (bad line, corrupt block): every row this import wrote is deleted with the
   *    import row, so the case is as before, and the error is passed on;
   *  - a crash: the row stays 'incomplete'; its rows are outside every trace snapshot (see `snapshot`), and running
   *    the same source again (same resumeKey) skips the committed records and completes it.
   * Every chunk inserts with ON CONFLICT DO NOTHING on the content key, so records written twice (a chunk committed
   * just before a crash, overlapping exports) are never duplicated.
   */
  private async writeChunked(
    actor: Actor,
    caseId: string,
    source: {
      kind: string;
      fileName: string;
      resumeKey: string;
      /** Known for files (hash of the bytes); otherwise the hash of the records is used. */
      sha256?: string;
      stats: ImportStats;
      /** Count read/records here (the file importers count them themselves). */
      countStats?: boolean;
      records: () => Iterable<FlowRecord> | AsyncIterable<FlowRecord>;
      chunkSize?: number;
      /** Records after which a SQLite import enters the bulk phase (default BULK_AFTER). */
      bulkAfter?: number;
      /**
       * Whether a resumed run may skip the records committed before (the source yields the same records in the same
       * order every time: a file, a generator). Live sources change between runs, so they re-write everything and
       * rely on the content keys instead.
       */
      skipCommitted?: boolean;
    },
  ): Promise<ImportSummary> {
    const chunkSize = source.chunkSize ?? IMPORT_CHUNK;
    const pendingKey = `pending:${source.resumeKey}`;
    const stats = source.stats;
    const db = this.ctx.database.db;
    this.repo.restoreNodeIndexes();
    let row: CryptoImportsTable | undefined = await this.repo.getImportByFile(caseId, source.kind, pendingKey);
    if (!row) {
      const created: CryptoImportsTable = {
        id: newId(),
        case_id: caseId,
        kind: source.kind,
        file_name: source.fileName,
        file_sha256: pendingKey,
        record_count: 0,
        stats: '{}',
        created_by: actor.userId,
        created_at: this.now(),
        status: 'incomplete',
        committed: 0,
        added: 0,
        base_seq: await this.repo.maxSeqAll(),
      };
      await this.repo.createImport(created);
      row = created;
    }
    const importId = row.id;
    const baseSeq = Number(row.base_seq);
    const resumeFrom = source.skipCommitted === false ? 0 : Number(row.committed);
    let added = Number(row.added);
    const hash = createHash('sha256');
    let bulk = false;
    let index = 0;
    let batch: FlowRecord[] = [];
    const flush = async () => {
      const chunk = batch;
      batch = [];
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < chunk.length; i += 500) {
          added += await this.repo.insertTransfers(caseId, importId, chunk.slice(i, i + 500), trx);
        }
        await this.repo.setImportProgress(importId, index, added, trx);
      });
      if (!bulk && index - resumeFrom >= (source.bulkAfter ?? BULK_AFTER)) bulk = this.repo.beginBulk();
    };
    try {
      for await (const r of source.records()) {
        if (source.countStats) {
          stats.read++;
          stats.records++;
        }
        if (!source.sha256) hash.update(`${r.chain}|${r.txHash}|${r.key}|${r.from}|${r.to}|${r.amount}|${r.time}\n`);
        index++;
        if (index <= resumeFrom) continue; // committed by an earlier, interrupted run
        batch.push(r);
        if (batch.length >= chunkSize) await flush();
      }
      await flush();
    } catch (error) {
      // Bad input part-way: take back what this import wrote, so the case is as it was.
      await this.repo.deleteImport(caseId, importId, baseSeq).catch(() => undefined);
      throw error;
    } finally {
      if (bulk) this.repo.endBulk();
    }
    const sha256 = source.sha256 ?? hash.digest('hex');
    const earlier = await this.repo.getImportByFile(caseId, source.kind, sha256);
    if (earlier) {
      // Same content as a complete import: nothing new can have been added; keep the earlier one only.
      await this.repo.deleteImport(caseId, importId, baseSeq);
      return { ...this.alreadyImported(earlier, source.kind, sha256), stats };
    }
    await db.transaction().execute(async (trx) => {
      await this.repo.completeImport(importId, sha256, stats.records, added, JSON.stringify(stats), trx);
      await this.audit.record(
        actor,
        {
          action: 'crypto.import',
          recordType: 'crypto_import',
          recordId: importId,
          caseId,
          details: { kind: source.kind, sha256, records: stats.records, added, resumed: resumeFrom > 0 },
        },
        trx,
      );
    });
    return {
      importId,
      kind: source.kind as ImportKind,
      fileName: source.fileName,
      sha256,
      records: stats.records,
      added,
      alreadyImported: false,
      stats,
    };
  }

  // ---- live sources and raw blocks ----------------------------------------------------------------------------

  /**
   * Fetches from a configured Esplora server or Bitcoin Core node into the case (see chain-connector.ts), through the
   * same chunked, idempotent write path as files. A network failure or rate limit part-way takes back what this
   * fetch wrote; fetching again is always safe (content keys).
   */
  async fetchFromConnector(
    actor: Actor,
    caseId: string,
    connector: ChainConnector | undefined,
    request:
      | Extract<FetchRequest, { kind: 'address' }>
      | (Omit<Extract<FetchRequest, { kind: 'blocks' }>, 'watch'> & { watch: string[] | null | 'wallets' }),
  ): Promise<ImportSummary> {
    await this.access.requireWriter(actor, caseId);
    if (!connector)
      throw invalid(
        'crypto_connector_missing',
        request.kind === 'address'
          ? 'No Esplora server is configured on this server (TRAG_ESPLORA_URL).'
          : 'No Bitcoin Core node is configured on this server (TRAG_BITCOIN_RPC_URL).',
      );
    if (request.kind !== connector.accepts)
      throw invalid(
        'crypto_connector_request',
        connector.accepts === 'address'
          ? 'This server is asked for an address history.'
          : 'This node is asked for a range of block heights.',
      );
    let resolved: FetchRequest;
    if (request.kind === 'blocks') {
      resolved = { ...request, watch: request.watch === 'wallets' ? await this.btcWallets(caseId) : request.watch };
    } else resolved = request;
    const target = request.kind === 'address' ? request.address : `${request.fromHeight}-${request.toHeight}`;
    const stats = newStats();
    return this.writeChunked(actor, caseId, {
      kind: `fetch_${connector.kind}`,
      fileName: `${connector.endpoint} ${target}`.slice(0, 200),
      resumeKey: `${connector.kind}|${connector.endpoint}|${canonicalJson(request)}`,
      stats,
      skipCommitted: false,
      records: () => connector.records(resolved, stats),
    });
  }

  private async btcWallets(caseId: string): Promise<string[]> {
    const wallets = (await this.repo.listWallets(caseId)).filter((w) => w.chain === 'btc').map((w) => w.address);
    if (!wallets.length)
      throw invalid(
        'crypto_blocks_no_wallets',
        'This case has no Bitcoin wallets to look for. Add the wallets first, or take every transaction.',
      );
    return wallets;
  }

  /**
   * Raw Bitcoin blocks (a blk*.dat file or bare serialized blocks, optionally .bz2) into the case. `watch`:
   * 'wallets' keeps the transactions touching the case's Bitcoin wallets, 'all' keeps every transaction, a list keeps
   * those touching the listed addresses. Inputs are resolved from outputs earlier in the same file; the rest are
   * counted and reported (stats.warnings), not guessed. A corrupt block makes the whole import fail (the error names
   * the file and byte offset) and leaves the case unchanged.
   */
  async importBlocks(
    actor: Actor,
    caseId: string,
    input: { fileName: string; data: Buffer; watch: 'wallets' | 'all' | string[] },
  ): Promise<ImportSummary> {
    await this.access.requireWriter(actor, caseId);
    const fileName = input.fileName.replace(/[\\/]/g, '_').slice(0, 200) || 'blocks';
    let watch: Set<string> | null = null;
    if (input.watch === 'wallets') {
      watch = new Set(await this.btcWallets(caseId));
    } else if (Array.isArray(input.watch)) {
      watch = new Set(
        input.watch.map((a) => {
          const v = validateAddress(a);
          if (!v.valid || v.chain !== 'btc')
            throw invalid('crypto_address_invalid', `"${a.slice(0, 80)}" is not a valid Bitcoin address.`);
          return v.normalized!;
        }),
      );
    }
    const fileSha = createHash('sha256').update(input.data).digest('hex');
    const data = decompressIfBzip2(input.data, fileName);
    const stats = newStats();
    const watchKey = watch
      ? createHash('sha256')
          .update([...watch].sort().join(','))
          .digest('hex')
      : 'all';
    return this.writeChunked(actor, caseId, {
      kind: 'btc_blocks',
      fileName,
      // The import is identified by the records it produced (file + which addresses were watched).
      resumeKey: `${fileSha}|${watchKey}`,
      stats,
      records: () => {
        const flows = new BlockFlows(stats, { file: fileName, watch });
        return (function* () {
          try {
            for (const block of iterateBlocks(data)) yield* flows.records(block);
          } catch (error) {
            if (error instanceof AppError && error.kind === 'invalid')
              throw new AppError('invalid', error.code, `${fileName}: ${error.message}`, {
                details: error.details,
                cause: error,
              });
            throw error;
          }
          flows.finish();
        })();
      },
    });
  }

  async listImports(actor: Actor, caseId: string) {
    await this.access.requireMember(actor, caseId);
    return this.repo.listImports(caseId);
  }

  async listTransfers(actor: Actor, caseId: string, filter: { node?: string; limit: number; offset: number }) {
    await this.access.requireMember(actor, caseId);
    return this.repo.listTransfers(caseId, filter);
  }

  // ---- wallets ------------------------------------------------------------------------------------------------------

  async addWallet(
    actor: Actor,
    caseId: string,
    input: { address: string; label: string; origin?: 'manual' | 'recruitment' | 'evidence' },
  ) {
    await this.access.requireWriter(actor, caseId);
    const v = validateAddress(input.address);
    if (!v.valid)
      throw invalid(
        'crypto_address_invalid',
        `This is not a valid wallet address (${v.error}). Check it was copied completely.`,
      );
    const id = newId();
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.createWallet(
        {
          id,
          case_id: caseId,
          address: v.normalized!,
          chain: v.chain!,
          label: input.label.slice(0, 200),
          origin: input.origin ?? 'manual',
          created_by: actor.userId,
          created_at: this.now(),
        },
        trx,
      );
      await this.audit.record(
        actor,
        { action: 'crypto.wallet.add', recordType: 'crypto_wallet', recordId: id, caseId, details: { chain: v.chain } },
        trx,
      );
    });
    return { address: v.normalized!, chain: v.chain!, warnings: v.warnings ?? [] };
  }

  async listWallets(actor: Actor, caseId: string) {
    await this.access.requireMember(actor, caseId);
    const wallets = await this.repo.listWallets(caseId);
    const elsewhere = await this.repo.otherCasesWith(
      caseId,
      wallets.map((w) => w.address),
    );
    return wallets.map((w) => ({ ...w, otherCases: elsewhere.get(w.address)?.size ?? 0 }));
  }

  // ---- clustering ---------------------------------------------------------------------------------------------------

  /** Re-clusters the case's Bitcoin addresses (multi-input heuristic, CoinJoins excluded) and stores the links. */
  async cluster(actor: Actor, caseId: string) {
    await this.access.requireWriter(actor, caseId);
    const clusterer = await this.buildClusterer(caseId);
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.replaceClusterLinks(caseId, clusterer.links, this.now(), trx);
      await this.audit.record(
        actor,
        {
          action: 'crypto.cluster',
          caseId,
          details: { links: clusterer.links.length, coinjoins: clusterer.coinjoins.length },
        },
        trx,
      );
    });
    const clusters = clusterer.clusters().filter((c) => c.length > 1);
    return {
      addresses: clusterer.addressCount,
      clusters: clusters.map((addresses) => ({ addresses, size: addresses.length })),
      coinjoinsExcluded: clusterer.coinjoins.map((c) => ({
        txid: c.txid,
        pattern: c.verdict.pattern,
        reasons: c.verdict.reasons,
      })),
      hugeFlags: clusterer.hugeFlags,
    };
  }

  /** "Why are these one entity?": the chain of co-spending transactions, or null. */
  async explainCluster(actor: Actor, caseId: string, a: string, b: string): Promise<MergeLink[] | null> {
    await this.access.requireMember(actor, caseId);
    const clusterer = new AddressClusterer({ excludeCoinJoins: false });
    for (const l of await this.repo.clusterLinks(caseId)) {
      clusterer.addTransaction({
        txid: l.tx_hash,
        inputs: [
          { address: l.address_a, value: 0 },
          { address: l.address_b, value: 0 },
        ],
        outputs: [],
      });
    }
    return clusterer.explain(a, b);
  }

  private async buildClusterer(caseId: string): Promise<AddressClusterer> {
    const inputs = await this.repo.btcInputs(caseId);
    const outputs = await this.repo.btcOutputs(caseId);
    const txs = new Map<
      string,
      { inputs: { address: string; value: number }[]; outputs: { address: string; value: number }[] }
    >();
    const get = (h: string) => {
      let t = txs.get(h);
      if (!t) txs.set(h, (t = { inputs: [], outputs: [] }));
      return t;
    };
    for (const i of inputs) get(i.tx_hash).inputs.push({ address: i.from_node, value: Number(i.amount_value) });
    for (const o of outputs) get(o.tx_hash).outputs.push({ address: o.to_node, value: Number(o.amount_value) });
    const clusterer = new AddressClusterer();
    for (const [txid, t] of txs) clusterer.addTransaction({ txid, inputs: t.inputs, outputs: t.outputs });
    return clusterer;
  }

  // ---- tracing ------------------------------------------------------------------------------------------------------

  async trace(actor: Actor, caseId: string, request: TraceRequest): Promise<TraceOutcome> {
    await this.access.requireMember(actor, caseId);
    const snapshot = await this.snapshot(caseId);
    const outcome = await this.runTrace(caseId, request, snapshot);
    await this.audit.record(actor, {
      action: 'crypto.trace',
      caseId,
      details: { method: request.method, direction: request.direction, maxHops: request.maxHops },
    });
    return outcome;
  }

  /**
   * What a trace sees: the case's complete imports and every transfer up to maxSeq. While an import is unfinished
   * (running, or interrupted and not yet resumed) maxSeq stops below its first row, so half an import is never traced.
   */
  private async snapshot(caseId: string): Promise<TraceSnapshot> {
    this.repo.restoreNodeIndexes();
    const unfinished = await this.repo.lowestIncompleteBase(caseId);
    // Complete imports that started after an unfinished one are hidden with it (their rows lie above maxSeq).
    const imports = (await this.repo.listImports(caseId)).filter(
      (i) => i.status === 'complete' && (unfinished === null || Number(i.base_seq) < unfinished),
    );
    const max = await this.repo.maxSeq(caseId);
    return {
      maxSeq: unfinished === null ? max : Math.min(max, unfinished),
      imports: imports.map((i) => ({ id: i.id, sha256: i.file_sha256, fileName: i.file_name })),
    };
  }

  private async runTrace(caseId: string, request: TraceRequest, snapshot: TraceSnapshot): Promise<TraceOutcome> {
    const params = this.toParams(request);
    const backward = request.direction === 'backward';
    // Transfers are loaded lazily, node by node, as traced value reaches it (each node's whole history, for balances).
    let seedNodes: string[];
    let seedRow: TransferRow | undefined;
    if ('transferSeq' in request.seed) {
      seedRow = await this.repo.getTransfer(caseId, request.seed.transferSeq, snapshot.maxSeq);
      if (!seedRow) throw notFound('crypto_transfer_not_found', 'This transfer is not part of the case data.');
      seedNodes = [backward ? seedRow.from_node : seedRow.to_node];
    } else {
      seedNodes = (params.seed as { addresses: string[] }).addresses;
    }
    const loaded = new Map<string, TraceTransfer[]>();
    const tags: Record<string, TagInfo[]> = {};
    const load = async (nodes: string[]) => {
      const missing = nodes.filter((n) => !loaded.has(n));
      if (!missing.length) return;
      for (const n of missing) loaded.set(n, []);
      const want = new Set(missing);
      // Every node gets its whole history, including transfers with nodes loaded earlier (they are read again).
      for (const t of await this.repo.traceTransfersOfNodes(caseId, missing, snapshot.maxSeq)) {
        if (want.has(t.from)) loaded.get(t.from)!.push(t);
        if (t.to !== t.from && want.has(t.to)) loaded.get(t.to)!.push(t);
      }
      for (const t of await this.repo.tagsFor(
        caseId,
        missing.filter((n) => !isTxNode(n)),
      )) {
        (tags[t.address] ??= []).push({
          label: t.label,
          category: t.category,
          source: t.source,
          confidence: t.confidence,
          pack: t.pack,
          actor: t.actor,
        });
      }
    };
    await load(seedNodes);
    const graph: AsyncTraceGraph = {
      transfersOf: async (node) => {
        await load([node]);
        return loaded.get(node)!;
      },
      transfer: async (id) => (seedRow && String(seedRow.seq) === id ? toTraceTransfer(seedRow) : undefined),
      prefetch: load,
    };
    const stopCategories = new Set((request.stopAtCategories ?? ['exchange']).map((c) => c.toLowerCase()));
    const seedSet = new Set(seedNodes);
    const result = await traceAsync(graph, params, {
      stopAt: (node) => {
        if (seedSet.has(node)) return null;
        const hit = tags[node]?.find((t) => t.category && stopCategories.has(t.category.toLowerCase()));
        return hit ? `${hit.category}: ${hit.label}` : null;
      },
    });
    const resultTags: Record<string, TagInfo[]> = {};
    for (const n of result.nodes) if (tags[n.node]) resultTags[n.node] = tags[n.node]!;
    const elsewhere = await this.repo.otherCasesWith(
      caseId,
      result.nodes.map((n) => n.node).filter((n) => !isTxNode(n)),
    );
    const otherCases: Record<string, number> = {};
    for (const [a, s] of elsewhere) otherCases[a] = s.size;
    const clusters = await this.clustersOf(
      caseId,
      result.nodes.map((n) => n.node),
    );
    return { result, tags: resultTags, otherCases, snapshot, ...(Object.keys(clusters).length ? { clusters } : {}) };
  }

  /** Which of these nodes are in a cluster of two or more addresses (stored links of the last clustering run). */
  private async clustersOf(caseId: string, nodes: string[]): Promise<Record<string, { id: string; size: number }>> {
    const links = await this.repo.clusterLinks(caseId);
    if (!links.length) return {};
    const parent = new Map<string, string>();
    const find = (a: string): string => {
      let root = a;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      let x = a;
      while (x !== root) {
        const next = parent.get(x)!;
        parent.set(x, root);
        x = next;
      }
      return root;
    };
    for (const l of links) {
      if (!parent.has(l.address_a)) parent.set(l.address_a, l.address_a);
      if (!parent.has(l.address_b)) parent.set(l.address_b, l.address_b);
      const [ra, rb] = [find(l.address_a), find(l.address_b)];
      // The smaller address becomes the root, so a cluster's id is its smallest address whatever the link order.
      if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
    }
    const size = new Map<string, number>();
    for (const a of parent.keys()) size.set(find(a), (size.get(find(a)) ?? 0) + 1);
    const out: Record<string, { id: string; size: number }> = {};
    for (const n of nodes) {
      if (!parent.has(n)) continue;
      const id = find(n);
      out[n] = { id, size: size.get(id)! };
    }
    return out;
  }

  private toParams(request: TraceRequest): TraceParams {
    if (!Number.isInteger(request.maxHops) || request.maxHops < 1 || request.maxHops > MAX_HOPS_LIMIT) {
      throw invalid('crypto_trace_hops', `Choose between 1 and ${MAX_HOPS_LIMIT} hops.`);
    }
    if (!Number.isInteger(request.maxNodes) || request.maxNodes < 1 || request.maxNodes > MAX_NODES_LIMIT) {
      throw invalid('crypto_trace_nodes', `Choose between 1 and ${MAX_NODES_LIMIT} nodes.`);
    }
    const time = (s: string | undefined, what: string) => {
      if (s === undefined) return undefined;
      const ms = Date.parse(s);
      if (!Number.isFinite(ms)) throw invalid('crypto_trace_time', `The ${what} date is not a valid date.`);
      return ms;
    };
    let seed: TraceParams['seed'];
    if ('transferSeq' in request.seed) seed = { transferId: String(request.seed.transferSeq) };
    else {
      const raw = 'address' in request.seed ? [request.seed.address] : request.seed.addresses;
      const addresses = raw.map((a) => {
        const v = validateAddress(a);
        if (!v.valid) throw invalid('crypto_address_invalid', `The seed address is not valid (${v.error}).`);
        return v.normalized!;
      });
      if (!addresses.length) throw invalid('crypto_trace_seed', 'Give at least one seed address.');
      seed = { addresses };
    }
    const since = time(request.since, 'start');
    const until = time(request.until, 'end');
    return {
      seed,
      direction: request.direction,
      method: request.method,
      maxHops: request.maxHops,
      maxNodes: request.maxNodes,
      ...(request.asset ? { asset: request.asset } : {}),
      ...(since !== undefined ? { since } : {}),
      ...(until !== undefined ? { until } : {}),
      ...(request.minValue !== undefined ? { minValue: request.minValue } : {}),
    };
  }

  // ---- saved traces -------------------------------------------------------------------------------------------------

  async saveTrace(actor: Actor, caseId: string, title: string, request: TraceRequest): Promise<SavedTrace> {
    await this.access.requireWriter(actor, caseId);
    const snapshot = await this.snapshot(caseId);
    const outcome = await this.runTrace(caseId, request, snapshot);
    const id = newId();
    const createdAt = this.now();
    const resultJson = canonicalJson({ result: outcome.result, tags: outcome.tags });
    const resultSha256 = createHash('sha256').update(resultJson).digest('hex');
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.createTrace(
        {
          id,
          case_id: caseId,
          title: title.slice(0, 200),
          params: canonicalJson(request),
          snapshot: canonicalJson(snapshot),
          result: resultJson,
          result_sha256: resultSha256,
          created_by: actor.userId,
          created_at: createdAt,
        },
        trx,
      );
      await this.audit.record(
        actor,
        { action: 'crypto.trace.save', recordType: 'crypto_trace', recordId: id, caseId, details: { resultSha256 } },
        trx,
      );
    });
    return { ...outcome, id, caseId, title, request, resultSha256, createdBy: actor.userId, createdAt };
  }

  async getTrace(actor: Actor, caseId: string, traceId: string): Promise<SavedTrace> {
    await this.access.requireMember(actor, caseId);
    const row = await this.repo.getTrace(caseId, traceId);
    if (!row) throw notFound('crypto_trace_not_found', 'This saved trace does not exist in this case.');
    const stored = JSON.parse(row.result) as { result: TraceResult; tags: Record<string, TagInfo[]> };
    return {
      id: row.id,
      caseId: row.case_id,
      title: row.title,
      request: JSON.parse(row.params) as TraceRequest,
      snapshot: JSON.parse(row.snapshot) as TraceSnapshot,
      result: stored.result,
      tags: stored.tags,
      otherCases: {},
      clusters: await this.clustersOf(
        caseId,
        stored.result.nodes.map((n) => n.node),
      ),
      resultSha256: row.result_sha256,
      createdBy: row.created_by,
      createdAt: row.created_at,
    };
  }

  async listTraces(actor: Actor, caseId: string) {
    await this.access.requireMember(actor, caseId);
    return this.repo.listTraces(caseId);
  }

  /**
   * Re-runs a saved trace on the data it was made from (same transfers up to the snapshot's sequence number, same
   * parameters) and compares the result hash. `same: false` means the data under the snapshot changed.
   */
  async verifyTrace(actor: Actor, caseId: string, traceId: string) {
    const saved = await this.getTrace(actor, caseId, traceId);
    const current = await this.snapshot(caseId);
    const missing = saved.snapshot.imports.filter(
      (i) => !current.imports.some((c) => c.id === i.id && c.sha256 === i.sha256),
    );
    const rerun = await this.runTrace(caseId, saved.request, saved.snapshot);
    const sha = createHash('sha256')
      .update(canonicalJson({ result: rerun.result, tags: rerun.tags }))
      .digest('hex');
    await this.audit.record(actor, {
      action: 'crypto.trace.verify',
      recordType: 'crypto_trace',
      recordId: traceId,
      caseId,
      details: { same: sha === saved.resultSha256 },
    });
    return {
      same: sha === saved.resultSha256 && missing.length === 0,
      savedSha256: saved.resultSha256,
      rerunSha256: sha,
      missingImports: missing.map((m) => m.id),
    };
  }

  // ---- exports ------------------------------------------------------------------------------------------------------

  async exportTrace(
    actor: Actor,
    caseId: string,
    traceId: string,
    format: TraceExportFormat,
    options: { exchange?: string } = {},
  ): Promise<{ fileName: string; mediaType: string; body: Buffer }> {
    const saved = await this.getTrace(actor, caseId, traceId);
    const detail = await new CaseService(this.ctx).get(actor, caseId);
    const base = `trace-${saved.id.slice(0, 8)}`;
    let out: { fileName: string; mediaType: string; body: Buffer };
    switch (format) {
      case 'csv':
        out = {
          fileName: `${base}-paths.csv`,
          mediaType: 'text/csv; charset=utf-8',
          body: Buffer.from(traceToCsv(saved)),
        };
        break;
      case 'transfers_csv':
        out = {
          fileName: `${base}-transfers.csv`,
          mediaType: 'text/csv; charset=utf-8',
          body: Buffer.from(transfersToCsv(saved)),
        };
        break;
      case 'graphml':
        out = {
          fileName: `${base}.graphml`,
          mediaType: 'application/graphml+xml',
          body: Buffer.from(traceToGraphMl(saved)),
        };
        break;
      case 'ftm':
        out = {
          fileName: `${base}.ftm.jsonl`,
          mediaType: 'application/x-ndjson',
          body: Buffer.from(traceToFtm(saved, (a) => validateAddress(a).chain)),
        };
        break;
      case 'pdf':
        out = {
          fileName: `${base}.pdf`,
          mediaType: 'application/pdf',
          body: await renderTraceReport(saved, {
            caseTitle: `${detail.reference} ${detail.title}`,
            generatedAt: this.now(),
          }),
        };
        break;
      case 'data_request': {
        const exchange = options.exchange ?? saved.result.endpoints.find((e) => e.reason === 'stopped')?.node;
        if (!exchange)
          throw invalid(
            'crypto_no_exchange',
            'This trace reached no exchange; there is nobody to send a data request to.',
          );
        out = {
          fileName: `${base}-data-request.txt`,
          mediaType: 'text/plain; charset=utf-8',
          body: Buffer.from(
            draftDataRequest(saved, exchange, {
              caseReference: detail.reference,
              agency: actor.agencyId,
              date: this.now().slice(0, 10),
            }),
          ),
        };
        break;
      }
      default:
        throw invalid('crypto_export_format', `Unknown export format ${String(format)}.`);
    }
    await this.audit.record(actor, {
      action: 'crypto.trace.export',
      recordType: 'crypto_trace',
      recordId: traceId,
      caseId,
      details: { format },
    });
    return out;
  }
}

export const TRACE_EXPORT_FORMATS = ['csv', 'transfers_csv', 'graphml', 'ftm', 'pdf', 'data_request'] as const;
export type TraceExportFormat = (typeof TRACE_EXPORT_FORMATS)[number];
