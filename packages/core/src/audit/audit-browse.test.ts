import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { fixedClock, type Actor, type CoreContext, type Role } from '../shared';
import { AuditService } from './audit.service';

function actor(userId: string, agencyId: string, role: Role): Actor {
  return {
    userId,
    username: userId,
    displayName: userId,
    agencyId,
    unitId: null,
    role,
    ip: '10.0.0.1',
    via: 'session',
  };
}

describeEachDialect('audit browsing', (dialect) => {
  let database: TestDatabase;
  let audit: AuditService;
  let clock: ReturnType<typeof fixedClock>;
  const supervisorA = actor('sup-a', 'agency-a', 'supervisor');
  const adminB = actor('adm-b', 'agency-b', 'administrator');

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    clock = fixedClock('2026-11-28T10:00:00.000Z');
    const ctx: CoreContext = { database, clock, dataDir: '/nonexistent' };
    audit = new AuditService(ctx);
    const investigatorA = actor('inv-a', 'agency-a', 'investigator');
    const investigatorB = actor('inv-b', 'agency-b', 'investigator');
    await audit.record(investigatorA, { action: 'case.create', recordType: 'case', recordId: 'c1', caseId: 'c1' });
    clock.advance(86_400_000); // 29th
    await audit.record(investigatorA, { action: 'case.read', recordType: 'case', recordId: 'c1', caseId: 'c1' });
    await audit.record(investigatorB, { action: 'case.read', recordType: 'case', recordId: 'c1', caseId: 'c1' });
    clock.advance(86_400_000); // 30th
    await audit.record(investigatorA, { action: 'entity.read', recordType: 'entity', recordId: 'e1', caseId: 'c2' });
  });
  afterEach(async () => database.destroy());

  it('refuses everyone but supervisors and administrators', async () => {
    for (const role of ['investigator', 'analyst', 'prosecutor', 'social_worker', 'trainer', 'trainee'] as const) {
      await expect(audit.browse(actor('x', 'agency-a', role), {})).rejects.toMatchObject({
        kind: 'forbidden',
        code: 'audit_forbidden',
      });
    }
  });

  it("shows a supervisor only their own agency's actors, newest first", async () => {
    const page = await audit.browse(supervisorA, {});
    expect(page.total).toBe(3);
    expect(page.items.map((e) => e.action)).toEqual(['entity.read', 'case.read', 'case.create']);
    expect(page.items.every((e) => e.actorAgencyId === 'agency-a')).toBe(true);
    const other = await audit.browse(adminB, {});
    expect(other.items.map((e) => e.actorUserId)).toEqual(['inv-b']);
  });

  it('filters by case, actor, action, record type and date range, and pages', async () => {
    expect((await audit.browse(supervisorA, { caseId: 'c2' })).items.map((e) => e.recordId)).toEqual(['e1']);
    expect((await audit.browse(supervisorA, { action: 'case.read' })).total).toBe(1);
    expect((await audit.browse(supervisorA, { recordType: 'case' })).total).toBe(2);
    expect((await audit.browse(supervisorA, { actorUserId: 'inv-b' })).total).toBe(0);
    const day = await audit.browse(supervisorA, { from: '2026-11-29', to: '2026-11-29' });
    expect(day.items.map((e) => e.action)).toEqual(['case.read']);
    const page = await audit.browse(supervisorA, { recordType: 'case', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.items.map((e) => e.action)).toEqual(['case.create']);
  });

  it('records each new audit search and export in the audit itself', async () => {
    await audit.browse(supervisorA, { caseId: 'c1' });
    await audit.browse(supervisorA, { caseId: 'c1', offset: 50 });
    const chunks: string[] = [];
    for await (const chunk of audit.exportCsv(supervisorA, {})) chunks.push(chunk);
    const own = await audit.browse(supervisorA, { actorUserId: 'sup-a' });
    expect(own.items.map((e) => e.action)).toEqual(['audit.export', 'audit.search']);
    expect(own.items[1]!.details).toEqual({ filter: { agencyId: 'agency-a', caseId: 'c1' } });
    expect((await audit.verify()).ok).toBe(true);
  });

  it('exports the visible entries as CSV, oldest first', async () => {
    const chunks: string[] = [];
    for await (const chunk of audit.exportCsv(supervisorA, { recordType: 'case' })) chunks.push(chunk);
    const lines = chunks.join('').trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^seq,id,at,actor_user_id,actor_username,/);
    expect(lines.slice(1).map((l) => l.split(',')[7])).toEqual(['case.create', 'case.read']);
  });

  it('rejects an impossible date with a clear message', async () => {
    await expect(audit.browse(supervisorA, { from: '2026-13-45' })).rejects.toMatchObject({ code: 'invalid_date' });
  });
});
