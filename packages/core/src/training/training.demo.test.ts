import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@trag/db/testing';
import { loadDemoWorkspaceIfEmpty } from '../demo';
import { closeEventBus } from '../platform';
import { systemActor } from '../shared/actor';
import { fixedClock } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import { TrainingService } from './training.service';

let database: TestDatabase;
let ctx: CoreContext;
beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  ctx = { database, clock: fixedClock('2026-11-30T09:00:00Z'), dataDir: '/tmp/trag-training-demo' };
});
afterAll(async () => {
  await closeEventBus(database);
  await database.destroy();
});

it('the demo workspace has a finished training session with three synthetic trainees: excellent, good, and ended at a critical violation', async () => {
  process.env.TRAG_MASTER_KEY ??= Buffer.alloc(32, 7).toString('base64');
  const result = await loadDemoWorkspaceIfEmpty(ctx);
  expect(result.parts).toContain('training');
  const trainer = await database.db
    .selectFrom('users')
    .select(['id', 'agency_id'])
    .where('username', '=', 'demo.trainer')
    .executeTakeFirstOrThrow();
  const service = new TrainingService(ctx);
  const actor = { ...systemActor(trainer.agency_id), userId: trainer.id, role: 'trainer' as const };
  const [session] = await service.listSessions(actor);
  expect(session).toMatchObject({ status: 'closed' });
  expect(session!.title).toContain('DEMO');
  const { entries } = await service.progress(actor, session!.id);
  expect(entries.map((e) => [e.displayName, e.status, e.grade])).toEqual([
    ['Arben (DEMO)', 'completed', 'excellent'],
    ['Jelena (DEMO)', 'completed', 'good'],
    ['Nikola (DEMO)', 'ended_critical', 'insufficient'],
  ]);
}, 60_000);
