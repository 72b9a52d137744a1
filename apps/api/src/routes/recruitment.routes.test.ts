import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@trag/api/testing';

describe('POST /api/public/offer-check', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers without login, with red flags and verified helplines', async () => {
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
  });

  it('rejects unknown fields and empty text', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/public/offer-check',
      payload: { text: '', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
  });
});
