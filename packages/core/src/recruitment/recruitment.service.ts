// Recruitment items in a case: import (one transaction, all-or-nothing or skip-bad, cancellable, with progress),
// list by score, item view, analysts' relevance marks, the network view and its exports, and identifiers made
// into case entities. Rules here; SQL in the repository; who-may via CaseAccess.
import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';
import { AuditService } from '@trag/core/audit';
import { CaseAccess, EntityService } from '@trag/core/cases';
import { EvidenceService, evidenceNotFound } from '@trag/core/evidence';
import { AppError, invalid, newId, notFound, type Actor, type CoreContext } from '@trag/core/shared';
import { RecruitmentAnalyzer, type IndicatorHit, type Reason } from './analyzer';
import { AnalysisThreads, importThreadSettings } from './analysis-threads';
import { analyseChunk, scoreChunk, type AnalysedChunk, type CompactAnalysis, type ScoredItem } from './chunk-analysis';
import { defaultLexicon } from './lexicon';
import { openImportFile, type ColumnMapping, type ImportEncoding, type ImportFormat } from './item-importer';
import type { LineError } from './item-reader';
import {
  RecruitmentRepository,
  type IdentifierRow,
  type ItemBrief,
  type ItemRow,
  type NewItemRow,
} from './recruitment.repository';
import {
  buildNetwork,
  networkFromParts,
  toCsv,
  toFollowTheMoney,
  toGraphml,
  type NetworkOptions,
  type NetworkView,
} from './network';
import { DEFAULT_MINHASH } from './minhash';
import { normalizeText } from './normalize';
import {
  deriveTemplate,
  groupSignatures,
  shortItemSignature,
  signatureFromBase64,
  signatureToBase64,
  signItem,
  TEMPLATE_DEFAULTS,
} from './templates';

export type ImportMode = 'all_or_nothing' | 'skip_bad';

/**
 * An identifier row's id: its import's id and a fixed-width counter, so one import's rows sort together and go in
 * at one place of the primary-key index instead of at hundreds of thousands of random places (a third less time
 * inserting them on SQLite; docs/benchmarks/recruitment.md). The ids are internal: no route shows them.
 */
function identifierId(importId: string, n: number): string {
  return `${importId}.${n.toString(36).padStart(6, '0')}`;
}

/** Least estimated share of word triples for two items to be one template. */
const TEMPLATE_THRESHOLD = TEMPLATE_DEFAULTS.threshold;
/** The view lists the largest templates, and a few members and shared contacts of each (a flood repeats one ad
 * tens of thousands of times: listing them all made a 30 MB answer). Sizes and counts are always whole. */
const TEMPLATE_CLUSTERS_SHOWN = 200;
const TEMPLATE_MEMBERS_SHOWN = 50;
const TEMPLATE_SHARED_SHOWN = 20;
/** Copies aligned to derive a template's common text and slots. */
const TEMPLATE_ALIGNED = TEMPLATE_DEFAULTS.alignMembers;

export interface TemplatesView {
  itemsCompared: number;
  /** All templates found; `clusters` holds the largest TEMPLATE_CLUSTERS_SHOWN of them. */
  clustersTotal: number;
  clusters: Array<{
    cluster: number;
    size: number;
    template: string;
    slots: Array<{ name: string; values: string[] }>;
    minSharedPercent: number;
    sharedIdentifiers: Array<{ type: string; value: string; items: number }>;
    /** The highest-scoring TEMPLATE_MEMBERS_SHOWN members; `size` counts them all. */
    members: ItemBrief[];
  }>;
}

export interface ImportInput {
  bytes: Uint8Array;
  format: ImportFormat;
  mapping?: ColumnMapping;
  encoding?: ImportEncoding;
  fileName?: string;
  mode: ImportMode;
  /** The evidence item of the case the bytes were read from; kept on the import and on every item. */
  evidenceId?: string;
  /** Shown as each item's source for web captures (e.g. "Exhibit TST-EV-2026-0001 · oglas.warc"). */
  source?: string;
}

/** Evidence import formats that hold web pages, and the recruitment reader for each. */
const EVIDENCE_FORMATS: Record<string, ImportFormat> = { warc: 'warc', html: 'html' };
/** Largest evidence original read into memory for analysis. */
export const MAX_EVIDENCE_IMPORT_BYTES = 64 * 1024 * 1024;

export interface ImportOptions {
  signal?: AbortSignal;
  /** Called after each chunk of items is analysed: (analysed, total). */
  onProgress?: (done: number, total: number) => void;
  /** Called once analysis is done, before the items are written (one transaction). */
  onSaving?: () => void;
}

export interface ImportOutcome {
  importId: string;
  itemsImported: number;
  flagged: number;
  linesRejected: number;
  errors: LineError[];
  encoding: string;
}

export interface StoredAnalysis {
  indicators: IndicatorHit[];
  reasons: Reason[];
  languageEvidence: string[];
}

export interface ItemDetail {
  item: ItemRow;
  analysis: StoredAnalysis;
  identifiers: IdentifierRow[];
}

const ANALYSE_CHUNK = 500;
/** Items written per step of the import transaction. */
const SAVE_CHUNK = 1000;

export const MAX_IMPORT_ITEMS = 200_000;

const cancelled = () => new AppError('conflict', 'import_cancelled', 'The import was cancelled; nothing was imported.');

/** Which case-entity type an extracted identifier becomes. */
export function entityInputFor(type: string, value: string): { type: string; value: string; platform?: string } | null {
  switch (type) {
    case 'phone':
    case 'whatsapp':
    case 'viber':
      return { type: 'phone', value };
    case 'email':
      return { type: 'email', value };
    case 'url':
      return { type: 'website', value };
    case 'telegram':
    case 'instagram':
    case 'facebook':
      return { type: 'online_account', value: value.replace(/^@/, ''), platform: type };
    case 'btc':
    case 'eth':
    case 'trx':
      return { type: 'crypto_wallet', value };
    case 'iban':
      return { type: 'bank_account', value };
    default:
      return null;
  }
}

function formatFromName(fileName: string, mediaType: string): ImportFormat | null {
  if (/\.warc(\.gz)?$/i.test(fileName) || mediaType === 'application/warc') return 'warc';
  if (/\.x?html?$/i.test(fileName) || /^(text\/html|application\/xhtml\+xml)/.test(mediaType)) return 'html';
  return null;
}

export class RecruitmentService {
  private readonly repo: RecruitmentRepository;

  private readonly access: CaseAccess;
  private readonly audit: AuditService;

  constructor(
    private readonly ctx: CoreContext,
    private readonly analyzer: RecruitmentAnalyzer = new RecruitmentAnalyzer(),
  ) {
    this.repo = new RecruitmentRepository(ctx.database.db, ctx.database.sqlite, ctx.database.dialect);
    this.access = new CaseAccess(ctx);
    this.audit = new AuditService(ctx);
  }

  async importItems(
    actor: Actor,
    caseId: string,
    input: ImportInput,
    options: ImportOptions = {},
  ): Promise<ImportOutcome> {
    await this.access.requireWriter(actor, caseId);
    const items = await openImportFile({
      bytes: input.bytes,
      format: input.format,
      ...(input.mapping ? { mapping: input.mapping } : {}),
      ...(input.encoding ? { encoding: input.encoding } : {}),
      ...(input.fileName ? { fileName: input.fileName } : {}),
      ...(input.source ? { source: input.source } : {}),
    });
    if (items.errors.length > 0 && input.mode === 'all_or_nothing') {
      throw invalid(
        'import_lines_malformed',
        `${items.errors.length} record(s) are malformed (first at line ${items.errors[0]!.line}); nothing was imported. Fix them, or import with "skip bad lines".`,
        { errors: items.errors.slice(0, 100) },
      );
    }
    const total = items.count;
    if (total === 0) throw invalid('import_empty', 'The file holds no items to import.');
    if (total > MAX_IMPORT_ITEMS) {
      throw new AppError(
        'too_large',
        'import_too_many_items',
        `At most ${MAX_IMPORT_ITEMS} items per import; split the file.`,
      );
    }
    // Large imports use worker threads (see analysis-threads.ts) when the analyzer is the default one, which is
    // what a worker builds for itself.
    const settings = importThreadSettings();
    const threads =
      settings.workers > 0 && total >= settings.minItems && this.analyzer.lexicon === defaultLexicon()
        ? new AnalysisThreads(settings.workers)
        : null;
    try {
      return await this.analyseAndSave(actor, caseId, input, options, items, threads);
    } finally {
      await threads?.close();
    }
  }

  /**
   * Analyses the items (outside the transaction), then writes them in one transaction. With worker threads, chunks
   * are analysed on the workers and on this thread at once, and while this thread writes a chunk the workers score
   * the next ones; the network signals (shared contacts, template reuse) need the whole collection analysed first.
   */
  private async analyseAndSave(
    actor: Actor,
    caseId: string,
    input: ImportInput,
    options: ImportOptions,
    items: Awaited<ReturnType<typeof openImportFile>>,
    threads: AnalysisThreads | null,
  ): Promise<ImportOutcome> {
    const total = items.count;
    // Each analysis is kept compact (its stored JSON and its identifiers), network signals keep only contacts, a
    // signature and a digest per item, and the texts are not kept at all: 100,000 items fit in well under 1.5 GB.
    const signals = this.analyzer.networkSignals(total);
    const analysed: Array<CompactAnalysis | undefined> = new Array<CompactAnalysis | undefined>(total);
    let analysedCount = 0;
    const take = (from: number, chunk: AnalysedChunk) => {
      signals.addPart(from, chunk.signals);
      for (let j = 0; j < chunk.items.length; j++) analysed[from + j] = chunk.items[j];
      analysedCount += chunk.items.length;
      options.onProgress?.(analysedCount, total);
    };
    const onWorkers: Array<Promise<void>> = [];
    let failure: unknown = null;
    for (let i = 0; i < total; i += ANALYSE_CHUNK) {
      if (failure) throw failure;
      if (options.signal?.aborted) throw cancelled();
      const end = Math.min(i + ANALYSE_CHUNK, total);
      const texts: string[] = [];
      for (let k = i; k < end; k++) texts.push(items.item(k).text);
      // a worker gets the chunk while it has fewer than two waiting; otherwise this thread analyses it
      const sent = threads?.analyse(texts, 2) ?? null;
      if (sent) {
        const from = i;
        const stored = sent.then((chunk) => take(from, chunk));
        stored.catch((error: unknown) => (failure ??= error));
        onWorkers.push(stored);
      } else take(i, analyseChunk(this.analyzer, texts));
      await new Promise((resolve) => setImmediate(resolve)); // let a cancel request and workers' answers in
    }
    await Promise.all(onWorkers);
    if (options.signal?.aborted) throw cancelled();
    // Network signals across the imported collection; items that get some are re-scored when they are written.
    signals.finish();
    options.onSaving?.();
    const now = this.ctx.clock.now().toISOString();
    const importId = newId();
    let flagged = 0;
    let identifierCount = 0;
    // The rows' scores and analyses for items [from, to), made on a worker when there are workers.
    const score = (from: number, to: number): Promise<ScoredItem[]> | ScoredItem[] => {
      const chunk: CompactAnalysis[] = [];
      const hits: IndicatorHit[][] = [];
      for (let k = from; k < to; k++) {
        chunk.push(analysed[k]!);
        hits.push(signals.hitsOf(k));
        analysed[k] = undefined;
      }
      return threads ? threads.score(chunk, hits) : scoreChunk(this.analyzer, chunk, hits);
    };
    await this.ctx.database.db.transaction().execute(async (trx) => {
      await this.repo.createImport(
        {
          id: importId,
          case_id: caseId,
          format: input.format,
          file_name: input.fileName ?? null,
          mode: input.mode,
          items_imported: total,
          lines_rejected: items.errors.length,
          errors: JSON.stringify(items.errors.slice(0, 1000)),
          lexicon_version: this.analyzer.lexicon.version,
          evidence_id: input.evidenceId ?? null,
          created_by: actor.userId,
          created_at: now,
        },
        trx,
      );
      // Rows are made per chunk as they are written, never all at once; what a written item needed is let go.
      // One chunk is written while the next one's rows are made (on PostgreSQL the server inserts meanwhile; on
      // SQLite the write has finished before the call returns), on the transaction's one connection; workers
      // score up to two chunks each ahead of the one being written.
      const ahead: Array<Promise<ScoredItem[]> | ScoredItem[]> = [];
      const depth = threads ? 2 * threads.size : 1;
      let next = 0;
      const fill = () => {
        while (next < total && ahead.length < depth) {
          const to = Math.min(next + SAVE_CHUNK, total);
          ahead.push(score(next, to));
          next = to;
        }
      };
      let writing: Promise<void> = Promise.resolve();
      for (let i = 0; i < total; i += SAVE_CHUNK) {
        if (options.signal?.aborted) {
          await writing;
          throw cancelled();
        }
        fill();
        let scored: ScoredItem[];
        try {
          scored = await ahead.shift()!;
        } catch (error) {
          await writing; // the transaction's connection is not left mid-statement
          throw error;
        }
        fill();
        const itemRows: NewItemRow[] = [];
        const identifierRows: IdentifierRow[] = [];
        for (let k = i; k < Math.min(i + SAVE_CHUNK, total); k++) {
          const item = items.item(k);
          const r = scored[k - i]!;
          items.release(k);
          if (r.flagged) flagged++;
          const id = newId();
          itemRows.push({
            id,
            case_id: caseId,
            import_id: importId,
            external_id: item.externalId,
            text: item.text,
            url: item.url,
            posted_at: item.postedAt,
            source: item.source,
            source_position: item.position,
            evidence_id: input.evidenceId ?? null,
            language: r.language,
            score: r.score,
            flagged: r.flagged ? 1 : 0,
            analysis: r.analysis,
            relevance: null,
            marked_by: null,
            marked_at: null,
            created_at: now,
            minhash: signals.storedSignature(k),
          });
          for (const [type, value, start, end] of r.identifiers) {
            identifierRows.push({
              id: identifierId(importId, identifierCount++),
              case_id: caseId,
              item_id: id,
              type,
              value,
              span_start: start,
              span_end: end,
            });
          }
        }
        await writing;
        writing = this.repo.createItems(itemRows, trx).then(() => this.repo.createIdentifiers(identifierRows, trx));
      }
      await writing;
      if (options.signal?.aborted) throw cancelled();
      await this.audit.record(
        actor,
        {
          action: 'recruitment.import',
          recordType: 'recruitment_import',
          recordId: importId,
          caseId,
          details: {
            format: input.format,
            items: total,
            rejected: items.errors.length,
            mode: input.mode,
            ...(input.evidenceId ? { evidenceId: input.evidenceId } : {}),
          },
        },
        trx,
      );
    });
    return {
      importId,
      itemsImported: total,
      flagged,
      linesRejected: items.errors.length,
      errors: items.errors,
      encoding: items.encoding,
    };
  }

  /**
   * Imports the web pages of an evidence item of the same case (a WARC capture or a saved HTML page). The original
   * is read through the evidence service, so the read is a custody event; every item points back to the evidence
   * item and to its place in it (WARC record, byte offset, article).
   */
  async importFromEvidence(
    actor: Actor,
    caseId: string,
    evidenceId: string,
    input: { mode: ImportMode },
    options: ImportOptions = {},
  ): Promise<ImportOutcome> {
    await this.access.requireWriter(actor, caseId);
    // Reading the original is a custody event ("downloaded"), recorded by the evidence service before any byte.
    const { item, stream } = await new EvidenceService(this.ctx).download(actor, evidenceId);
    const refuse = (error: AppError) => {
      stream.destroy();
      return error;
    };
    if (item.caseId !== caseId) {
      throw refuse(evidenceNotFound());
    }
    const format = EVIDENCE_FORMATS[item.importFormat ?? ''] ?? formatFromName(item.fileName, item.mediaType);
    if (!format) {
      throw refuse(
        invalid(
          'recruitment_evidence_not_web',
          'Only web captures (WARC) and saved HTML pages can be read as recruitment items; import chat exports from their file.',
        ),
      );
    }
    if (item.size > MAX_EVIDENCE_IMPORT_BYTES) {
      throw refuse(
        new AppError(
          'too_large',
          'import_too_large',
          `Evidence items up to ${MAX_EVIDENCE_IMPORT_BYTES / 1024 / 1024} MB can be imported.`,
        ),
      );
    }
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return this.importItems(
      actor,
      caseId,
      {
        bytes: Buffer.concat(chunks),
        format,
        mode: input.mode,
        fileName: item.fileName,
        evidenceId: item.id,
        source: `Exhibit ${item.exhibitNumber} · ${item.fileName}`,
      },
      options,
    );
  }

  async listItems(actor: Actor, caseId: string, query: { limit: number; offset: number; flaggedOnly?: boolean }) {
    await this.access.requireMember(actor, caseId);
    return this.repo.listItems(caseId, query);
  }

  private async requireItem(actor: Actor, itemId: string, write = false, trx?: Kysely<Database>): Promise<ItemRow> {
    const item = await this.repo.getItem(itemId, trx);
    if (!item) throw notFound('recruitment_item_not_found', 'This item does not exist or you cannot see it.');
    if (write) await this.access.requireWriter(actor, item.case_id, trx);
    else await this.access.requireMember(actor, item.case_id, trx);
    return item;
  }

  async getItem(actor: Actor, itemId: string): Promise<ItemDetail> {
    const item = await this.requireItem(actor, itemId);
    const identifiers = await this.repo.identifiersOfItem(itemId);
    await this.audit.record(actor, {
      action: 'recruitment.item_view',
      recordType: 'recruitment_item',
      recordId: itemId,
      caseId: item.case_id,
    });
    return { item, analysis: JSON.parse(item.analysis) as StoredAnalysis, identifiers };
  }

  /** Analyst's judgement, kept for evaluation: relevant, not_relevant, or null to clear. */
  async markItem(actor: Actor, itemId: string, relevance: 'relevant' | 'not_relevant' | null): Promise<ItemRow> {
    return this.ctx.database.db.transaction().execute(async (trx) => {
      const item = await this.requireItem(actor, itemId, true, trx);
      const now = this.ctx.clock.now().toISOString();
      const values = { relevance, marked_by: relevance ? actor.userId : null, marked_at: relevance ? now : null };
      await this.repo.mark(itemId, values, trx);
      await this.audit.record(
        actor,
        {
          action: 'recruitment.item_mark',
          recordType: 'recruitment_item',
          recordId: itemId,
          caseId: item.case_id,
          details: { relevance },
        },
        trx,
      );
      return { ...item, ...values };
    });
  }

  /**
   * The case's network. With a `limit` (the on-screen view) the database counts degrees and totals and only the
   * identifiers and items shown are read; without one (the exports) every link is read and built in memory.
   */
  async network(actor: Actor, caseId: string, options: NetworkOptions = {}): Promise<NetworkView> {
    await this.access.requireMember(actor, caseId);
    const minDegree = options.minDegree ?? 1;
    if (options.limit !== undefined) {
      const all = await this.repo.identifierDegrees(caseId, minDegree);
      const top = all
        .sort((a, b) => b.degree - a.degree || `${a.type}:${a.value}`.localeCompare(`${b.type}:${b.value}`))
        .slice(0, options.limit);
      const totals = {
        identifiers: all.length,
        items: await this.repo.networkItemCount(caseId, minDegree),
        edges: all.reduce((sum, i) => sum + i.degree, 0),
      };
      const { items: links, sources } = await this.repo.identifierItems(
        caseId,
        top,
        options.itemsPerIdentifier ?? Number.MAX_SAFE_INTEGER,
      );
      const items = await this.repo.itemsByIds(caseId, [...new Set(links.map((l) => l.item_id))]);
      return networkFromParts({
        identifiers: top.map((t) => ({
          type: t.type,
          value: t.value,
          degree: t.degree,
          firstSeen: t.first_seen,
          lastSeen: t.last_seen,
        })),
        totals,
        links: links.map((l) => ({ type: l.type, value: l.value, itemId: l.item_id })),
        sources: sources.map((s) => ({ type: s.type, value: s.value, source: s.source, firstItem: s.first_item })),
        items: items.map((i) => ({
          id: i.id,
          excerpt: i.text,
          score: Number(i.score),
          flagged: i.flagged === 1,
          seenAt: i.posted_at ?? i.created_at,
        })),
      });
    }
    const links = await this.repo.caseIdentifierLinks(caseId);
    return buildNetwork(
      links.map((l) => ({
        type: l.type,
        value: l.value,
        itemId: l.item_id,
        seenAt: l.posted_at ?? l.created_at,
        score: Number(l.score),
        flagged: l.flagged === 1,
        excerpt: l.excerpt,
        source: l.source,
      })),
      { minDegree },
    );
  }

  /**
   * The case's template ads: clusters of two or more near-duplicate items (MinHash/LSH over folded word triples,
   * so a Cyrillic and a Latin copy fall together), largest first, each with its common text and variable slots,
   * the contacts its members share, and the members (the largest templates and a few members of each; sizes are
   * whole). Computed on request from the stored items.
   */
  async templates(actor: Actor, caseId: string): Promise<TemplatesView> {
    await this.access.requireMember(actor, caseId);
    // Grouped from the signatures the imports stored; only items imported before they were kept are re-read.
    const rows = await this.repo.caseItemSignatures(caseId);
    const k = DEFAULT_MINHASH.bands * DEFAULT_MINHASH.rows;
    const signatures = new Uint32Array(rows.length * k);
    const eligible = new Uint8Array(rows.length);
    const unsigned: number[] = [];
    rows.forEach((row, index) => {
      if (row.minhash === null) unsigned.push(index);
      else if (row.minhash !== '' && signatureFromBase64(row.minhash, signatures, index, k)) eligible[index] = 1;
      else shortItemSignature(signatures, index, k, index);
    });
    for (let i = 0; i < unsigned.length; i += 1000) {
      const part = unsigned.slice(i, i + 1000);
      const texts = new Map(
        (
          await this.repo.itemsByIds(
            caseId,
            part.map((index) => rows[index]!.id),
          )
        ).map((r) => [r.id, r.text]),
      );
      for (const index of part) {
        signItem(normalizeText(texts.get(rows[index]!.id) ?? '').tokens, index, signatures, eligible);
      }
      // kept, so this is done once per item and the next view reads stored signatures only
      await this.repo.storeSignatures(
        part.map((index) => ({
          id: rows[index]!.id,
          minhash: eligible[index] ? signatureToBase64(signatures, index, k) : '',
        })),
      );
    }
    const groups = groupSignatures(signatures, eligible, rows.length, { threshold: TEMPLATE_THRESHOLD });
    const chosen = groups
      .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
      .slice(0, TEMPLATE_CLUSTERS_SHOWN)
      .map((group) => {
        const ids = group.map((index) => rows[index]!.id);
        const shown =
          group.length > TEMPLATE_MEMBERS_SHOWN
            ? [...group]
                .sort((a, b) => Number(rows[b]!.score) - Number(rows[a]!.score) || a - b)
                .slice(0, TEMPLATE_MEMBERS_SHOWN)
                .map((index) => rows[index]!.id)
            : ids;
        return { ids, aligned: ids.slice(0, TEMPLATE_ALIGNED), shown };
      });
    const needed = new Set(chosen.flatMap((c) => [...c.aligned, ...c.shown]));
    const byId = new Map((await this.repo.itemsByIds(caseId, [...needed])).map((r) => [r.id, r]));
    const clusters = chosen.map((c) => ({
      ids: c.ids,
      shown: c.shown,
      ...deriveTemplate(c.aligned.map((id) => byId.get(id)!.text)),
    }));
    const identifiers = new Map<string, Array<{ type: string; value: string }>>();
    for (const row of await this.repo.caseIdentifierValues(caseId)) {
      const list = identifiers.get(row.item_id) ?? [];
      list.push({ type: row.type, value: row.value });
      identifiers.set(row.item_id, list);
    }
    return {
      itemsCompared: rows.length,
      clustersTotal: groups.length,
      clusters: clusters.map((cluster, index) => {
        const counts = new Map<string, { type: string; value: string; items: number }>();
        for (const id of cluster.ids) {
          const seen = new Set<string>();
          for (const i of identifiers.get(id) ?? []) {
            const key = `${i.type}:${i.value}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const entry = counts.get(key) ?? { type: i.type, value: i.value, items: 0 };
            entry.items += 1;
            counts.set(key, entry);
          }
        }
        return {
          cluster: index + 1,
          size: cluster.ids.length,
          template: cluster.template,
          slots: cluster.slots,
          minSharedPercent: Math.round(TEMPLATE_THRESHOLD * 100),
          sharedIdentifiers: [...counts.values()]
            .filter((c) => c.items >= 2)
            .sort((a, b) => b.items - a.items || a.value.localeCompare(b.value))
            .slice(0, TEMPLATE_SHARED_SHOWN),
          members: cluster.shown.map((id) => byId.get(id)!),
        };
      }),
    };
  }

  async exportNetwork(actor: Actor, caseId: string, format: 'graphml' | 'csv' | 'ftm') {
    const view = await this.network(actor, caseId);
    await this.audit.record(actor, {
      action: 'recruitment.network_export',
      recordType: 'case',
      recordId: caseId,
      caseId,
      details: { format },
    });
    if (format === 'graphml')
      return { contentType: 'application/graphml+xml', fileName: 'recruitment-network.graphml', body: toGraphml(view) };
    if (format === 'csv')
      return { contentType: 'text/csv; charset=utf-8', fileName: 'recruitment-identifiers.csv', body: toCsv(view) };
    return {
      contentType: 'application/x-ndjson',
      fileName: 'recruitment-network.ftm.jsonl',
      body: toFollowTheMoney(view, `Trag case ${caseId}`),
    };
  }

  /** One click from identifier to case entity (idempotent: the same identifier twice is one entity). */
  async addIdentifierToCase(actor: Actor, caseId: string, identifier: { type: string; value: string }) {
    await this.access.requireWriter(actor, caseId);
    if (!(await this.repo.hasIdentifier(caseId, identifier.type, identifier.value))) {
      throw notFound(
        'recruitment_identifier_not_found',
        'This identifier was not found in the case\u2019s recruitment items.',
      );
    }
    const entity = entityInputFor(identifier.type, identifier.value);
    if (!entity) throw invalid('recruitment_identifier_not_entity', 'Amounts cannot become case entities.');
    return new EntityService(this.ctx).addIdentifierEntity(actor, caseId, {
      ...entity,
      source: `recruitment:${identifier.type}:${identifier.value}`,
    });
  }
}
