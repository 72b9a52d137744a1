// End to end over HTTP: a trainer adds the four sandbox exercises to a session, a trainee solves each with the
// sandbox tools and gets checked feedback — and no row appears in any table outside training.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateStatement } from '@trag/core/training';
import { describeEachDialect } from '@trag/db/testing';
import {
  authHeaders,
  createTestAgency,
  createTestApp,
  createTestUser,
  type TestApp,
  type TestUser,
} from '../../testing';

/** Tables whose rows a training request may legitimately write: its own, and sign-in/audit bookkeeping. */
const ALLOWED = /^(training_|audit_log$|sessions$|api_tokens$|login_attempts$|jobs$|settings$)/;

interface Verdict {
  correct: boolean;
  parts: { part: string; correct: boolean; feedback: string }[];
}

describeEachDialect('training exercise routes', (dialect) => {
  let t: TestApp;
  let trainer: TestUser;
  let trainee: TestUser;
  let outsider: TestUser;
  let investigator: TestUser;

  const call = async (user: TestUser, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: await authHeaders(t, user),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  async function rowCounts(): Promise<Record<string, number>> {
    const tables = await t.core.database.db.introspection.getTables();
    const out: Record<string, number> = {};
    for (const table of tables) {
      if (ALLOWED.test(table.name) || table.name.startsWith('kysely_')) continue;
      const row = await t.core.database.db
        .selectFrom(table.name as 'cases')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      out[table.name] = Number(row.n);
    }
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const centre = await createTestAgency(t, { country: 'BA' });
    trainer = await createTestUser(t, { role: 'trainer', agencyId: centre.id });
    trainee = await createTestUser(t, { role: 'trainee', agencyId: centre.id });
    outsider = await createTestUser(t, { role: 'trainee', agencyId: centre.id });
    investigator = await createTestUser(t, { role: 'investigator', agencyId: centre.id });
  });
  afterAll(async () => t?.close());

  it('runs all four exercises in a session, checks answers, and never writes outside the training tables', async () => {
    const scenarios = (await call(trainer, 'GET', '/api/training/scenarios')).json<{
      scenarios: { id: string; slug: string }[];
    }>().scenarios;
    const session = (
      await call(trainer, 'POST', '/api/training/sessions', {
        title: 'Sandbox day',
        groupName: 'Sarajevo group',
        language: 'bs',
        scenarioIds: [scenarios.find((s) => s.slug === 'labour-exploitation-interview')!.id],
      })
    ).json<{ id: string; code: string }>();
    const before = await rowCounts();

    const ids: Record<string, string> = {};
    for (const kind of ['ad-templates', 'wallet-trace', 'chat-evidence', 'screening-referral']) {
      const res = await call(trainer, 'POST', `/api/training/sessions/${session.id}/exercises`, { kind, seed: 'e2e' });
      expect(res.statusCode).toBe(200);
      ids[kind] = res.json<{ id: string }>().id;
    }
    expect(
      (await call(trainee, 'POST', `/api/training/sessions/${session.id}/exercises`, { kind: 'wallet-trace' }))
        .statusCode,
    ).toBe(403);

    // Not a participant yet: no access to the material.
    expect((await call(trainee, 'GET', `/api/training/exercises/${ids['ad-templates']}`)).statusCode).toBe(403);
    expect(
      (await call(trainee, 'POST', '/api/training/join', { code: session.code, displayName: 'Amra' })).statusCode,
    ).toBe(200);
    const list = (await call(trainee, 'GET', `/api/training/sessions/${session.id}/exercises`)).json<{
      exercises: { id: string; kind: string }[];
    }>();
    expect(list.exercises.map((e) => e.kind)).toEqual([
      'ad-templates',
      'wallet-trace',
      'chat-evidence',
      'screening-referral',
    ]);
    expect((await call(outsider, 'GET', `/api/training/sessions/${session.id}/exercises`)).statusCode).toBe(403);
    expect((await call(outsider, 'GET', `/api/training/exercises/${ids['wallet-trace']}`)).statusCode).toBe(403);

    // 1. The template behind 200 ads and the phone that links it to another template.
    const ads = (await call(trainee, 'GET', `/api/training/exercises/${ids['ad-templates']}`)).json<{
      material: { synthetic: boolean; ads: { id: string }[] };
      answerKey: unknown;
    }>();
    expect(ads.material.synthetic).toBe(true);
    expect(ads.material.ads).toHaveLength(200);
    expect(ads.answerKey).toBeNull();
    const clusters = (
      await call(trainee, 'POST', `/api/training/exercises/${ids['ad-templates']}/tools`, { tool: 'find-templates' })
    ).json<{ clusters: { ids: string[]; phones: { phone: string }[] }[] }>().clusters;
    const second = new Set(clusters[1]!.phones.map((p) => p.phone));
    const link = clusters[0]!.phones.find((p) => second.has(p.phone))!.phone;
    let verdict = (
      await call(trainee, 'POST', `/api/training/exercises/${ids['ad-templates']}/answer`, {
        kind: 'ad-templates',
        adId: clusters[1]!.ids[0],
        phone: link,
      })
    ).json<Verdict>();
    expect(verdict.correct).toBe(false);
    expect(verdict.parts.map((p) => p.correct)).toEqual([false, true]);
    verdict = (
      await call(trainee, 'POST', `/api/training/exercises/${ids['ad-templates']}/answer`, {
        kind: 'ad-templates',
        adId: clusters[0]!.ids[0],
        phone: link,
      })
    ).json<Verdict>();
    expect(verdict.correct).toBe(true);

    // 2. Trace the wallet to the exchange.
    const traced = (
      await call(trainee, 'POST', `/api/training/exercises/${ids['wallet-trace']}/tools`, {
        tool: 'trace',
        method: 'haircut',
      })
    ).json<{ endpoints: { node: string; stopReason: string | null }[] }>();
    const top = traced.endpoints[0]!;
    verdict = (
      await call(trainee, 'POST', `/api/training/exercises/${ids['wallet-trace']}/answer`, {
        kind: 'wallet-trace',
        exchange: top.stopReason!.replace(/^exchange: /, ''),
        depositAddress: top.node,
      })
    ).json<Verdict>();
    expect(verdict).toMatchObject({ correct: true });
    const wrongTool = await call(trainee, 'POST', `/api/training/exercises/${ids['wallet-trace']}/tools`, {
      tool: 'verify',
    });
    expect(wrongTool.json()).toMatchObject({ error: { code: 'training_tool_not_for_exercise' } });

    // 3. Collect and export the chat, verify the bundle, report its hash.
    const chatId = ids['chat-evidence']!;
    expect(
      (await call(trainee, 'POST', `/api/training/exercises/${chatId}/tools`, { tool: 'verify' })).statusCode,
    ).toBe(409);
    const collected = (
      await call(trainee, 'POST', `/api/training/exercises/${chatId}/tools`, { tool: 'collect-export' })
    ).json<{
      messages: number;
    }>();
    const early = (
      await call(trainee, 'POST', `/api/training/exercises/${chatId}/answer`, {
        kind: 'chat-evidence',
        bundleSha256: '0'.repeat(64),
        messages: collected.messages,
      })
    ).json<Verdict>();
    expect(early.parts[1]!.feedback).toMatch(/Verify/);
    const report = (await call(trainee, 'POST', `/api/training/exercises/${chatId}/tools`, { tool: 'verify' })).json<{
      ok: boolean;
      sha256: string;
      synthetic: boolean;
      problems: unknown[];
    }>();
    expect(report).toMatchObject({ ok: true, synthetic: true, problems: [] });
    const download = await call(trainee, 'GET', `/api/training/exercises/${chatId}/bundle.zip`);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(report.sha256);
    expect((await call(outsider, 'GET', `/api/training/exercises/${chatId}/bundle.zip`)).statusCode).toBe(403);
    verdict = (
      await call(trainee, 'POST', `/api/training/exercises/${chatId}/answer`, {
        kind: 'chat-evidence',
        bundleSha256: report.sha256.toUpperCase(),
        messages: collected.messages,
      })
    ).json<Verdict>();
    expect(verdict.correct).toBe(true);

    // 4. Screen the person and refer: the trainer's answer key (trainees never see it) gives the right answer.
    const key = (await call(trainer, 'GET', `/api/training/exercises/${ids['screening-referral']}`)).json<{
      answerKey: { present: string[]; services: string[] };
      screening: { indicators: { id: string; label: string }[] };
    }>();
    expect(key.screening.indicators).toHaveLength(11);
    expect(key.screening.indicators[0]!.label).toBe('Zloupotreba ranjivosti');
    verdict = (
      await call(trainee, 'POST', `/api/training/exercises/${ids['screening-referral']}/answer`, {
        kind: 'screening-referral',
        present: key.answerKey.present,
        suggestion: key.answerKey.present.length >= 3 ? 'refer_for_identification' : 'gather_more_information',
        services: key.answerKey.services,
      })
    ).json<Verdict>();
    expect(verdict.correct).toBe(true);

    // The trainer sees who solved what; the trainee cannot.
    const results = (await call(trainer, 'GET', `/api/training/sessions/${session.id}/exercise-results`)).json<{
      results: { exerciseId: string; correct: boolean; submissions: number; displayName: string }[];
    }>().results;
    expect(results).toHaveLength(4);
    expect(results.every((r) => r.correct && r.displayName === 'Amra')).toBe(true);
    expect(results.find((r) => r.exerciseId === ids['ad-templates'])!.submissions).toBe(2);
    expect((await call(trainee, 'GET', `/api/training/sessions/${session.id}/exercise-results`)).statusCode).toBe(403);

    // Every checked answer is an xAPI statement of the pseudonymous participant: which parts were right, no answer text.
    const stored = await t.core.database.db
      .selectFrom('training_xapi_statements')
      .innerJoin('training_exercise_work', 'training_exercise_work.id', 'training_xapi_statements.attempt_id')
      .select(['training_xapi_statements.statement'])
      .where('training_exercise_work.user_id', '=', trainee.id)
      .execute();
    expect(stored).toHaveLength(6);
    for (const row of stored) {
      const statement = JSON.parse(row.statement) as Record<string, unknown>;
      expect(validateStatement(statement)).toEqual([]);
      expect(row.statement).not.toContain('Amra');
      expect(row.statement).not.toContain(link);
    }

    // Isolation: the sandbox left no trace in cases, evidence, recruitment, crypto, victims or cooperation …
    expect(await rowCounts()).toEqual(before);
    // … and case routes do not know its ids.
    expect((await call(investigator, 'GET', `/api/cases/${ids['chat-evidence']}`)).statusCode).toBe(404);
    expect((await call(investigator, 'GET', `/api/evidence/${ids['chat-evidence']}`)).statusCode).toBe(404);
    const cases = (await call(investigator, 'GET', '/api/cases')).json<{ total?: number; items?: unknown[] }>();
    expect(JSON.stringify(cases)).not.toContain('TRAINING-SANDBOX');
  });

  it('refuses tools and answers while the session is paused', async () => {
    const scenarios = (await call(trainer, 'GET', '/api/training/scenarios')).json<{
      scenarios: { id: string; slug: string }[];
    }>().scenarios;
    const session = (
      await call(trainer, 'POST', '/api/training/sessions', {
        title: 'Paused',
        groupName: 'G',
        language: 'en',
        scenarioIds: [scenarios[0]!.id],
      })
    ).json<{ id: string; code: string }>();
    const exercise = (
      await call(trainer, 'POST', `/api/training/sessions/${session.id}/exercises`, { kind: 'wallet-trace' })
    ).json<{ id: string }>();
    await call(trainee, 'POST', '/api/training/join', { code: session.code, displayName: 'Amra' });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/training/sessions/${session.id}`,
      headers: await authHeaders(t, trainer),
      payload: { status: 'paused' },
    });
    const res = await call(trainee, 'POST', `/api/training/exercises/${exercise.id}/tools`, {
      tool: 'trace',
      method: 'fifo',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'training_session_paused' } });
  });
});
