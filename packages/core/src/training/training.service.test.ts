import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { closeEventBus, eventBusFor, type LiveEvent } from '../platform';
import { fixedClock } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import { buildTrainingActor } from './training.builders';
import { TRAINING_TOPIC, TrainingService } from './training.service';
import { validateStatement, type XapiStatement } from './xapi';

const FLAGSHIP = 'labour-exploitation-interview';

describeEachDialect('training service', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  let service: TrainingService;
  const trainer = buildTrainingActor('trainer');
  const trainee = buildTrainingActor('trainee');
  const other = buildTrainingActor('trainee');

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = { database, clock: fixedClock('2026-11-30T09:00:00Z'), dataDir: '/tmp/trag-training-test' };
    service = new TrainingService(ctx, { homePage: 'https://trag.example.org' });
  });
  afterAll(async () => {
    await closeEventBus(database);
    await database.destroy();
  });

  async function flagshipId(): Promise<string> {
    const list = await service.listScenarios(trainer);
    return list.find((s) => s.slug === FLAGSHIP)!.id;
  }

  it('loads the shipped scenarios as published, once', async () => {
    const first = await service.listScenarios(trainee);
    expect(first.map((s) => s.slug)).toEqual(
      expect.arrayContaining([FLAGSHIP, 'child-victim-guardian', 'smuggled-migrant-screening', 'border-first-contact']),
    );
    expect(first.every((s) => s.status === 'published' && s.shipped === 1)).toBe(true);
    await service.ensureShippedScenarios();
    expect(await service.listScenarios(trainee)).toHaveLength(first.length);
  });

  it('lets a trainer copy, adapt and publish a scenario only when the checker passes', async () => {
    const copy = await service.copyScenario(trainer, await flagshipId(), { slug: 'labour-me-2026', country: 'ME' });
    expect(copy).toMatchObject({ status: 'draft', version: 1, country: 'ME', owner_id: trainer.userId });
    await expect(service.copyScenario(trainee, copy.id, { slug: 'x-y-z' })).rejects.toMatchObject({
      code: 'training_trainer_only',
    });
    // Other trainers do not see a draft.
    await expect(service.getScenario(buildTrainingActor('trainer'), copy.id)).rejects.toMatchObject({
      code: 'training_scenario_not_found',
    });

    const sources = JSON.parse(copy.sources) as Record<string, string>;
    const broken = sources.cnr!.replace('#rule:R02 #score:+2', '#rule:R02 #score:+1');
    await service.updateScenario(trainer, copy.id, { sources: { cnr: broken } });
    const failed = await service.publishScenario(trainer, copy.id).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 'training_scenario_check_failed' });
    expect(JSON.stringify((failed as { details: unknown }).details)).toContain('choice_tags_differ');

    const adapted = sources.cnr!.replace(/Rameš/g, 'Ramesh');
    await service.updateScenario(trainer, copy.id, { sources: { cnr: adapted } });
    const { scenario, check } = await service.publishScenario(trainer, copy.id);
    expect(check.ok).toBe(true);
    expect(scenario.status).toBe('published');
    // Now other trainers see it.
    await expect(service.getScenario(buildTrainingActor('trainer'), copy.id)).resolves.toMatchObject({
      slug: 'labour-me-2026',
    });
  }, 60_000);

  it('runs a session: join with a code, play, live progress, pause/release, debrief, CSV and xAPI', async () => {
    const scenarioId = await flagshipId();
    const session = await service.createSession(trainer, {
      title: 'Module 5: the victim-centred interview',
      groupName: 'Podgorica, police and social workers',
      language: 'en',
      scenarioIds: [scenarioId],
    });
    expect(session.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
    await expect(
      service.createSession(trainee, { title: 't', groupName: 'g', language: 'en', scenarioIds: [scenarioId] }),
    ).rejects.toMatchObject({
      code: 'training_trainer_only',
    });

    const events: LiveEvent[] = [];
    const unsubscribe = await eventBusFor(database).subscribe([TRAINING_TOPIC], (e) => events.push(e));

    const joined = await service.join(trainee, session.code.toLowerCase(), 'Trainee A');
    await service.join(other, session.code, 'Trainee B');
    await expect(service.join(trainee, 'ZZZZZZ', 'x')).rejects.toMatchObject({ code: 'training_code_unknown' });

    // Trainee A plays the best path until the companion, then lets the companion stay (critical).
    let state = await service.startAttempt(trainee, { scenarioId, sessionId: session.id });
    expect(state.attempt.participant_id).toBe(joined.participant.id);
    expect(state.step.text).toContain('Ramesh');
    for (let i = 0; i < 3; i++)
      state = await service.choose(trainee, state.attempt.id, state.step.choices[0]!.choiceId);
    state = await service.choose(trainee, state.attempt.id, 'companion.0.c-1');
    expect(state.attempt.status).toBe('ended_critical');
    expect(state.score?.grade).toBe('insufficient');
    await expect(service.choose(trainee, state.attempt.id, 'interpreter.0.c-0')).rejects.toMatchObject({
      code: 'training_attempt_finished',
    });

    // Trainee B: the trainer holds the group at step 2, then pauses, then releases everything.
    await service.setSessionState(trainer, session.id, { releasedStep: 2 });
    let b = await service.startAttempt(other, { scenarioId, sessionId: session.id });
    b = await service.choose(other, b.attempt.id, b.step.choices[0]!.choiceId);
    b = await service.choose(other, b.attempt.id, b.step.choices[0]!.choiceId);
    expect(b.waiting).toBe('step_not_released');
    await expect(service.choose(other, b.attempt.id, b.step.choices[0]!.choiceId)).rejects.toMatchObject({
      code: 'training_step_not_released',
    });
    await service.setSessionState(trainer, session.id, { status: 'paused', releasedStep: null });
    await expect(service.choose(other, b.attempt.id, b.step.choices[0]!.choiceId)).rejects.toMatchObject({
      code: 'training_session_paused',
    });
    await service.setSessionState(trainer, session.id, { status: 'open' });
    // Reload from the server state, then play to the end.
    b = await service.getAttempt(other, b.attempt.id);
    expect(b.step.text.length).toBeGreaterThan(0);
    while (b.step.choices.length > 0) b = await service.choose(other, b.attempt.id, b.step.choices[0]!.choiceId);
    expect(b.attempt.status).toBe('completed');
    expect(b.score).toMatchObject({ grade: 'excellent', passed: true });
    await expect(service.getAttempt(trainee, b.attempt.id)).rejects.toMatchObject({
      code: 'training_attempt_not_found',
    });

    await new Promise((r) => setTimeout(r, 10));
    expect(events.length).toBeGreaterThan(10);
    expect(events.every((e) => e.userId === trainer.userId && e.data.sessionId === session.id)).toBe(true);
    unsubscribe();

    const { entries } = await service.progress(trainer, session.id);
    expect(entries.map((e) => [e.displayName, e.status, e.criticalViolations])).toEqual([
      ['Trainee A', 'ended_critical', 1],
      ['Trainee B', 'completed', 0],
    ]);
    await expect(service.progress(trainee, session.id)).rejects.toMatchObject({ code: 'training_session_not_yours' });

    const [debrief] = await service.debrief(trainer, session.id);
    const companion = debrief!.points.find((p) => p.knot === 'companion')!;
    expect(companion.choices.map((c) => [c.choiceId, c.rule, c.score, c.count])).toEqual([
      ['companion.0.c-0', 'R02', 2, 1],
      ['companion.0.c-1', 'R02', -3, 1],
    ]);
    expect(debrief!.points.find((p) => p.knot === 'interpreter')!.total).toBe(1);
    expect(debrief).toMatchObject({ attempts: 2, criticalAttempts: 1 });

    const csv = await service.exportCsv(trainer, session.id);
    expect(csv.split('\r\n')[0]).toBe('participant,scenario,status,steps,total_score,critical_violations,grade');
    expect(csv).toContain('"Trainee A"');
    expect(csv).not.toContain(trainee.userId);

    const statements = await service.statements(other, b.attempt.id);
    expect(statements.map((s) => s.verb.id.split('/').pop())).toEqual([
      'initialized',
      ...Array(19).fill('answered'),
      'completed',
      'passed',
    ]);
    for (const s of statements) expect(validateStatement(s)).toEqual([]);
    const text = JSON.stringify(statements);
    expect(text).not.toContain(other.userId);
    expect(text).not.toContain('Trainee B');
    expect(statements[0]!.actor.account.name).toBe(
      (await service.join(other, session.code, 'Trainee B')).participant.actor_key,
    );
  }, 60_000);
});

describe('forwarding xAPI statements to an external LRS', () => {
  let server: Server;
  let received: Array<{ auth: string | undefined; version: string | undefined; body: XapiStatement[] }> = [];
  let refuse = false;
  let database: TestDatabase;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/xapi/statements' || refuse) {
          res.writeHead(refuse ? 503 : 404).end();
          return;
        }
        const statements = JSON.parse(body) as XapiStatement[];
        const invalid = statements.flatMap(validateStatement);
        received.push({
          auth: req.headers.authorization,
          version: req.headers['x-experience-api-version'] as string,
          body: statements,
        });
        res
          .writeHead(invalid.length ? 400 : 200, { 'content-type': 'application/json' })
          .end(JSON.stringify(statements.map((s) => s.id)));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => {
    await closeEventBus(database);
    await database.destroy();
    await new Promise((r) => server.close(r));
  });

  it('posts stored statements with basic auth and the xAPI version header, and keeps them when the LRS is down', async () => {
    const port = (server.address() as AddressInfo).port;
    const service = new TrainingService(
      { database, clock: fixedClock('2026-11-30T09:00:00Z'), dataDir: '/tmp' },
      {
        lrs: { endpoint: `http://127.0.0.1:${port}/xapi`, username: 'trag', password: 's3cret' },
        homePage: 'https://trag.example.org',
      },
    );
    const player = buildTrainingActor('trainee');
    const scenarioId = (await service.listScenarios(player)).find((s) => s.slug === FLAGSHIP)!.id;
    refuse = true;
    const state = await service.startAttempt(player, { scenarioId, language: 'mk' });
    await service.choose(player, state.attempt.id, state.step.choices[0]!.choiceId);
    await expect(service.forwardPending()).rejects.toThrow(/refused/);
    refuse = false;
    received = [];
    expect(await service.forwardPending()).toBe(2);
    expect(received).toHaveLength(1);
    expect(received[0]!.auth).toBe(`Basic ${Buffer.from('trag:s3cret').toString('base64')}`);
    expect(received[0]!.version).toBe('1.0.3');
    expect(received[0]!.body.map((s) => s.verb.id)).toEqual([
      'http://adlnet.gov/expapi/verbs/initialized',
      'http://adlnet.gov/expapi/verbs/answered',
    ]);
    expect(await service.forwardPending()).toBe(0);
  });
});
