// Runs jobs from the queue: claims one at a time per worker, heart-beats while the handler runs, records the
// outcome. Several workers (in one or many processes) can share a queue: claiming never hands a job to two of them.
import { hostname } from 'node:os';
import type { CoreContext } from '../shared/context';
import { newId } from '../shared/ids';
import { eventBusFor } from './event-bus';
import { JobRepository, type JobRow } from './job.repository';
import { JOBS_TOPIC, JobService } from './job.service';

export interface JobContext {
  job: { id: string; kind: string; payload: Record<string, unknown>; attempt: number; caseId: string | null };
  /** Aborted when the job is cancelled or the worker lost its lease: stop soon and return. */
  signal: AbortSignal;
  /** Report progress (0–100); also renews the lease. */
  progress(percent: number, message?: string): Promise<void>;
}

export type JobHandler = (context: JobContext) => Promise<Record<string, unknown> | void>;

export interface JobWorkerOptions {
  queues?: string[];
  /** Lease length; a worker that stops heart-beating for this long loses the job. */
  leaseMs?: number;
  /** Poll interval when idle (live `jobs` events wake the worker sooner). */
  pollMs?: number;
  /** First retry after this delay, doubling each attempt. */
  retryBaseMs?: number;
  workerId?: string;
}

const registry = new Map<string, JobHandler>();

/**
 * Registers the handler of a job kind for every worker the server starts (call it at module load, from the domain
 * that owns the kind). `trag serve` runs one worker per process when at least one kind is registered.
 */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  if (registry.has(kind) && registry.get(kind) !== handler) {
    throw new Error(`Job kind "${kind}" already has a handler.`);
  }
  registry.set(kind, handler);
}

export function registeredJobKinds(): string[] {
  return [...registry.keys()];
}

export class JobWorker {
  readonly workerId: string;
  private readonly repo: JobRepository;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly queues: string[];
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly retryBaseMs: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly ctx: CoreContext,
    options: JobWorkerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
    this.repo = new JobRepository(ctx.database.db, ctx.database.dialect);
    this.queues = options.queues ?? ['default'];
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 2_000;
    this.retryBaseMs = options.retryBaseMs ?? 5_000;
  }

  /** A worker with every handler registered with registerJobHandler. */
  static fromRegistry(ctx: CoreContext, options: JobWorkerOptions = {}): JobWorker {
    const worker = new JobWorker(ctx, options);
    for (const [kind, handler] of registry) worker.handle(kind, handler);
    return worker;
  }

  handle(kind: string, handler: JobHandler): this {
    this.handlers.set(kind, handler);
    return this;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.ctx.clock.now().getTime() + offsetMs).toISOString();
  }

  /** Claims and runs at most one due job. Returns the finished job's id, or null when the queue had nothing due. */
  async runOnce(): Promise<string | null> {
    await this.repo.reapExpired(this.iso());
    // Only kinds this worker can run: another process (or a newer version) may handle the rest.
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return null;
    const job = await this.repo.claim(this.queues, kinds, this.workerId, this.iso(), this.iso(this.leaseMs));
    if (!job) return null;
    await this.execute(job);
    return job.id;
  }

  private async execute(job: JobRow): Promise<void> {
    const jobs = new JobService(this.ctx);
    await jobs.notify(job);
    const controller = new AbortController();
    const beat = async (progress?: { percent: number; message: string | null }) => {
      const state = await this.repo.heartbeat(job.id, this.workerId, this.iso(), this.iso(this.leaseMs), progress);
      if (!state || state.cancelRequested) controller.abort();
    };
    const timer = setInterval(() => void beat().catch(() => undefined), Math.max(50, this.leaseMs / 3));
    timer.unref();
    let outcome: Parameters<JobRepository['finish']>[3];
    try {
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new Error(`No handler for job kind "${job.kind}" on this worker.`);
      const result = await handler({
        job: {
          id: job.id,
          kind: job.kind,
          payload: JSON.parse(job.payload) as Record<string, unknown>,
          attempt: Number(job.attempts),
          caseId: job.case_id,
        },
        signal: controller.signal,
        progress: async (percent, message) => {
          await beat({ percent: Math.min(100, Math.max(0, Math.round(percent))), message: message ?? null });
          const row = await this.repo.get(job.id);
          if (row) await jobs.notify(row);
        },
      });
      outcome = controller.signal.aborted
        ? { status: 'cancelled' }
        : { status: 'succeeded', result: JSON.stringify(result ?? {}) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (controller.signal.aborted) outcome = { status: 'cancelled' };
      else if (Number(job.attempts) < Number(job.max_attempts)) {
        const delay = this.retryBaseMs * 2 ** (Number(job.attempts) - 1);
        outcome = { status: 'queued', error: message, runAfter: this.iso(delay) };
      } else outcome = { status: 'failed', error: message };
    } finally {
      clearInterval(timer);
    }
    if (await this.repo.finish(job.id, this.workerId, this.iso(), outcome)) {
      const row = await this.repo.get(job.id);
      if (row) await jobs.notify(row);
    }
  }

  /** Runs until stop(): drains due jobs, then sleeps until the poll interval or a `jobs` event. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = await eventBusFor(this.ctx.database, this.ctx.clock).subscribe([JOBS_TOPIC], (event) => {
      if (event.data.status === 'queued') this.wake?.();
    });
    this.loop = (async () => {
      while (this.running) {
        let ran: string | null = null;
        try {
          ran = await this.runOnce();
        } catch {
          // Database hiccup: wait for the next poll.
        }
        if (ran || !this.running) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
  }
}
