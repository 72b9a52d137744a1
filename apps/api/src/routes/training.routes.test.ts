import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { authHeaders, createTestAgency, createTestApp, createTestUser, type TestApp, type TestUser } from '../testing';

describeEachDialect('training routes', (dialect) => {
  let t: TestApp;
  let trainer: TestUser;
  let trainee: TestUser;

  const call = async (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: await authHeaders(t, user),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const centre = await createTestAgency(t, { country: 'ME' });
    trainer = await createTestUser(t, { role: 'trainer', agencyId: centre.id });
    trainee = await createTestUser(t, { role: 'trainee', agencyId: centre.id });
  });
  afterAll(async () => t?.close());

  it('runs a session over HTTP: create, join by code, play the flagship to the debrief, progress, debrief and CSV', async () => {
    const list = (await call(trainee, 'GET', '/api/training/scenarios')).json<{
      scenarios: Array<{ id: string; slug: string; languages: string[] }>;
    }>();
    const flagship = list.scenarios.find((s) => s.slug === 'labour-exploitation-interview')!;
    expect(flagship.languages).toHaveLength(8);

    const created = await call(trainer, 'POST', '/api/training/sessions', {
      title: 'Module 5',
      groupName: 'Podgorica group',
      language: 'sr-Latn',
      scenarioIds: [flagship.id],
    });
    expect(created.statusCode).toBe(200);
    const session = created.json<{ id: string; code: string }>();
    const join = await call(trainee, 'POST', '/api/training/join', { code: session.code, displayName: 'Milica' });
    expect(join.statusCode).toBe(200);

    let res = await call(trainee, 'POST', '/api/training/attempts', { scenarioId: flagship.id, sessionId: session.id });
    expect(res.statusCode).toBe(200);
    let attempt = res.json<{
      id: string;
      status: string;
      text: string;
      choices: Array<{ choiceId: string }>;
      score: unknown;
    }>();
    expect(attempt.text).toContain('Rameš');
    const attemptId = attempt.id;
    while (attempt.choices.length > 0) {
      res = await call(trainee, 'POST', `/api/training/attempts/${attemptId}/choices`, {
        choiceId: attempt.choices[0]!.choiceId,
      });
      expect(res.statusCode).toBe(200);
      attempt = res.json();
    }
    expect(attempt.status).toBe('completed');
    expect(attempt.score).toMatchObject({ grade: 'excellent', passed: true });
    expect(attempt.text).toContain('Razgovor je završen.');
    const bad = await call(trainee, 'POST', `/api/training/attempts/${attemptId}/choices`, {
      choiceId: 'briefing.0.c-0',
    });
    expect(bad.json()).toMatchObject({ error: { code: 'training_attempt_finished' } });

    const progress = (await call(trainer, 'GET', `/api/training/sessions/${session.id}/progress`)).json<{
      entries: unknown[];
    }>();
    expect(progress.entries).toEqual([
      expect.objectContaining({ displayName: 'Milica', status: 'completed', grade: 'excellent' }),
    ]);
    expect((await call(trainee, 'GET', `/api/training/sessions/${session.id}/progress`)).statusCode).toBe(403);

    const debrief = (await call(trainer, 'GET', `/api/training/sessions/${session.id}/debrief`)).json<{
      scenarios: Array<{ points: Array<{ knot: string; choices: Array<{ count: number; rule: string | null }> }> }>;
    }>();
    const companion = debrief.scenarios[0]!.points.find((p) => p.knot === 'companion')!;
    expect(companion.choices.map((c) => [c.rule, c.count])).toEqual([
      ['R02', 1],
      ['R02', 0],
    ]);

    const csv = await call(trainer, 'GET', `/api/training/sessions/${session.id}/results.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('"Milica"');

    const summary = await call(trainer, 'GET', `/api/training/sessions/${session.id}/summary.pdf`);
    expect(summary.headers['content-type']).toBe('application/pdf');
    expect(summary.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const participantId = join.json<{ participantId: string }>().participantId;
    const certificate = await call(
      trainer,
      'GET',
      `/api/training/sessions/${session.id}/participants/${participantId}/certificate.pdf`,
    );
    expect(certificate.statusCode).toBe(200);
    expect(certificate.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(trainee, 'GET', `/api/training/sessions/${session.id}/summary.pdf`)).statusCode).toBe(403);

    const statements = (await call(trainee, 'GET', `/api/training/attempts/${attemptId}/statements`)).json<{
      statements: unknown[];
    }>();
    expect(statements.statements.length).toBe(22);
  }, 60_000);

  it('gives line-numbered compile errors for live editing, and only to trainers', async () => {
    const res = await call(trainer, 'POST', '/api/training/check', {
      sources: { en: '-> start\n=== start ===\n* [Go] -> nowhere\n' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ ok: boolean; findings: Array<{ line: number; language: string }> }>();
    expect(body.ok).toBe(false);
    expect(body.findings[0]).toMatchObject({ language: 'en', line: 3 });
    expect((await call(trainee, 'POST', '/api/training/check', { sources: { en: '-> END\n' } })).statusCode).toBe(403);
    const list = (await call(trainer, 'GET', '/api/training/scenarios')).json<{ scenarios: Array<{ id: string }> }>();
    const zip = await call(trainer, 'GET', `/api/training/scenarios/${list.scenarios[0]!.id}/scorm.zip?language=sq`);
    expect(zip.statusCode).toBe(200);
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
