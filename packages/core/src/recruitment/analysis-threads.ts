// Worker threads for a large import: chunks of texts are analysed, and chunks of analyses scored, on workers while
// the main thread analyses other chunks, reads the file and writes rows. Each worker runs analysis-worker.ts
// (bundled as its own file next to the server bundle; from source through tsx's ESM API). A worker that fails or
// stops fails the import with an AppError; nothing is written outside the import's transaction.
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '@trag/core/shared';
import type { IndicatorHit } from './analyzer';
import type { AnalysedChunk, CompactAnalysis, ScoredItem } from './chunk-analysis';

type Work = { kind: 'analyse'; texts: string[] } | { kind: 'score'; items: CompactAnalysis[]; hits: IndicatorHit[][] };
export type AnalysisRequest = Work & { id: number };

export type AnalysisResponse =
  | { id: number; kind: 'analysed'; chunk: AnalysedChunk }
  | { id: number; kind: 'scored'; items: ScoredItem[] }
  | { id: number; kind: 'failed'; message: string };

/** Set by scripts/build-server.mjs to the worker bundle's file name (beside the server bundle); absent from source. */
declare const __TRAG_RECRUITMENT_WORKER__: string | undefined;

/**
 * Worker threads an import uses: TRAG_IMPORT_WORKERS when set (0 = none), else one fewer than the cores, 1–2.
 * Imports of fewer than TRAG_IMPORT_WORKER_MIN_ITEMS items (default 2,000) stay on the main thread: starting a
 * worker (loading the lexicon, and from source compiling the modules) costs more than it saves there.
 */
export function importThreadSettings(): { workers: number; minItems: number } {
  const env = (name: string) => {
    const raw = process.env[name];
    if (raw === undefined || raw.trim() === '') return null;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) {
      throw new AppError('invalid', 'import_workers_setting', `${name} must be a whole number ≥ 0 (it is "${raw}").`);
    }
    return value;
  };
  return {
    workers: env('TRAG_IMPORT_WORKERS') ?? Math.max(1, Math.min(2, availableParallelism() - 1)),
    minItems: env('TRAG_IMPORT_WORKER_MIN_ITEMS') ?? 2000,
  };
}

/** The worker: its bundle beside the server bundle, or from source the .ts file through tsx's ESM API. */
function startWorker(): Worker {
  if (typeof __TRAG_RECRUITMENT_WORKER__ === 'string') {
    // `import.meta` is taken whole: the build points a spelled-out import-meta-url back at this source file, while
    // the worker bundle lies beside the server bundle.
    const meta = import.meta;
    return new Worker(new URL(__TRAG_RECRUITMENT_WORKER__, meta.url));
  }
  // A worker does not inherit tsx's loader (neither from `tsx` nor from `--import tsx`): it registers tsx itself
  // before importing the TypeScript entry.
  const tsx = new URL(
    'dist/esm/api/index.mjs',
    pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
  ).href;
  const entry = new URL('./analysis-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsx)}).then((tsx) => tsx.register()).then(() => import(${JSON.stringify(entry)}))`,
    { eval: true },
  );
}

const workerFailed = (reason: string) =>
  new AppError(
    'internal',
    'import_analysis_failed',
    `Analysing the items failed (${reason}); nothing was imported. Retry the import; if it fails again, report it.`,
  );

class AnalysisWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: AnalysisResponse) => void; reject: (e: Error) => void }>();
  private failure: AppError | null = null;
  private closing = false;
  private nextId = 0;

  constructor() {
    this.worker = startWorker();
    this.worker.on('message', (response: AnalysisResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      if (response.kind === 'failed') waiting.reject(workerFailed(`the analysis thread reported: ${response.message}`));
      else waiting.resolve(response);
    });
    this.worker.on('error', (error) => this.fail(workerFailed(`the analysis thread stopped: ${error.message}`)));
    this.worker.on('messageerror', (error) => this.fail(workerFailed(`a message could not be read: ${error.message}`)));
    this.worker.on('exit', (code) => {
      if (!this.closing) this.fail(workerFailed(`the analysis thread exited with code ${code}`));
    });
  }

  get load(): number {
    return this.pending.size;
  }

  private fail(error: AppError): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }

  request(message: Work): Promise<AnalysisResponse> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const answer = handled(
      new Promise<AnalysisResponse>((resolve, reject) => this.pending.set(id, { resolve, reject })),
    );
    this.worker.postMessage({ ...message, id });
    return answer;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.fail(workerFailed('the import stopped'));
    await this.worker.terminate();
  }
}

/** The promise itself, marked as handled: a cancelled import leaves answers that nobody awaits. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The import's worker threads; `take` picks the least busy one with fewer than `depth` chunks waiting. */
export class AnalysisThreads {
  private readonly workers: AnalysisWorker[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => new AnalysisWorker());
  }

  get size(): number {
    return this.workers.length;
  }

  private take(depth: number): AnalysisWorker | null {
    let best: AnalysisWorker | null = null;
    for (const w of this.workers) if (w.load < depth && (!best || w.load < best.load)) best = w;
    return best;
  }

  /** Analyses texts on a worker with fewer than `depth` requests waiting, or returns null when all are busy. */
  analyse(texts: string[], depth: number): Promise<AnalysedChunk> | null {
    const worker = this.take(depth);
    if (!worker) return null;
    return handled(
      worker
        .request({ kind: 'analyse', texts })
        .then((r) => (r as Extract<AnalysisResponse, { kind: 'analysed' }>).chunk),
    );
  }

  /** Scores a chunk on the least busy worker. */
  score(items: CompactAnalysis[], hits: IndicatorHit[][]): Promise<ScoredItem[]> {
    const worker = this.take(Number.POSITIVE_INFINITY)!;
    return handled(
      worker
        .request({ kind: 'score', items, hits })
        .then((r) => (r as Extract<AnalysisResponse, { kind: 'scored' }>).items),
    );
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
