// SYNTHETIC demo part: the shipped scenario set (published), an adapted Montenegrin copy published by the demo
// trainer, and a finished demo session "DEMO Module 5 — victim-centred interview" with three synthetic trainees who
// played the flagship (one ends at a critical violation: the "cousin" stays in the room). Training data never
// touches the demo cases. A second, open session "DEMO Module 6" holds the four hands-on exercises on sandbox data;
// one trainee has solved the ads exercise and answered the wallet exercise wrongly (the decoy exchange), so the
// trainer's results table and the feedback are visible at once; the other two wait for whoever joins.
import { demoActor, type IdentityDemo } from '../identity';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { generateWalletTrace } from './exercise-material';
import { ExerciseService } from './exercise.service';
import { TrainingService } from './training.service';

export interface TrainingDemo {
  sessionId: string;
  code: string;
  exerciseSessionId: string;
  exerciseCode: string;
}

/** Plays an attempt choosing, at each decision point, the choice whose id is in `pick` or else the first. */
async function play(service: TrainingService, actor: Actor, scenarioId: string, sessionId: string, pick: string[]) {
  let state = await service.startAttempt(actor, { scenarioId, sessionId });
  while (state.step.choices.length > 0) {
    const choice = state.step.choices.find((c) => pick.includes(c.choiceId)) ?? state.step.choices[0]!;
    state = await service.choose(actor, state.attempt.id, choice.choiceId);
  }
  return state;
}

export async function loadTrainingDemo(
  ctx: CoreContext,
  demo: { identity: IdentityDemo },
): Promise<TrainingDemo | null> {
  const trainerAccount = demo.identity.accounts.find((a) => a.role === 'trainer');
  const traineeAccount = demo.identity.accounts.find((a) => a.role === 'trainee');
  if (!trainerAccount || !traineeAccount) return null;
  const service = new TrainingService(ctx);
  const trainer = demoActor(trainerAccount, 'system');
  const scenarios = await service.listScenarios(trainer);
  const flagship = scenarios.find((s) => s.slug === 'labour-exploitation-interview');
  const child = scenarios.find((s) => s.slug === 'child-victim-guardian');
  if (!flagship || !child) return null;

  const session = await service.createSession(trainer, {
    title: 'DEMO Module 5 — the victim-centred interview (synthetic)',
    groupName: 'DEMO regional ToT group: police, prosecution and social welfare (BA, ME, MK, RS)',
    language: 'en',
    scenarioIds: [flagship.id, child.id],
  });
  const trainees: Array<{ actor: Actor; name: string; pick: string[] }> = [
    { actor: demoActor(traineeAccount, 'system'), name: 'Arben (DEMO)', pick: [] },
    {
      actor: {
        ...demoActor(traineeAccount, 'system'),
        userId: `demo-trainee-2-${session.id}`,
        username: 'demo.trainee2',
      },
      name: 'Jelena (DEMO)',
      pick: ['opening.0.c-1', 'promises.0.c-1', 'distress.0.c-1'],
    },
    {
      actor: {
        ...demoActor(traineeAccount, 'system'),
        userId: `demo-trainee-3-${session.id}`,
        username: 'demo.trainee3',
      },
      name: 'Nikola (DEMO)',
      pick: ['companion.0.c-1'],
    },
  ];
  for (const t of trainees) {
    await service.join(t.actor, session.code, t.name);
    await play(service, t.actor, flagship.id, session.id, t.pick);
  }
  await service.setSessionState(trainer, session.id, { status: 'closed' });

  const handsOn = await service.createSession(trainer, {
    title: 'DEMO Module 6 — hands-on exercises on sandbox data (synthetic)',
    groupName: 'DEMO regional ToT group: police, prosecution and social welfare (BA, ME, MK, RS)',
    language: 'en',
    scenarioIds: [flagship.id],
  });
  const exercises = new ExerciseService(ctx);
  const ids: Record<string, string> = {};
  for (const kind of ['ad-templates', 'wallet-trace', 'chat-evidence', 'screening-referral'] as const) {
    ids[kind] = (await exercises.addExercise(trainer, handsOn.id, { kind, seed: `demo-${kind}` })).id;
  }
  const arben = trainees[0]!.actor;
  await service.join(arben, handsOn.code, 'Arben (DEMO)');
  const key = (await exercises.getExercise(trainer, ids['ad-templates']!)).answerKey as {
    templateAdIds: string[];
    linkPhone: string;
  };
  await exercises.submitAnswer(arben, ids['ad-templates']!, {
    kind: 'ad-templates',
    adId: key.templateAdIds[0]!,
    phone: key.linkPhone,
  });
  await exercises.submitAnswer(arben, ids['wallet-trace']!, {
    kind: 'wallet-trace',
    exchange: generateWalletTrace('demo-wallet-trace').truth.otherExchanges[0]!,
  });
  return {
    sessionId: session.id,
    code: session.code,
    exerciseSessionId: handsOn.id,
    exerciseCode: handsOn.code,
  };
}
