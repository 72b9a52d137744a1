import http from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createDatabase, type TragDatabase } from '@trag/db';
import { describeEachDialect } from '@trag/db/testing';
import { eventBusFor, JobService, JobWorker, registerJobHandler } from '@trag/core/platform';
import { newId, systemActor } from '@trag/core/shared';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { authHeaders, createTestApp, createTestUser, type TestApp, type TestUser } from '../testing';

// A job kind the servers built below run themselves (registered before they start).
registerJobHandler('test.server-run', async ({ job, progress }) => {
  await progress(50, 'half');
  return { echoed: job.payload.value };
});

interface Stream {
  events: Array<{ topic: string; caseId: string | null; data: Record<string, unknown> }>;
  close(): void;
}

/** Opens GET /api/events over real HTTP and collects the events as they arrive. */
function openStream(baseUrl: string, topics: string, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: Stream['events'] = [];
    const request = http.get(`${baseUrl}/api/events?topics=${topics}`, { headers }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`status ${response.statusCode}`));
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
        }
      });
      resolve({ events, close: () => request.destroy() });
    });
    request.on('error', () => undefined);
  });
}

async function waitFor(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describeEachDialect('platform routes: live events and jobs', (dialect) => {
  let a: TestApp;
  let secondDatabase: TragDatabase | null = null;
  let b: FastifyInstance;
  let baseB: string;
  let member: TestUser;
  let outsider: TestUser;
  const caseId = newId();

  beforeAll(async () => {
    a = await createTestApp(dialect);
    // A second, independent API process on the same database: on PostgreSQL its own pool; on SQLite (one server
    // process by design) the same handle.
    secondDatabase = dialect === 'postgres' ? createDatabase({ databaseUrl: a.database.url, poolSize: 5 }) : null;
    b = await buildApp({
      core: { ...a.core, database: secondDatabase ?? a.database },
      config: loadConfig({}, { dataDir: a.core.dataDir, webDist: undefined, demo: false }),
    });
    baseB = await b.listen({ port: 0, host: '127.0.0.1' });
    member = await createTestUser(a, { role: 'investigator' });
    outsider = await createTestUser(a, { role: 'investigator', agencyId: member.agencyId });
    const at = '2026-11-30T09:00:00.000Z';
    await a.database.db
      .insertInto('cases')
      .values({
        id: caseId,
        agency_id: member.agencyId,
        reference: 'TST-2026-0001',
        title: 'Synthetic case',
        case_type: 'other',
        status: 'open',
        jurisdiction: null,
        opened_on: '2026-11-30',
        incident_from: null,
        incident_to: null,
        closed_at: null,
        close_reason: null,
        tags: '[]',
        description: '',
        contact_point: null,
        created_by: member.id,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await a.database.db
      .insertInto('case_members')
      .values({
        id: newId(),
        case_id: caseId,
        user_id: member.id,
        unit_id: null,
        case_role: 'lead',
        added_by: member.id,
        added_at: at,
      })
      .execute();
  });
  afterAll(async () => {
    await b.close();
    if (secondDatabase) await secondDatabase.destroy();
    await a.close();
  });

  it('asks for a login and valid topics', async () => {
    expect((await a.app.inject({ url: '/api/events?topics=jobs' })).statusCode).toBe(401);
    const headers = await authHeaders(a, member);
    expect((await a.app.inject({ url: '/api/events?topics=DROP TABLE', headers })).statusCode).toBe(400);
    expect((await a.app.inject({ url: '/api/events', headers })).statusCode).toBe(400);
  });

  it("streams another instance's case events to case members only", async () => {
    const memberStream = await openStream(baseB, 'case.updated,notice', await authHeaders(a, member));
    const outsiderStream = await openStream(baseB, 'case.updated,notice', await authHeaders(a, outsider));
    try {
      const busA = eventBusFor(a.database);
      await busA.publish('case.updated', { caseId }, { fields: ['title'] });
      await busA.publish('notice', { broadcast: true }, { text: 'maintenance at 18:00' });
      await waitFor(() => memberStream.events.length === 2 && outsiderStream.events.length === 1);
      expect(memberStream.events.map((e) => e.topic)).toEqual(['case.updated', 'notice']);
      expect(memberStream.events[0]).toMatchObject({ caseId, data: { fields: ['title'] } });
      expect(outsiderStream.events.map((e) => e.topic)).toEqual(['notice']);
    } finally {
      memberStream.close();
      outsiderStream.close();
    }
  });

  it('shares one job queue between instances without running a job twice', async () => {
    const jobs = new JobService(a.core);
    const enqueued = new Set<string>();
    for (let i = 0; i < 30; i++) enqueued.add((await jobs.enqueue(systemActor(), { kind: 'test.touch' })).id);
    const runs: string[] = [];
    const worker = (database: TragDatabase) =>
      new JobWorker({ ...a.core, database }).handle('test.touch', async ({ job }) => {
        runs.push(job.id);
        await new Promise((r) => setTimeout(r, 1));
      });
    const workers = [worker(a.database), worker(secondDatabase ?? a.database), worker(a.database)];
    await Promise.all(
      workers.map(async (w) => {
        while ((await w.runOnce()) !== null);
      }),
    );
    expect(runs).toHaveLength(30);
    expect(new Set(runs)).toEqual(enqueued);
  });

  it('shows a job to its creator only, and lets them cancel it', async () => {
    const headers = await authHeaders(a, member);
    const job = await new JobService(a.core).enqueue(
      { ...systemActor(member.agencyId), userId: member.id, via: 'session' },
      { kind: 'test.touch' },
    );
    const seen = await b.inject({ url: `/api/jobs/${job.id}`, headers });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: job.id, status: 'queued' });
    const other = await b.inject({ url: `/api/jobs/${job.id}`, headers: await authHeaders(a, outsider) });
    expect(other.statusCode).toBe(404);
    const list = await b.inject({ url: '/api/jobs', headers });
    expect(list.json().items.map((j: { id: string }) => j.id)).toContain(job.id);
    const cancelled = await b.inject({ method: 'POST', url: `/api/jobs/${job.id}/cancel`, headers });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
  });

  it('runs registered job kinds on the servers themselves, waking on the enqueue event', async () => {
    const headers = await authHeaders(a, member);
    const job = await new JobService(a.core).enqueue(
      { ...systemActor(member.agencyId), userId: member.id, via: 'session' },
      { kind: 'test.server-run', payload: { value: 42 } },
    );
    let seen: { status: string; result: unknown } = { status: 'queued', result: null };
    for (let i = 0; i < 200 && seen.status !== 'succeeded'; i++) {
      seen = (await b.inject({ url: `/api/jobs/${job.id}`, headers })).json();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toMatchObject({ status: 'succeeded', progress: 100, result: { echoed: 42 } });
  });
});
