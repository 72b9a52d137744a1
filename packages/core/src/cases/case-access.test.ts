import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { fixedClock, newId, type Actor, type CoreContext } from '../shared';
import { CaseAccess } from './case-access';
import { buildActor, buildAgency, buildUnit } from './cases.builders';

describeEachDialect('case access', (dialect) => {
  let database: TestDatabase;
  let access: CaseAccess;
  let agencyId: string;
  let unitId: string;
  let otherUnitId: string;
  let caseId: string;

  async function addMember(values: { userId?: string; unitId?: string; caseRole: string }) {
    await database.db
      .insertInto('case_members')
      .values({
        id: newId(),
        case_id: caseId,
        user_id: values.userId ?? null,
        unit_id: values.unitId ?? null,
        case_role: values.caseRole,
        added_by: 'system',
        added_at: '2026-11-30T09:00:00.000Z',
      })
      .execute();
  }

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    const ctx: CoreContext = { database, clock: fixedClock('2026-11-30T10:00:00Z'), dataDir: '/nonexistent' };
    access = new CaseAccess(ctx);
    agencyId = (await buildAgency(database)).id;
    unitId = await buildUnit(database, agencyId, 'Trafficking unit');
    otherUnitId = await buildUnit(database, agencyId, 'Cyber unit');
    caseId = newId();
    await database.db
      .insertInto('cases')
      .values({
        id: caseId,
        agency_id: agencyId,
        reference: 'TST-2026-0001',
        title: 'Test case',
        case_type: 'other',
        status: 'open',
        jurisdiction: null,
        opened_on: '2026-11-30',
        incident_from: null,
        incident_to: null,
        closed_at: null,
        close_reason: null,
        tags: '[]',
        description: '',
        contact_point: null,
        created_by: 'system',
        created_at: '2026-11-30T09:00:00.000Z',
        updated_at: '2026-11-30T09:00:00.000Z',
      })
      .execute();
  });
  afterEach(async () => database.destroy());

  it('grants a direct member their case role and the owning agency', async () => {
    const user = await buildActor(database, { agencyId });
    await addMember({ userId: user.userId, caseRole: 'analyst' });
    expect(await access.requireMember(user, caseId)).toEqual({ caseId, caseRole: 'analyst', agencyId });
  });

  it('grants every user of a member unit, and nobody of another unit', async () => {
    await addMember({ unitId, caseRole: 'investigator' });
    const inUnit = await buildActor(database, { agencyId, unitId });
    const otherUnit = await buildActor(database, { agencyId, unitId: otherUnitId });
    expect((await access.requireMember(inUnit, caseId)).caseRole).toBe('investigator');
    await expect(access.requireMember(otherUnit, caseId)).rejects.toMatchObject({ code: 'case_not_found' });
    expect(await access.memberCaseIds(inUnit)).toEqual([caseId]);
    expect(await access.memberCaseIds(otherUnit)).toEqual([]);
  });

  it('takes the strongest role when a user is a member directly and through the unit', async () => {
    const user = await buildActor(database, { agencyId, unitId });
    await addMember({ unitId, caseRole: 'observer' });
    await addMember({ userId: user.userId, caseRole: 'lead' });
    expect((await access.requireMember(user, caseId)).caseRole).toBe('lead');
    expect(await access.memberCaseIds(user)).toEqual([caseId]);
  });

  it('answers a missing case and a non-member case with the same error, whatever the system role', async () => {
    const admin: Actor = await buildActor(database, { agencyId, role: 'administrator' });
    const supervisor: Actor = await buildActor(database, { agencyId, role: 'supervisor' });
    const hidden = await access.requireMember(admin, caseId).catch((e: unknown) => e);
    const missing = await access.requireMember(admin, newId()).catch((e: unknown) => e);
    expect(hidden).toMatchObject({ kind: 'not_found', code: 'case_not_found' });
    expect(missing).toMatchObject({ kind: 'not_found', code: 'case_not_found' });
    expect((hidden as Error).message).toBe((missing as Error).message);
    await expect(access.requireMember(supervisor, caseId)).rejects.toMatchObject({ code: 'case_not_found' });
  });

  it('lets observers read but not write, and only leads manage', async () => {
    const observer = await buildActor(database, { agencyId });
    const investigator = await buildActor(database, { agencyId });
    await addMember({ userId: observer.userId, caseRole: 'observer' });
    await addMember({ userId: investigator.userId, caseRole: 'investigator' });
    await expect(access.requireWriter(observer, caseId)).rejects.toMatchObject({ code: 'case_read_only' });
    await expect(access.requireWriter(investigator, caseId)).resolves.toMatchObject({ caseRole: 'investigator' });
    await expect(access.requireLead(investigator, caseId)).rejects.toMatchObject({ code: 'case_lead_required' });
  });
});
