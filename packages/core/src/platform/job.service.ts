// The background job queue: any API process enqueues, any process's worker runs. Rules:
//  - A job is claimed by exactly one worker at a time, under a lease renewed by heartbeats; a worker that dies
//    loses the lease and the job goes back to the queue (until max_attempts, then it fails).
//  - Failures retry with exponential back-off; cancel stops a queued job at once and a running one at its next
//    heartbeat.
//  - Only the job's creator (or the local operator) sees or cancels it.
// Every change publishes a `jobs` live event addressed to the creator, so UIs can show progress.
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { invalid, notFound } from '../shared/errors';
import { newId } from '../shared/ids';
import { eventBusFor } from './event-bus';
import { JobRepository, type JobRow } from './job.repository';

export interface EnqueueRequest {
  kind: string;
  payload?: Record<string, unknown>;
  queue?: string;
  priority?: number;
  maxAttempts?: number;
  /** Not before this time (ISO-8601). */
  runAfter?: string;
  caseId?: string | null;
}

export interface JobView {
  id: string;
  queue: string;
  kind: string;
  status: JobRow['status'];
  attempts: number;
  maxAttempts: number;
  progress: number;
  progressMessage: string | null;
  cancelRequested: boolean;
  result: unknown;
  error: string | null;
  caseId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export function presentJob(row: JobRow): JobView {
  return {
    id: row.id,
    queue: row.queue,
    kind: row.kind,
    status: row.status,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    progress: Number(row.progress),
    progressMessage: row.progress_message,
    cancelRequested: Number(row.cancel_requested) === 1,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error,
    caseId: row.case_id,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

const KIND_PATTERN = /^[a-z][a-z0-9_.-]{0,63}$/;
export const JOBS_TOPIC = 'jobs';

export class JobService {
  private readonly repo: JobRepository;

  constructor(private readonly ctx: CoreContext) {
    this.repo = new JobRepository(ctx.database.db, ctx.database.dialect);
  }

  async enqueue(actor: Actor | null, request: EnqueueRequest): Promise<JobView> {
    if (!KIND_PATTERN.test(request.kind)) throw invalid('invalid_job_kind', `"${request.kind}" is not a job kind.`);
    const queue = request.queue ?? 'default';
    if (!KIND_PATTERN.test(queue)) throw invalid('invalid_job_queue', `"${queue}" is not a queue name.`);
    const now = this.ctx.clock.now().toISOString();
    const row: JobRow = {
      id: newId(),
      queue,
      kind: request.kind,
      payload: JSON.stringify(request.payload ?? {}),
      status: 'queued',
      priority: request.priority ?? 0,
      attempts: 0,
      max_attempts: Math.max(1, request.maxAttempts ?? 3),
      run_after: request.runAfter ? new Date(request.runAfter).toISOString() : now,
      locked_by: null,
      locked_until: null,
      heartbeat_at: null,
      progress: 0,
      progress_message: null,
      cancel_requested: 0,
      result: null,
      error: null,
      case_id: request.caseId ?? null,
      created_by: actor?.userId ?? null,
      agency_id: actor?.agencyId ?? null,
      created_at: now,
      updated_at: now,
      started_at: null,
      finished_at: null,
    };
    await this.repo.create(row);
    await this.notify(row);
    return presentJob(row);
  }

  private async visible(actor: Actor, id: string): Promise<JobRow> {
    const row = await this.repo.get(id);
    if (!row || (actor.via !== 'system' && row.created_by !== actor.userId)) {
      throw notFound('job_not_found', 'This job does not exist or was started by someone else.');
    }
    return row;
  }

  async get(actor: Actor, id: string): Promise<JobView> {
    return presentJob(await this.visible(actor, id));
  }

  async listMine(actor: Actor, limit = 50): Promise<JobView[]> {
    return (await this.repo.listByCreator(actor.userId, Math.min(Math.max(limit, 1), 200))).map(presentJob);
  }

  async cancel(actor: Actor, id: string): Promise<JobView> {
    await this.visible(actor, id);
    const row = await this.repo.cancel(id, this.ctx.clock.now().toISOString());
    if (!row) throw notFound('job_not_found', 'This job does not exist or was started by someone else.');
    await this.notify(row);
    return presentJob(row);
  }

  /** Tells the creator's UI (and idle workers, through the same topic) that the job changed. */
  async notify(row: JobRow): Promise<void> {
    if (!row.created_by && !row.agency_id) {
      await eventBusFor(this.ctx.database, this.ctx.clock).publish(
        JOBS_TOPIC,
        { broadcast: true },
        { jobId: row.id, status: row.status, queue: row.queue },
      );
      return;
    }
    await eventBusFor(this.ctx.database, this.ctx.clock).publish(
      JOBS_TOPIC,
      { userId: row.created_by, agencyId: row.agency_id },
      {
        jobId: row.id,
        kind: row.kind,
        queue: row.queue,
        status: row.status,
        progress: Number(row.progress),
      },
    );
  }
}
