import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '@trag/db/testing';
import { allowsGeneratedMasterKey } from './victims.routes';
import { authHeaders, createTestAgency, createTestApp, createTestUser, type TestApp, type TestUser } from '../testing';

const AT = '2026-11-30T09:00:00.000Z';

describeEachDialect('victims routes', (dialect) => {
  let t: TestApp;
  let caseId: string;
  let socialWorker: TestUser;
  let investigator: TestUser;
  let prosecutor: TestUser;
  let outsider: TestUser;
  let victimId: string;

  async function addMember(user: TestUser, caseRole: string) {
    await t.database.db
      .insertInto('case_members')
      .values({
        id: randomUUID(),
        case_id: caseId,
        user_id: user.id,
        unit_id: null,
        case_role: caseRole,
        added_by: 'system',
        added_at: AT,
      })
      .execute();
  }
  const call = async (user: TestUser, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: await authHeaders(t, user),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const agency = await createTestAgency(t, { country: 'RS', kind: 'social_welfare' });
    socialWorker = await createTestUser(t, { role: 'social_worker', agencyId: agency.id });
    investigator = await createTestUser(t, { role: 'investigator', agencyId: agency.id });
    prosecutor = await createTestUser(t, { role: 'prosecutor', agencyId: agency.id });
    outsider = await createTestUser(t, { role: 'social_worker', agencyId: agency.id });
    caseId = randomUUID();
    await t.database.db
      .insertInto('cases')
      .values({
        id: caseId,
        agency_id: agency.id,
        reference: 'CSW-2026-0001',
        title: 'Synthetic case',
        case_type: 'labour_exploitation',
        status: 'open',
        jurisdiction: 'RS',
        opened_on: '2026-11-01',
        incident_from: null,
        incident_to: null,
        closed_at: null,
        close_reason: null,
        tags: '[]',
        description: '',
        contact_point: null,
        created_by: socialWorker.id,
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await addMember(socialWorker, 'social_worker');
    await addMember(investigator, 'lead');
    await addMember(prosecutor, 'prosecutor');
  });
  afterAll(async () => t.close());

  it('lets the social worker register a person with protected groups', async () => {
    const response = await call(socialWorker, 'POST', `/api/cases/${caseId}/victims`, {
      classification: {
        gender: 'Female',
        ageBand: '18-24',
        isChild: false,
        nationality: 'AL',
        exploitationTypes: ['labour'],
        recruitmentMethod: 'JobOfferOrAdvertisement',
      },
      groups: { identity: { prs_FirstName: 'Elira', prs_SecondName: 'Routecheck' } },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ victim: { id: string; code: string; groups: { identity?: unknown } } }>();
    expect(body.victim.code).toMatch(/^V-2026-\d{4}$/);
    expect(body.victim.groups.identity).toEqual({ prs_FirstName: 'Elira', prs_SecondName: 'Routecheck' });
    victimId = body.victim.id;
  });

  it('gives the investigator and prosecutor the pseudonym, never the name', async () => {
    for (const user of [investigator, prosecutor]) {
      const one = await call(user, 'GET', `/api/victims/${victimId}`);
      expect(one.statusCode).toBe(200);
      expect(one.body).not.toContain('Elira');
      expect(one.body).not.toContain('Routecheck');
      expect(one.json<{ victim: { code: string } }>().victim.code).toMatch(/^V-2026-/);
      const list = await call(user, 'GET', `/api/cases/${caseId}/victims`);
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain('Elira');
    }
    const write = await call(investigator, 'PUT', `/api/victims/${victimId}/groups`, {
      groups: { identity: { prs_FirstName: 'X' } },
    });
    expect(write.statusCode).toBe(403);
  });

  it('hides the record from non-members and from anonymous callers', async () => {
    expect((await call(outsider, 'GET', `/api/victims/${victimId}`)).statusCode).toBe(404);
    expect((await call(outsider, 'GET', `/api/cases/${caseId}/victims`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/victims/${victimId}` })).statusCode).toBe(401);
  });

  it('screens, records consent, refers to a shelter and shows the access log', async () => {
    const screened = await call(socialWorker, 'POST', `/api/victims/${victimId}/screenings`, {
      formId: 'ilo-forced-labour-11',
      answers: { retention_of_documents: { value: 'present', source: 'document' } },
    });
    expect(screened.statusCode, screened.body).toBe(200);
    const blocked = await call(socialWorker, 'POST', `/api/victims/${victimId}/referrals`, {
      serviceType: 'shelter',
      providerName: 'Safe House',
      sharedGroups: ['identity'],
    });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('referral_consent_missing');
    for (const c of [
      { purpose: 'services', state: 'given' },
      { purpose: 'sharing', recipient: 'Safe House', state: 'given' },
    ]) {
      const r = await call(socialWorker, 'POST', `/api/victims/${victimId}/consents`, {
        ...c,
        decidedOn: '2026-11-30',
        language: 'sq',
        interpreterUsed: true,
        recordedHow: 'signed_form',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const referral = await call(socialWorker, 'POST', `/api/victims/${victimId}/referrals`, {
      serviceType: 'shelter',
      providerName: 'Safe House',
      sharedGroups: ['identity'],
    });
    expect(referral.statusCode, referral.body).toBe(200);
    const open = await call(socialWorker, 'GET', '/api/victims/referrals/open');
    expect(open.json<{ referrals: { code: string; ageDays: number }[] }>().referrals).toHaveLength(1);
    const letter = await call(
      socialWorker,
      'GET',
      `/api/victims/referrals/${referral.json<{ referral: { id: string } }>().referral.id}/letter.pdf`,
    );
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    const log = await call(socialWorker, 'GET', `/api/victims/${victimId}/access-log`);
    expect(log.statusCode).toBe(200);
    expect(log.json<{ entries: { actorRole: string }[] }>().entries.map((e) => e.actorRole)).toContain('social_worker');
    expect((await call(investigator, 'GET', `/api/victims/${victimId}/access-log`)).statusCode).toBe(403);
  });

  it('refuses malformed input with a clear 400', async () => {
    const unknownField = await call(socialWorker, 'PUT', `/api/victims/${victimId}/groups`, {
      groups: { identity: { shoeSize: '42' } },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json<{ error: { code: string } }>().error.code).toBe('victim_field_unknown');
    const extra = await call(socialWorker, 'POST', `/api/victims/${victimId}/screenings`, {
      formId: 'ilo-forced-labour-11',
      answers: {},
      extra: 1,
    });
    expect(extra.statusCode).toBe(400);
    const noSource = await call(socialWorker, 'POST', `/api/victims/${victimId}/screenings`, {
      formId: 'ilo-forced-labour-11',
      answers: { deception: { value: 'present' } },
    });
    expect(noSource.json<{ error: { code: string } }>().error.code).toBe('screening_answer_source_required');
  });

  it('serves only verified helplines, with their sources', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/victims/helplines?country=BA' });
    expect(response.json()).toEqual({ helplines: [] });
    const rs = await t.app.inject({ method: 'GET', url: '/api/victims/helplines?country=RS' });
    expect(rs.json<{ helplines: { source: string }[] }>().helplines.every((h) => h.source.length > 0)).toBe(true);
  });
});

it('treats anything but demo, development and test as production for the master key', () => {
  expect(allowsGeneratedMasterKey(false, { NODE_ENV: 'production' })).toBe(false);
  expect(allowsGeneratedMasterKey(false, {})).toBe(false);
  expect(allowsGeneratedMasterKey(true, {})).toBe(true);
});
