import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { verifyBundle } from '@trag/core/evidence';
import { authHeaders, createTestApp, createTestUser, type TestApp, type TestUser } from '../testing';

const BOUNDARY = '----trag-test-boundary';

function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer } | null): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

describeEachDialect('evidence routes', (dialect) => {
  let t: TestApp;
  let investigator: TestUser;
  let outsider: TestUser;
  let headers: { authorization: string };
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    investigator = await createTestUser(t, { role: 'investigator', displayName: 'Amra Hodžić' });
    outsider = await createTestUser(t, { role: 'supervisor', agencyId: investigator.agencyId });
    headers = await authHeaders(t, investigator);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: { title: 'Lažni oglasi za posao', type: 'sexual_exploitation' },
    });
    expect(created.statusCode).toBe(201);
    caseId = created.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  async function upload(
    fields: Record<string, string>,
    file: { name: string; type: string; data: Buffer } | null,
    as = headers,
  ) {
    return t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence`,
      headers: { ...as, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart(fields, file),
    });
  }

  it('uploads, views, downloads, verifies and exports; the bundle verifies offline', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const res = await upload(
      { description: 'Screenshot of the advert', legalBasis: 'KPS-12/26' },
      { name: 'oglas.png', type: 'image/png', data: png },
    );
    expect(res.statusCode).toBe(201);
    const item = res.json<{ id: string; sha256: string; exhibitNumber: string; mediaType: string }>();
    expect(item.mediaType).toBe('image/png');

    const view = await t.app.inject({ method: 'GET', url: `/api/evidence/${item.id}`, headers });
    expect(view.statusCode).toBe(200);
    expect(view.json<{ custody: { event: string }[] }>().custody.map((c) => c.event)).toEqual(['collected', 'viewed']);

    const content = await t.app.inject({ method: 'GET', url: `/api/evidence/${item.id}/content`, headers });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload).toEqual(png);
    expect(content.headers['content-type']).toBe('application/octet-stream');
    expect(content.headers['content-security-policy']).toMatch(/sandbox/);
    const preview = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/${item.id}/content?preview=true`,
      headers,
    });
    expect(preview.headers['content-type']).toBe('image/png');

    const verify = await t.app.inject({ method: 'POST', url: `/api/evidence/${item.id}/verify`, headers });
    expect(verify.json()).toMatchObject({ ok: true, entries: 4 });

    const exported = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence/exports`,
      headers,
      payload: { itemIds: [item.id] },
    });
    expect(exported.statusCode).toBe(201);
    const bundle = await t.app.inject({
      method: 'GET',
      url: `/api/evidence/exports/${exported.json<{ id: string }>().id}`,
      headers,
    });
    expect(bundle.headers['content-type']).toBe('application/zip');
    const file = path.join(t.core.dataDir, 'downloaded.zip');
    writeFileSync(file, bundle.rawPayload);
    const report = await verifyBundle(file);
    expect(report.ok).toBe(true);
    expect(report.items[0]!.exhibit).toBe(item.exhibitNumber);
  });

  it('keeps non-members out of list, view, download, export and upload (404 as if absent)', async () => {
    const res = await upload(
      { description: 'Chat screenshot' },
      { name: 'a.txt', type: 'text/plain', data: Buffer.from('hello') },
    );
    const id = res.json<{ id: string }>().id;
    const other = await authHeaders(t, outsider);
    for (const [method, url, payload] of [
      ['GET', `/api/cases/${caseId}/evidence`, undefined],
      ['GET', `/api/evidence/${id}`, undefined],
      ['GET', `/api/evidence/${id}/content`, undefined],
      ['POST', `/api/evidence/${id}/verify`, undefined],
      ['POST', `/api/cases/${caseId}/evidence/exports`, { itemIds: [id] }],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: other, ...(payload ? { payload } : {}) });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
    }
    expect(
      (await upload({ description: 'x' }, { name: 'b.txt', type: 'text/plain', data: Buffer.from('x') }, other))
        .statusCode,
    ).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/evidence/${id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it('rejects a form without description or without a file, and unknown fields', async () => {
    expect((await upload({}, { name: 'a.txt', type: 'text/plain', data: Buffer.from('x') })).json()).toMatchObject({
      error: { code: 'evidence_fields_invalid' },
    });
    expect((await upload({ description: 'x' }, null)).json()).toMatchObject({
      error: { code: 'evidence_file_missing' },
    });
    expect(
      (await upload({ description: 'x', colour: 'red' }, { name: 'a.txt', type: 'text/plain', data: Buffer.from('x') }))
        .statusCode,
    ).toBe(400);
  });

  it('a truncated multipart upload leaves no item', async () => {
    const before = (await t.database.db.selectFrom('evidence_items').select('id').execute()).length;
    const body = multipart(
      { description: 'cut' },
      { name: 'big.bin', type: 'application/octet-stream', data: Buffer.alloc(200_000, 7) },
    );
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence`,
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: body.subarray(0, 100_000),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect((await t.database.db.selectFrom('evidence_items').select('id').execute()).length).toBe(before);
  });

  it('produces a preservation request as text and PDF', async () => {
    const payload = {
      provider: 'Telegram Messenger Inc.',
      accounts: ['https://t.me/marko_posao'],
      from: '2026-11-01',
      to: '2026-11-30',
      offence: 'Trafficking in human beings (recruitment by deception)',
      summary: 'Accounts advertised fake waitressing jobs abroad to young women.',
      necessity: 'The data may be deleted by the account holders at any time.',
      mutualAssistanceToFollow: true,
      requestingAuthority: 'Test police agency',
      contact: 'duty officer',
    };
    const text = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence/preservation-request`,
      headers,
      payload: { ...payload, format: 'text' },
    });
    expect(text.statusCode).toBe(200);
    expect(text.body).toMatch(/https:\/\/t\.me\/marko_posao/);
    // The six items Article 29(2)(a)–(f) of the Convention on Cybercrime requires, in order.
    const items = [...text.body.matchAll(/\(Art\. 29\(2\)\(([a-f])\)\)/g)].map((match) => match[1]);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    const pdf = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/evidence/preservation-request`,
      headers,
      payload,
    });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
