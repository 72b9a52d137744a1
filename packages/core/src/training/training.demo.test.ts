import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@trag/db/testing';
import { loadDemoWorkspaceIfEmpty } from '../demo';
import { closeEventBus } from '../platform';
import { systemActor } from '../shared/actor';
import { fixedClock } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import { ExerciseService } from './exercise.service';
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
  const sessions = await service.listSessions(actor);
  const session = sessions.find((s) => s.title.includes('Module 5'));
  expect(session).toMatchObject({ status: 'closed' });
  expect(session!.title).toContain('DEMO');
  const { entries } = await service.progress(actor, session!.id);
  expect(entries.map((e) => [e.displayName, e.status, e.grade])).toEqual([
    ['Arben (DEMO)', 'completed', 'excellent'],
    ['Jelena (DEMO)', 'completed', 'good'],
    ['Nikola (DEMO)', 'ended_critical', 'insufficient'],
  ]);
}, 60_000);

it('the demo workspace has an open session with the four sandbox exercises, one solved and one answered wrongly', async () => {
  const trainer = await database.db
    .selectFrom('users')
    .select(['id', 'agency_id'])
    .where('username', '=', 'demo.trainer')
    .executeTakeFirstOrThrow();
  const actor = { ...systemActor(trainer.agency_id), userId: trainer.id, role: 'trainer' as const };
  const session = (await new TrainingService(ctx).listSessions(actor)).find((s) => s.title.includes('Module 6'))!;
  expect(session.status).toBe('open');
  const exercises = new ExerciseService(ctx);
  const { exercises: list } = await exercises.listExercises(actor, session.id);
  expect(list.map((e) => e.kind)).toEqual(['ad-templates', 'wallet-trace', 'chat-evidence', 'screening-referral']);
  const results = await exercises.results(actor, session.id);
  expect(results.map((r) => [r.displayName, list.find((e) => e.id === r.exerciseId)!.kind, r.correct]).sort()).toEqual([
    ['Arben (DEMO)', 'ad-templates', true],
    ['Arben (DEMO)', 'wallet-trace', false],
  ]);
}, 60_000);
