import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { authHeaders, createTestApp, createTestUser, type TestApp, type TestUser } from '../testing';

const FIXTURES = resolve(import.meta.dirname, '../../../../packages/core/src/crypto/fixtures');
const text = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');
const RECRUITER = '0x253ea3775efbec616d703dc73e38c8b7d1af2a04';

describeEachDialect('crypto routes', (dialect) => {
  let t: TestApp;
  let investigator: TestUser;
  let outsider: TestUser;
  let headers: { authorization: string };
  let caseId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    investigator = await createTestUser(t, { role: 'investigator' });
    outsider = await createTestUser(t, { role: 'investigator', agencyId: investigator.agencyId });
    headers = await authHeaders(t, investigator);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers,
      payload: { title: 'USDT recruiter', type: 'sexual_exploitation' },
    });
    caseId = created.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  it('checks an address with the CLI’s JSON shape plus a message', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/crypto/address/bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du',
      headers,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      valid: false,
      chain: 'btc',
      error: 'wrong_bech32_variant',
      message: expect.stringMatching(/BIP-350/),
    });
  });

  it('imports raw blocks sent as the request body, lists no configured source, and refuses a fetch without one', async () => {
    const blocks = readFileSync(resolve(import.meta.dirname, '../../../../../shared/data/crypto/btc/blocks1-256.bz2'));
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/crypto/blocks?fileName=blocks1-256.bz2&watch=all`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: blocks,
    });
    expect(r.statusCode, r.body).toBe(201);
    // 255 blocks with 262 transactions; every output has an address (P2PK outputs of 2009 count as their P2PKH form).
    expect(r.json()).toMatchObject({ kind: 'btc_blocks', stats: { read: 262 }, alreadyImported: false });
    const list = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/crypto/imports`, headers });
    expect(list.json<{ imports: { kind: string; status: string }[] }>().imports).toContainEqual(
      expect.objectContaining({ kind: 'btc_blocks', status: 'complete' }),
    );
    const connectors = await t.app.inject({ method: 'GET', url: '/api/crypto/connectors', headers });
    expect(connectors.json()).toEqual({ connectors: [] });
    const fetch = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/crypto/fetch`,
      headers,
      payload: { kind: 'blocks', fromHeight: 1, toHeight: 2, watch: 'all' },
    });
    expect(fetch.statusCode).toBe(400);
    expect(fetch.json()).toMatchObject({ error: { code: 'crypto_connector_missing' } });
  });

  it('imports, traces to the exchange, saves, verifies and exports a PDF; outsiders see nothing', async () => {
    for (const [kind, fileName] of [
      ['etherscan_csv', 'etherscan-erc20.csv'],
      ['tag_csv', 'tags.csv'],
    ] as const) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/crypto/imports`,
        headers,
        payload: { kind, fileName, content: text(fileName) },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/crypto/imports`,
      headers,
      payload: { kind: 'tronscan_csv', fileName: 'renamed.csv', content: 'Hash,Sender\nx,y\n' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: unknown }>().error).toMatchObject({
      code: 'crypto_import_unknown_columns',
      message: expect.stringMatching(/^renamed\.csv, line 1/),
    });

    const request = {
      seed: { address: RECRUITER },
      direction: 'forward',
      method: 'haircut',
      maxHops: 4,
      maxNodes: 50,
      asset: 'USDT',
    };
    const live = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/crypto/trace`,
      headers,
      payload: request,
    });
    expect(live.statusCode, live.body).toBe(200);
    expect(
      live
        .json<{ result: { endpoints: { reason: string; amount: number }[] } }>()
        .result.endpoints.find((e) => e.reason === 'stopped')!.amount,
    ).toBeCloseTo(2400 * (2501 / 2501), 6);

    const saved = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/crypto/traces`,
      headers,
      payload: { title: 'To Binance', request },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json<{ id: string }>().id;
    const verify = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/crypto/traces/${id}/verify`,
      headers,
    });
    expect(verify.json()).toMatchObject({ same: true });
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/crypto/traces/${id}/export?format=pdf`,
      headers,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const other = await authHeaders(t, outsider);
    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/crypto/traces/${id}`,
      headers: other,
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json<{ error: unknown }>().error).toMatchObject({ code: 'case_not_found' });
  });

  it('refuses unknown body fields', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/crypto/wallets`,
      headers,
      payload: { address: RECRUITER, label: 'x', extra: 1 },
    });
    expect(r.statusCode).toBe(400);
  });
});
