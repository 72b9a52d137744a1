import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { createTestApp, type TestApp } from '../testing';

describeEachDialect('audit routes', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('asks anonymous callers to log in', async () => {
    for (const url of ['/api/audit', '/api/audit/export.csv']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(401);
    }
  });

  it('rejects unknown filters and malformed dates with a 400', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/audit?colour=red' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit?from=yesterday' })).statusCode).toBe(400);
  });
});
