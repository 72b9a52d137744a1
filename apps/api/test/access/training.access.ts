// Training (packages/core/src/training/training.policy.ts): no case data anywhere. Anyone signed in reads the
// rules and published scenarios, joins sessions and plays; trainers and administrators author scenarios and run
// sessions; a session is the business of the trainer who runs it (administrators of its agency too); an attempt is
// its player's only. Fixtures are built per probe through the core service as the probing user.
import { ExerciseService, LtiService, TrainingService } from '@trag/core/training';
import type { Actor } from '@trag/core/shared';
import type { AccessFixture, AccessTable } from './access-table';

const AUTHORS = ['trainer', 'administrator'] as const;

function actorOf(fx: AccessFixture): Actor {
  const u = fx.actor;
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    agencyId: u.agencyId,
    unitId: u.unitId,
    role: u.role,
    ip: null,
    via: 'session',
  };
}

async function flagship(fx: AccessFixture): Promise<string> {
  const list = await new TrainingService(fx.t.core).listScenarios(actorOf(fx));
  return list.find((s) => s.slug === 'labour-exploitation-interview')!.id;
}

/** A session run by the probing user when they may run one; otherwise one run by a trainer they are not. */
async function sessionOf(fx: AccessFixture): Promise<string> {
  const service = new TrainingService(fx.t.core);
  const runner: Actor = (AUTHORS as readonly string[]).includes(fx.role)
    ? actorOf(fx)
    : { ...actorOf(fx), userId: `trainer-${fx.unique}`, role: 'trainer' };
  const session = await service.createSession(runner, {
    title: `Matrix ${fx.unique}`,
    groupName: 'Matrix group',
    language: 'en',
    scenarioIds: [await flagship(fx)],
  });
  return session.id;
}

async function attemptOf(fx: AccessFixture): Promise<{ id: string; choiceId: string }> {
  const state = await new TrainingService(fx.t.core).startAttempt(actorOf(fx), {
    scenarioId: await flagship(fx),
    language: 'en',
  });
  return { id: state.attempt.id, choiceId: state.step.choices[0]!.choiceId };
}

async function draftOf(fx: AccessFixture): Promise<string> {
  const service = new TrainingService(fx.t.core);
  const owner: Actor = (AUTHORS as readonly string[]).includes(fx.role)
    ? actorOf(fx)
    : { ...actorOf(fx), userId: `trainer-${fx.unique}`, role: 'trainer' };
  const copy = await service.copyScenario(owner, await flagship(fx), { slug: `matrix-${fx.unique}` });
  return copy.id;
}

/** A sandbox exercise in a session run by another trainer, which the probing user has joined as a trainee. */
async function joinedExercise(fx: AccessFixture, kind: 'wallet-trace' | 'chat-evidence'): Promise<string> {
  const service = new TrainingService(fx.t.core);
  const runner: Actor = { ...actorOf(fx), userId: `runner-${fx.unique}`, role: 'trainer' };
  const session = await service.createSession(runner, {
    title: `Matrix ${fx.unique}`,
    groupName: 'Matrix group',
    language: 'en',
    scenarioIds: [await flagship(fx)],
  });
  const exercises = new ExerciseService(fx.t.core);
  const exercise = await exercises.addExercise(runner, session.id, { kind, seed: 'matrix' });
  await service.join(actorOf(fx), session.code, `Trainee ${fx.unique}`);
  if (kind === 'chat-evidence') await exercises.runTool(actorOf(fx), exercise.id, { tool: 'collect-export' });
  return exercise.id;
}

function platformInput(fx: AccessFixture) {
  return {
    issuer: `https://lms-${fx.unique}.example.org`,
    clientId: 'trag',
    deploymentIds: ['1'],
    authorizationEndpoint: 'https://lms.example.org/auth',
    tokenEndpoint: 'https://lms.example.org/token',
    jwksUrl: 'https://lms.example.org/jwks',
  };
}

const table: AccessTable = {
  domain: 'training',
  entries: [
    { route: 'GET /api/training/rules', allow: { roles: 'all' } },
    { route: 'GET /api/training/scenarios', allow: { roles: 'all' } },
    {
      route: 'GET /api/training/scenarios/:scenarioId',
      allow: { roles: 'all' },
      request: async (fx) => ({ url: `/api/training/scenarios/${await flagship(fx)}` }),
    },
    {
      route: 'POST /api/training/check',
      allow: { roles: AUTHORS },
      request: () => ({ payload: { sources: { en: '-> END\n' } } }),
    },
    {
      route: 'POST /api/training/scenarios/:scenarioId/copy',
      allow: { roles: AUTHORS },
      request: async (fx) => ({
        url: `/api/training/scenarios/${await flagship(fx)}/copy`,
        payload: { slug: `copy-${fx.unique}` },
      }),
    },
    {
      route: 'PATCH /api/training/scenarios/:scenarioId',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/scenarios/${await draftOf(fx)}`, payload: { country: 'BA' } }),
    },
    {
      route: 'POST /api/training/scenarios/:scenarioId/publish',
      allow: { roles: AUTHORS },
      anonymousOnly: 'runs the full checker over eight languages (seconds per probe); training.routes.test.ts',
    },
    {
      route: 'GET /api/training/scenarios/:scenarioId/scorm.zip',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/scenarios/${await flagship(fx)}/scorm.zip?language=mk` }),
    },
    { route: 'GET /api/training/sessions', allow: { roles: AUTHORS } },
    {
      route: 'POST /api/training/sessions',
      allow: { roles: AUTHORS },
      request: async (fx) => ({
        payload: { title: 'Matrix', groupName: 'Matrix group', language: 'en', scenarioIds: [await flagship(fx)] },
      }),
    },
    {
      route: 'PATCH /api/training/sessions/:sessionId',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/sessions/${await sessionOf(fx)}`, payload: { status: 'paused' } }),
    },
    {
      route: 'GET /api/training/sessions/:sessionId/progress',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/sessions/${await sessionOf(fx)}/progress` }),
    },
    {
      route: 'GET /api/training/sessions/:sessionId/debrief',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/sessions/${await sessionOf(fx)}/debrief` }),
    },
    {
      route: 'GET /api/training/sessions/:sessionId/results.csv',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/sessions/${await sessionOf(fx)}/results.csv` }),
    },
    {
      route: 'GET /api/training/sessions/:sessionId/summary.pdf',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/sessions/${await sessionOf(fx)}/summary.pdf` }),
    },
    {
      route: 'GET /api/training/sessions/:sessionId/participants/:participantId/certificate.pdf',
      allow: { roles: AUTHORS },
      // The participant did not finish: an allowed trainer gets 409 (the route is reached), others 403.
      request: async (fx) => {
        const sessionId = await sessionOf(fx);
        const row = await fx.t.core.database.db
          .selectFrom('training_sessions')
          .select('code')
          .where('id', '=', sessionId)
          .executeTakeFirstOrThrow();
        const { participant } = await new TrainingService(fx.t.core).join(
          { ...actorOf(fx), userId: `p-${fx.unique}` },
          row.code,
          'Participant',
        );
        return { url: `/api/training/sessions/${sessionId}/participants/${participant.id}/certificate.pdf` };
      },
    },
    {
      route: 'POST /api/training/join',
      allow: { roles: 'all' },
      request: async (fx) => {
        const id = await sessionOf(fx);
        const row = await fx.t.core.database.db
          .selectFrom('training_sessions')
          .select('code')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return { payload: { code: row.code, displayName: `Trainee ${fx.unique}` } };
      },
    },
    {
      route: 'POST /api/training/attempts',
      allow: { roles: 'all' },
      request: async (fx) => ({ payload: { scenarioId: await flagship(fx), language: 'sq' } }),
    },
    {
      route: 'GET /api/training/attempts/:attemptId',
      allow: { roles: 'all' },
      request: async (fx) => ({ url: `/api/training/attempts/${(await attemptOf(fx)).id}` }),
    },
    {
      route: 'POST /api/training/attempts/:attemptId/choices',
      allow: { roles: 'all' },
      request: async (fx) => {
        const a = await attemptOf(fx);
        return { url: `/api/training/attempts/${a.id}/choices`, payload: { choiceId: a.choiceId } };
      },
    },
    {
      route: 'GET /api/training/attempts/:attemptId/statements',
      allow: { roles: 'all' },
      request: async (fx) => ({ url: `/api/training/attempts/${(await attemptOf(fx)).id}/statements` }),
    },
    {
      route: 'POST /api/training/sessions/:sessionId/exercises',
      allow: { roles: AUTHORS },
      request: async (fx) => ({
        url: `/api/training/sessions/${await sessionOf(fx)}/exercises`,
        payload: { kind: 'wallet-trace' },
      }),
    },
    {
      // Non-authors probe a session of another trainer that they did not join.
      route: 'GET /api/training/sessions/:sessionId/exercises',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/sessions/${await sessionOf(fx)}/exercises` }),
    },
    {
      route: 'GET /api/training/sessions/:sessionId/exercise-results',
      allow: { roles: AUTHORS },
      request: async (fx) => ({ url: `/api/training/sessions/${await sessionOf(fx)}/exercise-results` }),
    },
    {
      route: 'GET /api/training/exercises/:exerciseId',
      allow: { roles: 'all' },
      request: async (fx) => ({ url: `/api/training/exercises/${await joinedExercise(fx, 'wallet-trace')}` }),
    },
    {
      route: 'POST /api/training/exercises/:exerciseId/tools',
      allow: { roles: 'all' },
      request: async (fx) => ({
        url: `/api/training/exercises/${await joinedExercise(fx, 'wallet-trace')}/tools`,
        payload: { tool: 'trace', method: 'fifo' },
      }),
    },
    {
      route: 'GET /api/training/exercises/:exerciseId/bundle.zip',
      allow: { roles: 'all' },
      request: async (fx) => ({
        url: `/api/training/exercises/${await joinedExercise(fx, 'chat-evidence')}/bundle.zip`,
      }),
    },
    {
      route: 'POST /api/training/exercises/:exerciseId/answer',
      allow: { roles: 'all' },
      request: async (fx) => ({
        url: `/api/training/exercises/${await joinedExercise(fx, 'wallet-trace')}/answer`,
        payload: { kind: 'wallet-trace', exchange: 'Nordvik Exchange' },
      }),
    },
    // LTI: the LMS-facing routes are public (the platform signs the launch; the player URL carries a launch token).
    { route: 'GET /api/training/lti/jwks', allow: { public: true } },
    { route: 'GET /api/training/lti/login', allow: { public: true } },
    { route: 'POST /api/training/lti/login', allow: { public: true } },
    { route: 'POST /api/training/lti/launch', allow: { public: true } },
    {
      route: 'GET /api/training/lti/play/:token',
      allow: { public: true },
      request: () => ({ url: '/api/training/lti/play/unknown-launch-token-000000' }),
    },
    {
      route: 'POST /api/training/lti/play/:token',
      allow: { public: true },
      request: () => ({ url: '/api/training/lti/play/unknown-launch-token-000000', payload: { choiceId: 'a.0.c-1' } }),
    },
    { route: 'GET /api/training/lti/platforms', allow: { roles: ['administrator'] } },
    {
      route: 'POST /api/training/lti/platforms',
      allow: { roles: ['administrator'] },
      request: (fx) => ({ payload: platformInput(fx) }),
    },
    {
      route: 'DELETE /api/training/lti/platforms/:platformId',
      allow: { roles: ['administrator'] },
      fresh: true,
      request: async (fx) => {
        const row = await new LtiService(fx.t.core).registerPlatform(
          { ...actorOf(fx), userId: `admin-${fx.unique}`, role: 'administrator' },
          platformInput(fx),
        );
        return { url: `/api/training/lti/platforms/${row.id}` };
      },
    },
  ],
};

export default table;
