import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { authHeaders, createTestApp, createTestUser, type TestApp } from '../testing';

describeEachDialect('recruitment routes', (dialect) => {
  let t: TestApp;
  let headers: { authorization: string };
  let outsiderHeaders: { authorization: string };
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const investigator = await createTestUser(t, { role: 'investigator' });
    const outsider = await createTestUser(t, { role: 'investigator', agencyId: investigator.agencyId });
    headers = await authHeaders(t, investigator);
    outsiderHeaders = await authHeaders(t, outsider);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: { title: 'Oglasi za rad u Austriji', type: 'labour_exploitation' },
    });
    caseId = created.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  it('answers the public offer checker without login', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/public/offer-check',
      payload: {
        text: 'Work in Germany, no experience needed, registration fee 150 EUR in advance, send passport copy.',
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ level: string; flags: Array<{ indicatorId: string }>; helplines: unknown[] }>();
    expect(body.level).toBe('many');
    expect(body.flags.map((f) => f.indicatorId)).toContain('rec_upfront_fee');
    expect(body.helplines.length).toBeGreaterThan(0);
    const bad = await t.app.inject({ method: 'POST', url: '/api/public/offer-check', payload: { text: '', extra: 1 } });
    expect(bad.statusCode).toBe(400);
  });

  it('imports, lists by score, shows an item, marks it, and adds a phone from the network to the case', async () => {
    const lines = [
      { id: 'a1', text: 'HITNO! Posao u Austriji, bez iskustva, kotizacija 200 EUR unaprijed. Viber +381 64 111 2222' },
      { id: 'a2', text: 'Prodajem bicikl, 100 KM. Tel +381 64 111 2222' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/recruitment/imports`,
      headers,
      payload: { format: 'jsonl', mode: 'skip_bad', contentBase64: Buffer.from(lines).toString('base64') },
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json<{ itemsImported: number }>().itemsImported).toBe(2);

    const list = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/recruitment/items?limit=200`,
      headers,
    });
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Array<{ id: string; externalId: string; flagged: boolean }> }>().items;
    expect(items.map((i) => i.externalId)).toEqual(['a1', 'a2']);
    expect(items[0]!.flagged).toBe(true);

    const detail = await t.app.inject({ method: 'GET', url: `/api/recruitment/items/${items[0]!.id}`, headers });
    const body = detail.json<{
      item: { text: string };
      indicators: Array<{ id: string; start: number; end: number }>;
    }>();
    const fee = body.indicators.find((i) => i.id === 'rec_upfront_fee')!;
    expect(body.item.text.slice(fee.start, fee.end)).toBe('kotizacija');
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/recruitment/items/${items[0]!.id}`,
      headers: outsiderHeaders,
    });
    expect(hidden.statusCode).toBe(404);

    const mark = await t.app.inject({
      method: 'POST',
      url: `/api/recruitment/items/${items[0]!.id}/mark`,
      headers,
      payload: { relevance: 'relevant' },
    });
    expect(mark.json<{ relevance: string }>().relevance).toBe('relevant');

    const network = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/recruitment/network`, headers });
    const phone = network.json<{ identifiers: Array<{ key: string; degree: number }> }>().identifiers[0]!;
    expect(phone).toMatchObject({ key: 'phone:+381641112222', degree: 2 });

    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/recruitment/network/export?format=graphml`,
      headers,
    });
    expect(exported.headers['content-type']).toContain('graphml');
    expect(exported.body).toContain('+381641112222');

    const entity = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/recruitment/entities`,
      headers,
      payload: { type: 'phone', value: '+381641112222' },
    });
    expect(entity.statusCode).toBe(200);
    expect(entity.json<{ created: boolean }>().created).toBe(true);
  });

  it('reports malformed lines with their numbers and imports nothing when all-or-nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/recruitment/imports`,
      headers,
      payload: {
        format: 'jsonl',
        mode: 'all_or_nothing',
        contentBase64: Buffer.from('{"id":"x","text":"ok"}\n{oops\n').toString('base64'),
      },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response.json<{ error: { code: string; details: { errors: Array<{ line: number }> } } }>().error,
    ).toMatchObject({
      code: 'import_lines_malformed',
      details: { errors: [{ line: 2 }] },
    });
  });

  it('queues a file sent as the raw body, with the CSV columns named in the query, and runs it on the worker', async () => {
    const csv = [
      'oglas_id,poruka,objavljeno',
      'fb-17,"Posao u Austriji, bez iskustva, smještaj plaćen, kotizacija 200 EUR unaprijed. Viber +381 64 333 4444",2026-11-02',
      'fb-18,"Работа во Германија без искуство, сместување обезбедено. Viber +381 64 333 4444",2026-11-03',
    ].join('\n');
    const staging = path.join(t.core.dataDir, 'recruitment-staging');
    const stagedFiles = () => (existsSync(staging) ? readdirSync(staging) : []);
    const url = `/api/cases/${caseId}/recruitment/import-jobs/upload?format=csv&mode=all_or_nothing&fileName=oglasi.csv`;
    const upload = (query: string, body: Buffer, who = headers) =>
      t.app.inject({
        method: 'POST',
        url: `${url}${query}`,
        headers: { ...who, 'content-type': 'application/octet-stream' },
        payload: body,
      });

    // Someone outside the case learns nothing and leaves nothing staged.
    const refused = await upload('&textColumn=poruka', Buffer.from(csv), outsiderHeaders);
    expect(refused.statusCode).toBe(404);
    expect(stagedFiles()).toEqual([]);
    // A client that announces more than one import takes is refused before anything is read.
    const announced = await t.app.inject({
      method: 'POST',
      url: `${url}&textColumn=poruka`,
      headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(300 * 1024 * 1024) },
      payload: Buffer.from(csv),
    });
    expect(announced.statusCode).toBe(413);
    expect(announced.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'import_too_large',
      message: expect.stringMatching(/Split it into several files/),
    });
    expect(stagedFiles()).toEqual([]);
    // Options are checked at the edge.
    expect((await upload('&textColumn=', Buffer.from(csv))).statusCode).toBe(400);
    expect((await upload('&textColumn=poruka&colour=red', Buffer.from(csv))).statusCode).toBe(400);

    const queued = await upload('&textColumn=poruka&idColumn=oglas_id&dateColumn=objavljeno', Buffer.from(csv));
    expect(queued.statusCode).toBe(202);
    const jobId = queued.json<{ id: string }>().id;
    let job: { status: string; result?: { itemsImported?: number } } = { status: 'queued' };
    for (let i = 0; i < 200 && (job.status === 'queued' || job.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers })).json();
    }
    expect(job).toMatchObject({ status: 'succeeded', result: { itemsImported: 2 } });
    expect(stagedFiles()).toEqual([]);
    const items = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/recruitment/items?limit=500`,
      headers,
    });
    const ids = items.json<{ items: Array<{ externalId: string }> }>().items.map((i) => i.externalId);
    expect(ids).toEqual(expect.arrayContaining(['fb-17', 'fb-18']));

    // The wrong column is the importer's clear error, on the job.
    const wrong = await upload('&textColumn=tekst', Buffer.from(csv));
    const wrongId = wrong.json<{ id: string }>().id;
    let failed: { status: string; error?: string } = { status: 'queued' };
    for (let i = 0; i < 200 && (failed.status === 'queued' || failed.status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      failed = (await t.app.inject({ method: 'GET', url: `/api/jobs/${wrongId}`, headers })).json();
    }
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/no column "tekst".*oglas_id, poruka, objavljeno/);
  });
});
