import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import type { Actor, CoreContext } from '../shared';
import { buildActor, buildAgency, buildContext, buildUnit } from './cases.builders';
import { CaseService } from './case.service';

describeEachDialect('case service', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  let service: CaseService;
  let lead: Actor;
  let outsider: Actor;
  let agencyId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = buildContext(database);
    service = new CaseService(ctx);
  });
  afterAll(async () => database.destroy());

  // Each test gets its own agency and users, so tests share one database without seeing each other's cases.
  beforeEach(async () => {
    agencyId = (await buildAgency(database, { prefix: 'SIPA' })).id;
    lead = await buildActor(database, { agencyId, role: 'investigator' });
    outsider = await buildActor(database, { agencyId, role: 'administrator' });
  });

  it('numbers cases by the agency scheme and makes the creator lead', async () => {
    const first = await service.create(lead, { title: 'Građevinski radnici', type: 'labour_exploitation' });
    const second = await service.create(lead, { title: 'Second', type: 'other', tags: ['a', 'a', 'b'] });
    expect(first.reference).toBe('SIPA-2026-0001');
    expect(second.reference).toBe('SIPA-2026-0002');
    expect(second.tags).toEqual(['a', 'b']);
    expect(first).toMatchObject({ myRole: 'lead', status: 'open', can: { edit: true, manage: true } });
    expect(first.counts.members).toBe(1);
  });

  it('filters my cases by status, type and exact tag (LIKE characters are literal)', async () => {
    const a = await service.create(lead, { title: 'A', type: 'other', tags: ['50%_off'] });
    await service.create(lead, { title: 'B', type: 'other', tags: ['50xxoff'] });
    const c = await service.create(lead, { title: 'C', type: 'migrant_smuggling' });
    expect((await service.list(lead, { tag: '50%_off' })).items.map((i) => i.id)).toEqual([a.id]);
    expect((await service.list(lead, { type: 'migrant_smuggling' })).items.map((i) => i.id)).toEqual([c.id]);
    await service.close(lead, c.id, undefined);
    expect((await service.list(lead, { status: 'closed' })).items.map((i) => i.id)).toEqual([c.id]);
    expect((await service.list(lead, { limit: 2 })).total).toBe(3);
  });

  it('refuses a duplicate reference in the same agency', async () => {
    await service.create(lead, { title: 'A', type: 'other', reference: 'SIPA-X-1' });
    await expect(service.create(lead, { title: 'B', type: 'other', reference: 'SIPA-X-1' })).rejects.toMatchObject({
      code: 'case_reference_taken',
    });
  });

  it('refuses case creation to roles that do not start cases', async () => {
    await expect(service.create(outsider, { title: 'A', type: 'other' })).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'case_create_forbidden',
    });
  });

  it('hides a case from a non-member administrator and lists only member cases', async () => {
    const c = await service.create(lead, { title: 'Hidden', type: 'other' });
    await expect(service.get(outsider, c.id)).rejects.toMatchObject({ code: 'case_not_found' });
    expect((await service.list(outsider, {})).total).toBe(0);
    expect((await service.list(lead, {})).items.map((i) => i.id)).toEqual([c.id]);
  });

  it('adds a whole unit and its users can open the case', async () => {
    const otherAgency = (await buildAgency(database, { country: 'ME', name: 'Tužilaštvo Podgorica' })).id;
    const unitId = await buildUnit(database, otherAgency, 'Odjeljenje za trgovinu ljudima');
    const prosecutor = await buildActor(database, { agencyId: otherAgency, unitId, role: 'prosecutor' });
    const c = await service.create(lead, { title: 'Shared', type: 'other' });
    await expect(service.get(prosecutor, c.id)).rejects.toMatchObject({ code: 'case_not_found' });
    const member = await service.addMember(lead, c.id, { unitId, caseRole: 'prosecutor' });
    expect(member).toMatchObject({ kind: 'unit', name: 'Odjeljenje za trgovinu ljudima', caseRole: 'prosecutor' });
    expect((await service.get(prosecutor, c.id)).myRole).toBe('prosecutor');
    await expect(
      service.addMember(prosecutor, c.id, { userId: outsider.userId, caseRole: 'lead' }),
    ).rejects.toMatchObject({
      code: 'case_lead_required',
    });
  });

  it('lists each case with my strongest role, whether I am a member myself, through my unit, or both', async () => {
    const agencyId = lead.agencyId;
    const unitId = await buildUnit(database, agencyId, 'Jedinica za kibernetički kriminal');
    const analyst = await buildActor(database, { agencyId, unitId, role: 'analyst' });
    const viaUnit = await service.create(lead, { title: 'Through the unit', type: 'other' });
    const both = await service.create(lead, { title: 'Both ways', type: 'other' });
    const direct = await service.create(lead, { title: 'Only me', type: 'other' });
    await service.addMember(lead, viaUnit.id, { unitId, caseRole: 'observer' });
    await service.addMember(lead, both.id, { unitId, caseRole: 'observer' });
    await service.addMember(lead, both.id, { userId: analyst.userId, caseRole: 'analyst' });
    await service.addMember(lead, direct.id, { userId: analyst.userId, caseRole: 'investigator' });
    const listed = await service.list(analyst, {});
    expect(listed.total).toBe(3);
    expect(Object.fromEntries(listed.items.map((i) => [i.title, i.myRole]))).toEqual({
      'Through the unit': 'observer',
      'Both ways': 'analyst',
      'Only me': 'investigator',
    });
    // Newest activity first, and the page is cut after sorting.
    const page = await service.list(analyst, { limit: 2, offset: 1 });
    expect(page.items.map((i) => i.title)).toEqual(listed.items.slice(1).map((i) => i.title));
    expect(page.total).toBe(3);
  });

  it('keeps at least one lead', async () => {
    const c = await service.create(lead, { title: 'A', type: 'other' });
    const [me] = (await service.listMembers(lead, c.id)).items;
    await expect(service.updateMember(lead, c.id, me!.id, 'observer')).rejects.toMatchObject({
      code: 'case_last_lead',
    });
    await expect(service.removeMember(lead, c.id, me!.id)).rejects.toMatchObject({ code: 'case_last_lead' });
  });

  it('edits, closes and reopens; a closed case cannot be edited', async () => {
    const c = await service.create(lead, { title: 'A', type: 'other' });
    const edited = await service.update(lead, c.id, { title: 'B', incidentFrom: '2026-01-01', jurisdiction: 'BA' });
    expect(edited).toMatchObject({ title: 'B', incidentFrom: '2026-01-01', jurisdiction: 'BA' });
    await expect(service.update(lead, c.id, { incidentTo: '2025-12-31' })).rejects.toMatchObject({
      code: 'invalid_date_range',
    });
    await expect(service.update(lead, c.id, { openedOn: '2026-02-30' })).rejects.toMatchObject({
      code: 'invalid_date',
    });
    expect((await service.close(lead, c.id, 'Referred to prosecution')).status).toBe('closed');
    await expect(service.update(lead, c.id, { title: 'C' })).rejects.toMatchObject({ code: 'case_closed' });
    expect((await service.reopen(lead, c.id)).status).toBe('open');
  });

  it('observers read but cannot write', async () => {
    const observer = await buildActor(database, { agencyId, role: 'analyst' });
    const c = await service.create(lead, { title: 'A', type: 'other' });
    await service.addMember(lead, c.id, { userId: observer.userId, caseRole: 'observer' });
    await expect(service.get(observer, c.id)).resolves.toMatchObject({ can: { edit: false, manage: false } });
    await expect(service.addNote(observer, c.id, 'x')).rejects.toMatchObject({ code: 'case_read_only' });
  });

  it('tasks: owners must be members; the dashboard shows my cases, my tasks and recent activity', async () => {
    const c = await service.create(lead, { title: 'Case with tasks', type: 'other' });
    await expect(service.addTask(lead, c.id, { title: 'x', ownerUserId: outsider.userId })).rejects.toMatchObject({
      code: 'task_owner_not_member',
    });
    const task = await service.addTask(lead, c.id, {
      title: 'Interview witness',
      ownerUserId: lead.userId,
      dueOn: '2026-11-01',
    });
    expect(task).toMatchObject({ status: 'open', overdue: true, owner: { id: lead.userId } });
    await service.addNote(lead, c.id, '# Note\nText');
    const board = await service.dashboard(lead);
    expect(board.myCases.map((x) => x.id)).toEqual([c.id]);
    expect(board.myTasks.map((t) => t.id)).toEqual([task.id]);
    expect(board.recentActivity.map((a) => a.action)).toEqual(['note.create', 'task.create', 'case.create']);
    const done = await service.updateTask(lead, task.id, { status: 'done' });
    expect(done.completedAt).not.toBeNull();
    await expect(service.getTask(outsider, task.id)).rejects.toMatchObject({ code: 'task_not_found' });
    expect((await service.dashboard(outsider)).recentActivity).toEqual([]);
  });

  it('audits reads and writes with the case id', async () => {
    const c = await service.create(lead, { title: 'A', type: 'other' });
    await service.get(lead, c.id);
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'case_id', 'actor_user_id'])
      .where('case_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(rows).toEqual([
      { action: 'case.create', case_id: c.id, actor_user_id: lead.userId },
      { action: 'case.read', case_id: c.id, actor_user_id: lead.userId },
    ]);
  });
});
