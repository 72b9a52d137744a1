// xAPI (Experience API 1.0.3) statements for each choice and outcome of an attempt. The actor is pseudonymous: an
// account on Trag's home page with an opaque key per participant — never a name, user id, e-mail or case data.
// validateStatement checks the fields the specification requires of a statement an LRS will accept.
import { randomUUID } from 'node:crypto';
import type { Decision } from './scenario-play';
import type { AttemptScore } from './scoring';

export const XAPI_VERSION = '1.0.3';
export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  commented: 'http://adlnet.gov/expapi/verbs/commented',
} as const;
export type VerbName = keyof typeof VERBS;

export interface XapiStatement {
  id: string;
  version: string;
  timestamp: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: {
    objectType: 'Activity';
    id: string;
    definition?: { type?: string; name?: Record<string, string>; interactionType?: string };
  };
  result?: {
    score?: { raw?: number; min?: number; max?: number; scaled?: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    extensions?: Record<string, unknown>;
  };
  context?: {
    registration?: string;
    language?: string;
    contextActivities?: { parent?: Array<{ id: string; objectType: 'Activity' }> };
    extensions?: Record<string, unknown>;
  };
}

export interface StatementContext {
  /** Base IRI of this Trag installation, e.g. https://trag.example.org */
  homePage: string;
  /** Opaque pseudonymous key of the participant. */
  actorKey: string;
  /** The attempt's id (a UUID): the xAPI registration. */
  attemptId: string;
  scenarioSlug: string;
  scenarioVersion: number;
  language: string;
  timestamp: string;
}

function base(ctx: StatementContext): string {
  return ctx.homePage.replace(/\/+$/, '');
}

export function scenarioActivityId(ctx: StatementContext): string {
  return `${base(ctx)}/xapi/activities/scenario/${encodeURIComponent(ctx.scenarioSlug)}/v${ctx.scenarioVersion}`;
}

function statement(
  ctx: StatementContext,
  verb: VerbName,
  object: XapiStatement['object'],
  result?: XapiStatement['result'],
): XapiStatement {
  const scenario = scenarioActivityId(ctx);
  return {
    id: randomUUID(),
    version: XAPI_VERSION,
    timestamp: ctx.timestamp,
    actor: { objectType: 'Agent', account: { homePage: base(ctx), name: ctx.actorKey } },
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object,
    ...(result ? { result } : {}),
    context: {
      registration: ctx.attemptId,
      language: ctx.language,
      ...(object.id === scenario
        ? {}
        : { contextActivities: { parent: [{ id: scenario, objectType: 'Activity' as const }] } }),
    },
  };
}

export function initializedStatement(ctx: StatementContext): XapiStatement {
  return statement(ctx, 'initialized', { objectType: 'Activity', id: scenarioActivityId(ctx) });
}

/** One statement per choice: the decision point is the activity; the rule and score go into the result. */
export function choiceStatement(ctx: StatementContext, decision: Decision): XapiStatement {
  const ext = `${base(ctx)}/xapi/extensions`;
  return statement(
    ctx,
    'answered',
    {
      objectType: 'Activity',
      id: `${scenarioActivityId(ctx)}/knot/${encodeURIComponent(decision.knot)}`,
      definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' },
    },
    {
      response: decision.choiceId,
      score: { raw: decision.tags.score },
      success: decision.tags.score >= 0,
      extensions: {
        [`${ext}/rule`]: decision.tags.rule,
        [`${ext}/critical`]: decision.critical,
        [`${ext}/indicators`]: decision.tags.indicators,
        [`${ext}/step`]: decision.step,
      },
    },
  );
}

/** The outcome: completed, then passed or failed with the scaled overall score and the per-dimension scores. */
export function outcomeStatements(ctx: StatementContext, score: AttemptScore): XapiStatement[] {
  const ext = `${base(ctx)}/xapi/extensions`;
  const object = { objectType: 'Activity' as const, id: scenarioActivityId(ctx) };
  const result = {
    score: { raw: score.overall, min: 0, max: 100, scaled: score.overall / 100 },
    completion: true,
    success: score.passed,
    extensions: {
      [`${ext}/grade`]: score.grade,
      [`${ext}/dimensions`]: Object.fromEntries(score.dimensions.map((d) => [d.dimension, d.percent])),
      [`${ext}/critical-violations`]: score.criticalViolations.length,
    },
  };
  return [
    statement(ctx, 'completed', object, result),
    statement(ctx, score.passed ? 'passed' : 'failed', object, result),
  ];
}

/** The trainee's self-evaluation (rule R20), as `commented`; the text is theirs and stays on the Trag side. */
export function commentStatement(ctx: StatementContext): XapiStatement {
  return statement(ctx, 'commented', { objectType: 'Activity', id: scenarioActivityId(ctx) });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
// RFC 3987 IRIs: a scheme, a colon, no spaces. The LRS applies the full grammar; this catches the common mistakes.
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const ISO8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Checks a statement against the specification's required fields; returns the problems (empty when valid). */
export interface ExerciseStatementContext {
  homePage: string;
  /** The participant's opaque key (the same as in their scenario statements). */
  actorKey: string;
  /** The trainee's work on the exercise (a UUID): the xAPI registration. */
  workId: string;
  kind: string;
  language: string;
  timestamp: string;
}

/**
 * A checked answer to a hands-on exercise: the exercise kind is the activity, the verdict of each part goes into the
 * result. Neither the answer nor the feedback is sent (only which parts were right).
 */
export function exerciseStatement(
  ctx: ExerciseStatementContext,
  verdict: { correct: boolean; parts: { part: string; correct: boolean }[] },
): XapiStatement {
  const home = ctx.homePage.replace(/\/+$/, '');
  return {
    id: randomUUID(),
    version: XAPI_VERSION,
    timestamp: ctx.timestamp,
    actor: { objectType: 'Agent', account: { homePage: home, name: ctx.actorKey } },
    verb: { id: VERBS.answered, display: { 'en-US': 'answered' } },
    object: {
      objectType: 'Activity',
      id: `${home}/xapi/activities/exercise/${encodeURIComponent(ctx.kind)}`,
      definition: { type: 'http://adlnet.gov/expapi/activities/assessment' },
    },
    result: {
      success: verdict.correct,
      completion: verdict.correct,
      extensions: {
        [`${home}/xapi/extensions/parts`]: verdict.parts.map((p) => ({ part: p.part, correct: p.correct })),
      },
    },
    context: { registration: ctx.workId, language: ctx.language },
  };
}

export function validateStatement(value: unknown): string[] {
  const errors: string[] = [];
  if (typeof value !== 'object' || value === null) return ['statement is not an object'];
  const s = value as Record<string, unknown>;
  if (typeof s.id !== 'string' || !UUID.test(s.id)) errors.push('id must be a UUID');
  if (typeof s.timestamp !== 'string' || !ISO8601.test(s.timestamp) || Number.isNaN(Date.parse(s.timestamp))) {
    errors.push('timestamp must be an ISO 8601 date-time');
  }
  const actor = s.actor as Record<string, unknown> | undefined;
  if (!actor || typeof actor !== 'object') errors.push('actor is required');
  else {
    const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => actor[k] !== undefined);
    if (ifis.length !== 1) errors.push('actor must have exactly one inverse functional identifier');
    const account = actor.account as Record<string, unknown> | undefined;
    if (account !== undefined) {
      if (typeof account.homePage !== 'string' || !IRI.test(account.homePage))
        errors.push('actor.account.homePage must be an IRL');
      if (typeof account.name !== 'string' || account.name === '') errors.push('actor.account.name is required');
    }
    if (actor.mbox !== undefined || actor.name !== undefined)
      errors.push('actor must be pseudonymous (no mbox, no name)');
  }
  const verb = s.verb as Record<string, unknown> | undefined;
  if (!verb || typeof verb.id !== 'string' || !IRI.test(verb.id)) errors.push('verb.id must be an IRI');
  const object = s.object as Record<string, unknown> | undefined;
  if (!object || typeof object.id !== 'string' || !IRI.test(object.id)) errors.push('object.id must be an IRI');
  if (object && object.objectType !== undefined && object.objectType !== 'Activity')
    errors.push('object must be an Activity');
  const result = s.result as { score?: { scaled?: number } } | undefined;
  const scaled = result?.score?.scaled;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) errors.push('result.score.scaled must lie within -1…1');
  const registration = (s.context as { registration?: unknown } | undefined)?.registration;
  if (registration !== undefined && (typeof registration !== 'string' || !UUID.test(registration))) {
    errors.push('context.registration must be a UUID');
  }
  return errors;
}

export interface LrsConfig {
  /** The LRS endpoint (statements are POSTed to `${endpoint}/statements`). */
  endpoint: string;
  username: string;
  password: string;
}

/** TRAG_XAPI_ENDPOINT, TRAG_XAPI_USERNAME, TRAG_XAPI_PASSWORD; null when not configured. */
export function lrsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): LrsConfig | null {
  const endpoint = env.TRAG_XAPI_ENDPOINT;
  if (!endpoint) return null;
  return { endpoint, username: env.TRAG_XAPI_USERNAME ?? '', password: env.TRAG_XAPI_PASSWORD ?? '' };
}

/** POSTs statements to an external LRS; resolves to the ids the LRS stored or throws on a refusal. */
export async function forwardStatements(config: LrsConfig, statements: readonly XapiStatement[]): Promise<string[]> {
  const response = await fetch(`${config.endpoint.replace(/\/+$/, '')}/statements`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-experience-api-version': XAPI_VERSION,
      authorization: `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`,
    },
    body: JSON.stringify(statements),
  });
  if (!response.ok) throw new Error(`The learning record store refused the statements (HTTP ${response.status}).`);
  return (await response.json()) as string[];
}
