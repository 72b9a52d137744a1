// Every query of the job queue. Claiming is one UPDATE … WHERE id = (SELECT … LIMIT 1) statement: on PostgreSQL the
// inner SELECT takes FOR UPDATE SKIP LOCKED, so concurrent workers in any number of processes each get a different
// job without waiting on each other; on SQLite the single statement runs under the database's one write lock.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, DialectName, JobsTable } from '@trag/db';

export type JobRow = Selectable<JobsTable>;

const COLUMNS = [
  'id',
  'queue',
  'kind',
  'payload',
  'status',
  'priority',
  'attempts',
  'max_attempts',
  'run_after',
  'locked_by',
  'locked_until',
  'heartbeat_at',
  'progress',
  'progress_message',
  'cancel_requested',
  'result',
  'error',
  'case_id',
  'created_by',
  'agency_id',
  'created_at',
  'updated_at',
  'started_at',
  'finished_at',
] as const;

export class JobRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async create(row: JobRow, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.insertInto('jobs').values(row).execute();
  }

  async get(id: string): Promise<JobRow | undefined> {
    return this.db.selectFrom('jobs').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async listByCreator(userId: string, limit: number): Promise<JobRow[]> {
    return this.db
      .selectFrom('jobs')
      .select(COLUMNS)
      .where('created_by', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  }

  /** Takes the next due job of the given queues and kinds for `workerId` until `leaseUntil`; undefined when none. */
  async claim(
    queues: string[],
    kinds: string[],
    workerId: string,
    now: string,
    leaseUntil: string,
  ): Promise<JobRow | undefined> {
    if (kinds.length === 0 || queues.length === 0) return undefined;
    const postgres = this.dialect === 'postgres';
    return this.db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: workerId,
        locked_until: leaseUntil,
        heartbeat_at: now,
        started_at: sql<string>`coalesce(started_at, ${now})`,
        attempts: sql<number>`attempts + 1`,
        updated_at: now,
      })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('queue', 'in', queues)
          .where('kind', 'in', kinds)
          .where('run_after', '<=', now)
          .orderBy('priority', 'desc')
          .orderBy('run_after', 'asc')
          .orderBy('created_at', 'asc')
          .limit(1)
          .$if(postgres, (qb) => qb.forUpdate().skipLocked()),
      )
      .where('status', '=', 'queued')
      .returning(COLUMNS)
      .executeTakeFirst();
  }

  /**
   * Renews the lease and stores progress. Returns the job's cancel flag, or undefined when the worker no longer holds
   * the job (its lease expired and another worker took it, or it was finished elsewhere).
   */
  async heartbeat(
    id: string,
    workerId: string,
    now: string,
    leaseUntil: string,
    progress?: { percent: number; message: string | null },
  ): Promise<{ cancelRequested: boolean } | undefined> {
    const row = await this.db
      .updateTable('jobs')
      .set({
        heartbeat_at: now,
        locked_until: leaseUntil,
        updated_at: now,
        ...(progress ? { progress: progress.percent, progress_message: progress.message } : {}),
      })
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .returning('cancel_requested')
      .executeTakeFirst();
    return row ? { cancelRequested: Number(row.cancel_requested) === 1 } : undefined;
  }

  /** Ends a running job held by `workerId`; returns false when the worker had lost it. */
  async finish(
    id: string,
    workerId: string,
    now: string,
    outcome:
      | { status: 'succeeded'; result: string }
      | { status: 'failed'; error: string }
      | { status: 'cancelled' }
      | { status: 'queued'; error: string; runAfter: string },
  ): Promise<boolean> {
    const common = { locked_by: null, locked_until: null, updated_at: now };
    const set =
      outcome.status === 'succeeded'
        ? { ...common, status: outcome.status, result: outcome.result, progress: 100, finished_at: now, error: null }
        : outcome.status === 'failed'
          ? { ...common, status: outcome.status, error: outcome.error, finished_at: now }
          : outcome.status === 'cancelled'
            ? { ...common, status: outcome.status, finished_at: now }
            : { ...common, status: outcome.status, error: outcome.error, run_after: outcome.runAfter };
    const result = await this.db
      .updateTable('jobs')
      .set(set)
      .where('id', '=', id)
      .where('locked_by', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Jobs whose worker stopped heart-beating (crash, kill, lost network) go back to the queue, or fail when they have
   * used all their attempts. Returns how many were touched.
   */
  async reapExpired(now: string): Promise<number> {
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: sql<'queued' | 'failed'>`case when attempts >= max_attempts then 'failed' else 'queued' end`,
        finished_at: sql<string | null>`case when attempts >= max_attempts then ${now} else null end`,
        error: 'The worker running this job stopped responding.',
        locked_by: null,
        locked_until: null,
        updated_at: now,
      })
      .where('status', '=', 'running')
      .where('locked_until', '<', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** Queued → cancelled at once; running → cancel_requested (the worker stops at its next heartbeat). */
  async cancel(id: string, now: string): Promise<JobRow | undefined> {
    await this.db
      .updateTable('jobs')
      .set({ status: 'cancelled', finished_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    await this.db
      .updateTable('jobs')
      .set({ cancel_requested: 1, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
    return this.get(id);
  }
}
