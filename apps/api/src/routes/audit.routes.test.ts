import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { AuditService } from '@trag/core/audit';
import { ROLES, systemActor } from '@trag/core/shared';
import { authHeaders, createTestApp, createTestUser, type TestApp } from '../testing';

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
    const headers = await authHeaders(t, await createTestUser(t, { role: 'supervisor' }));
    const unknown = await t.app.inject({ url: '/api/audit?colour=red', headers });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/colour/);
    expect((await t.app.inject({ url: '/api/audit?from=yesterday', headers })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/audit?limit=100000', headers })).statusCode).toBe(400);
  });

  it('lets supervisors and administrators browse and export, and denies every other role', async () => {
    const agency = (await createTestUser(t, { role: 'investigator' })).agencyId;
    for (const role of ROLES) {
      const user = await createTestUser(t, { role, agencyId: agency });
      const headers = await authHeaders(t, user);
      const allowed = role === 'supervisor' || role === 'administrator';
      const list = await t.app.inject({ url: '/api/audit', headers });
      const csv = await t.app.inject({ url: '/api/audit/export.csv', headers });
      expect([role, list.statusCode, csv.statusCode]).toEqual([role, allowed ? 200 : 403, allowed ? 200 : 403]);
      if (!allowed) expect(list.json().error.code).toBe('audit_forbidden');
    }
  });

  it("shows a supervisor their own agency's staff only, and exports formula-safe CSV", async () => {
    const supervisor = await createTestUser(t, { role: 'supervisor' });
    const colleague = await createTestUser(t, { role: 'investigator', agencyId: supervisor.agencyId });
    const stranger = await createTestUser(t, { role: 'investigator' });
    const audit = new AuditService(t.core);
    const as = (u: typeof colleague) => ({ ...systemActor(u.agencyId), userId: u.id, via: 'session' as const });
    await audit.record(as(colleague), { action: 'case.read', recordType: 'case', recordId: '=cmd|calc' });
    await audit.record(as(stranger), { action: 'case.read', recordType: 'case', recordId: 'hidden' });
    const headers = await authHeaders(t, supervisor);
    const page = await t.app.inject({ url: `/api/audit?action=case.read&limit=10`, headers });
    expect(page.statusCode).toBe(200);
    expect(page.json().items.map((e: { recordId: string }) => e.recordId)).toEqual(['=cmd|calc']);
    expect(page.json().items[0].actorUsername).toBe(colleague.username);
    const csv = await t.app.inject({ url: '/api/audit/export.csv?action=case.read', headers });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toContain(",'=cmd|calc,");
    expect(csv.body).not.toContain('hidden');
  });
});
