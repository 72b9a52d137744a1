import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDatabase } from '@trag/db';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { fixedClock, type Actor, type CoreContext } from '../shared';
import { closeEventBus } from './event-bus';
import { JobRepository } from './job.repository';
import { JobService } from './job.service';
import { JobWorker } from './job-worker';

const alice: Actor = {
  userId: 'alice',
  username: 'alice',
  displayName: 'Alice',
  agencyId: 'agency-a',
  unitId: null,
  role: 'analyst',
  ip: null,
  via: 'session',
};
const bob: Actor = { ...alice, userId: 'bob', username: 'bob' };

describeEachDialect('job queue', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof fixedClock>;
  let ctx: CoreContext;
  let jobs: JobService;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    clock = fixedClock('2026-11-30T10:00:00.000Z');
    ctx = { database, clock, dataDir: '/nonexistent' };
    jobs = new JobService(ctx);
  });
  afterEach(async () => {
    await closeEventBus(database);
    await database.destroy();
  });

  it('runs a job once, records progress and the result', async () => {
    const job = await jobs.enqueue(alice, { kind: 'demo.count', payload: { to: 3 } });
    expect(job).toMatchObject({ status: 'queued', progress: 0, attempts: 0 });
    const worker = new JobWorker(ctx).handle('demo.count', async ({ job, progress }) => {
      await progress(50, 'half way');
      return { counted: job.payload.to };
    });
    expect(await worker.runOnce()).toBe(job.id);
    expect(await worker.runOnce()).toBeNull();
    expect(await jobs.get(alice, job.id)).toMatchObject({
      status: 'succeeded',
      progress: 100,
      progressMessage: 'half way',
      result: { counted: 3 },
      attempts: 1,
    });
  });

  it('leaves jobs of kinds it cannot run to other workers', async () => {
    const job = await jobs.enqueue(alice, { kind: 'other.kind' });
    const worker = new JobWorker(ctx).handle('demo.count', async () => ({}));
    expect(await worker.runOnce()).toBeNull();
    expect(await new JobWorker(ctx).runOnce()).toBeNull();
    expect(await jobs.get(alice, job.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('hides a job from anyone but its creator', async () => {
    const job = await jobs.enqueue(alice, { kind: 'demo.count' });
    await expect(jobs.get(bob, job.id)).rejects.toMatchObject({ code: 'job_not_found' });
    await expect(jobs.cancel(bob, job.id)).rejects.toMatchObject({ code: 'job_not_found' });
  });

  it('retries a failing job with back-off, then marks it failed after max attempts', async () => {
    const job = await jobs.enqueue(alice, { kind: 'demo.fail', maxAttempts: 2 });
    const worker = new JobWorker(ctx, { retryBaseMs: 60_000 }).handle('demo.fail', async () => {
      throw new Error('upstream down');
    });
    await worker.runOnce();
    expect(await jobs.get(alice, job.id)).toMatchObject({ status: 'queued', attempts: 1, error: 'upstream down' });
    expect(await worker.runOnce()).toBeNull(); // not due yet
    clock.advance(60_000);
    await worker.runOnce();
    expect(await jobs.get(alice, job.id)).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('gives a job whose worker stopped heart-beating to another worker', async () => {
    const job = await jobs.enqueue(alice, { kind: 'demo.count' });
    const repo = new JobRepository(database.db, dialect);
    const claimed = await repo.claim(
      ['default'],
      ['demo.count'],
      'crashed-worker',
      clock.now().toISOString(),
      '2026-11-30T10:00:30.000Z',
    );
    expect(claimed?.id).toBe(job.id);
    const survivor = new JobWorker(ctx, { workerId: 'survivor' }).handle('demo.count', async () => ({ ok: true }));
    expect(await survivor.runOnce()).toBeNull(); // lease still valid
    clock.advance(31_000);
    expect(await survivor.runOnce()).toBe(job.id);
    expect(await jobs.get(alice, job.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    // The crashed worker cannot overwrite the outcome later.
    expect(await repo.finish(job.id, 'crashed-worker', clock.now().toISOString(), { status: 'cancelled' })).toBe(false);
  });

  it('cancels a queued job at once and a running one at its next heartbeat', async () => {
    const queued = await jobs.enqueue(alice, { kind: 'demo.wait' });
    expect(await jobs.cancel(alice, queued.id)).toMatchObject({ status: 'cancelled' });

    const running = await jobs.enqueue(alice, { kind: 'demo.wait' });
    const worker = new JobWorker(ctx, { leaseMs: 150 }).handle('demo.wait', async ({ signal }) => {
      await jobs.cancel(alice, running.id);
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    });
    await worker.runOnce();
    expect(await jobs.get(alice, running.id)).toMatchObject({ status: 'cancelled', cancelRequested: true });
  });

  it('never hands one job to two concurrent workers', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add((await jobs.enqueue(alice, { kind: 'demo.count' })).id);
    const second = dialect === 'postgres' ? createDatabase({ databaseUrl: database.url, poolSize: 5 }) : database;
    const runs: string[] = [];
    const makeWorker = (c: CoreContext, name: string) =>
      new JobWorker(c, { workerId: name }).handle('demo.count', async ({ job }) => {
        runs.push(job.id);
        await new Promise((r) => setTimeout(r, 2));
      });
    const workers = [makeWorker(ctx, 'w1'), makeWorker({ ...ctx, database: second }, 'w2'), makeWorker(ctx, 'w3')];
    try {
      await Promise.all(
        workers.map(async (w) => {
          while ((await w.runOnce()) !== null);
        }),
      );
    } finally {
      if (second !== database) await second.destroy();
    }
    expect(runs.length).toBe(20);
    expect(new Set(runs)).toEqual(ids);
  });
});
