import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { authHeaders, createTestApp, createTestUser, type TestApp, type TestUser } from '../testing';

describeEachDialect('cases routes', (dialect) => {
  let t: TestApp;
  let investigator: TestUser;
  let outsider: TestUser;
  let headers: { authorization: string };
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    investigator = await createTestUser(t, { role: 'investigator' });
    outsider = await createTestUser(t, { role: 'supervisor', agencyId: investigator.agencyId });
    headers = await authHeaders(t, investigator);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: { title: 'Оглас за посао у Немачкој', type: 'labour_exploitation', tags: ['facebook'] },
    });
    expect(created.statusCode).toBe(201);
    caseId = created.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  const counts = async () => ({
    cases: (await t.database.db.selectFrom('cases').select('id').execute()).length,
    entities: (await t.database.db.selectFrom('entities').select('id').execute()).length,
  });

  it('creates entities and a link, finds them by a Cyrillic/Latin search, and shows the case only to members', async () => {
    const phone = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/entities`,
      headers,
      payload: { type: 'phone', identifier: '061 123 456', source: 'manual' },
    });
    expect(phone.statusCode).toBe(201);
    const person = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/entities`,
      headers,
      payload: { type: 'person', label: 'Đorđe Recruiter' },
    });
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/links`,
      headers,
      payload: {
        fromEntityId: person.json<{ entity: { id: string } }>().entity.id,
        toEntityId: phone.json<{ entity: { id: string } }>().entity.id,
        type: 'uses',
      },
    });
    expect(link.statusCode).toBe(201);
    const found = await t.app.inject({ method: 'GET', url: '/api/search?q=posao', headers });
    expect(found.json<{ items: { caseId: string }[] }>().items.map((i) => i.caseId)).toEqual([caseId]);
    const byCyrillic = await t.app.inject({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent('Ђорђе')}`,
      headers,
    });
    expect(byCyrillic.json<{ items: { recordType: string }[] }>().items.map((i) => i.recordType)).toEqual(['entity']);

    const other = await authHeaders(t, outsider);
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: other })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/search?q=posao', headers: other })).json()).toMatchObject({
      items: [],
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}` })).statusCode).toBe(401);
  });

  it('answers malformed JSON, unknown fields and oversized bodies with a clear 4xx and changes nothing', async () => {
    const before = await counts();
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{"title": "x", ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ error: { code: 'malformed_json' } });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: { title: 'x', type: 'other', secretFlag: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ error: { message: string } }>().error.message).toContain('secretFlag');
    const badType = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: { title: 'x', type: 'nope' },
    });
    expect(badType.statusCode).toBe(400);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: { title: 'x', type: 'other', description: 'a'.repeat(2 * 1024 * 1024) },
    });
    expect(huge.statusCode).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('rejects invalid identifiers with the reason and stores nothing', async () => {
    const before = await counts();
    for (const payload of [
      { type: 'phone', identifier: 'not a phone' },
      { type: 'bank_account', identifier: 'BA38 1290 0794 0102 8494' },
      { type: 'email', identifier: 'x@' },
      { type: 'online_account', identifier: 'someone' },
    ]) {
      const response = await t.app.inject({ method: 'POST', url: `/api/cases/${caseId}/entities`, headers, payload });
      expect(response.statusCode).toBe(400);
      expect(response.json<{ error: { code: string; message: string } }>().error.message.length).toBeGreaterThan(10);
    }
    expect(await counts()).toEqual(before);
  });

  it('takes SQL and FTS syntax in search literally, and refuses a query without words', async () => {
    const before = await counts();
    for (const q of [`'; DROP TABLE cases; --`, '" OR 1=1', 'posao* NEAR(a b)', "x' || (select 1) || '"]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}`, headers });
      expect(response.statusCode).toBe(200);
    }
    const empty = await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent("';--")}`, headers });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ error: { code: 'search_query_empty' } });
    const tooLong = await t.app.inject({ method: 'GET', url: `/api/search?q=${'a'.repeat(500)}`, headers });
    expect(tooLong.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('serves the dashboard', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/dashboard', headers });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ myCases: { id: string }[] }>().myCases.map((c) => c.id)).toContain(caseId);
  });
});
