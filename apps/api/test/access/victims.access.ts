// Victim protection (packages/core/src/victims/victim.policy.ts): case membership first, then the user's
// professional role. Record-scoped routes get a victim record (with consents and a referral) in the fixture case.
import { randomUUID } from 'node:crypto';
import { VictimRecordService, victimProtectionFor } from '@trag/core/victims';
import type { Actor } from '@trag/core/shared';
import type { AccessFixture, AccessTable } from './access-table';

const records = new Map<string, { recordId: string; referralId: string }>();
const AT = '2026-11-30T09:00:00.000Z';

/** A victim record in the fixture case (created by the case lead), with services/sharing consent and a referral. */
async function victimOf(fx: AccessFixture): Promise<{ recordId: string; referralId: string }> {
  const existing = records.get(fx.case.id);
  if (existing) return existing;
  const db = fx.t.core.database.db;
  const lead = await db
    .selectFrom('case_members')
    .innerJoin('users', 'users.id', 'case_members.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.agency_id'])
    .where('case_members.case_id', '=', fx.case.id)
    .where('case_members.case_role', '=', 'lead')
    .orderBy('case_members.added_at')
    .executeTakeFirstOrThrow();
  const actor: Actor = {
    userId: lead.id,
    username: lead.username,
    displayName: lead.display_name,
    agencyId: lead.agency_id,
    unitId: null,
    role: 'investigator',
    ip: null,
    via: 'session',
  };
  const protection = victimProtectionFor(fx.t.core, { allowGeneratedKey: true });
  const view = await new VictimRecordService(fx.t.core, protection).create(actor, {
    caseId: fx.case.id,
    classification: {
      gender: 'Female',
      ageBand: '18-24',
      isChild: false,
      nationality: 'RS',
      exploitationTypes: ['labour'],
      recruitmentMethod: 'Unknown',
    },
  });
  const recordId = view.record.id;
  for (const [purpose, recipient] of [
    ['services', ''],
    ['sharing', 'Matrix Shelter'],
  ] as const) {
    await db
      .insertInto('victim_consents')
      .values({
        id: randomUUID(),
        record_id: recordId,
        case_id: fx.case.id,
        purpose,
        recipient,
        state: 'given',
        decided_on: '2026-11-29',
        language: 'en',
        interpreter_used: 0,
        recorded_how: 'signed_form',
        recorded_by: lead.id,
        created_at: AT,
      })
      .execute();
  }
  const referralId = randomUUID();
  await db
    .insertInto('victim_referrals')
    .values({
      id: referralId,
      record_id: recordId,
      case_id: fx.case.id,
      service_type: 'shelter',
      provider_name: 'Matrix Shelter',
      provider_agency_id: null,
      state: 'sent',
      consent_id: null,
      override_reason: null,
      shared_groups: '[]',
      created_by: lead.id,
      created_at: AT,
      updated_at: AT,
      closed_at: null,
    })
    .execute();
  const made = { recordId, referralId };
  records.set(fx.case.id, made);
  return made;
}

/** A record of the caller's own agency (retention is agency-wide, not case-scoped). */
async function ownAgencyRecord(fx: AccessFixture): Promise<string> {
  const caseRow = await fx.t.core.database.db.selectFrom('cases').select('id').limit(1).executeTakeFirstOrThrow();
  const id = randomUUID();
  await fx.t.core.database.db
    .insertInto('victim_records')
    .values({
      id,
      case_id: caseRow.id,
      agency_id: fx.actor.agencyId,
      code: `V-2026-M${fx.unique}`,
      data_key_id: null,
      status: 'presumed',
      status_body: null,
      status_date: null,
      gender: 'Unknown',
      age_band: 'unknown',
      is_child: 0,
      nationality: 'XX',
      exploitation_types: '[]',
      recruitment_method: 'Unknown',
      country: 'BA',
      registration_year: 2026,
      owner_user_id: fx.actor.id,
      created_by: fx.actor.id,
      created_at: AT,
      updated_at: AT,
      erased_at: null,
      erased_by: null,
      erasure_reason: null,
    })
    .execute();
  return id;
}

const classification = {
  gender: 'Male',
  ageBand: '25-34',
  isChild: false,
  nationality: 'BA',
  exploitationTypes: ['labour'],
  recruitmentMethod: 'Unknown',
};
const rec = (suffix: string) => async (fx: AccessFixture) => ({
  url: `/api/victims/${(await victimOf(fx)).recordId}${suffix}`,
});

const table: AccessTable = {
  domain: 'victims',
  entries: [
    {
      route: 'GET /api/cases/:caseId/victims',
      allow: { roles: 'all', membership: 'member' },
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/victims` }),
    },
    {
      route: 'POST /api/cases/:caseId/victims',
      allow: { roles: ['social_worker', 'investigator'], membership: 'member' },
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/victims`, payload: { classification } }),
    },
    { route: 'GET /api/victims/policy', allow: { roles: 'all' } },
    { route: 'GET /api/victims/alerts', allow: { roles: 'all' } },
    {
      route: 'POST /api/victims/alerts/:id/acknowledge',
      allow: { roles: 'all' },
      anonymousOnly: 'needs a break-glass alert on a record the caller owns (covered in victims.routes.test.ts)',
    },
    { route: 'GET /api/victims/screening-forms', allow: { roles: 'all' } },
    { route: 'GET /api/victims/interview-checklist', allow: { roles: 'all' } },
    { route: 'GET /api/victims/helplines', allow: { public: true } },
    { route: 'GET /api/victims/referrals/open', allow: { roles: ['social_worker', 'supervisor'] } },
    { route: 'GET /api/victims/retention/due', allow: { roles: ['supervisor', 'administrator'] } },
    {
      route: 'GET /api/victims/statistics/:year',
      allow: { roles: ['supervisor', 'administrator', 'analyst'] },
      request: () => ({ url: '/api/victims/statistics/2025' }),
    },
    {
      route: 'GET /api/victims/statistics/:year/export.csv',
      allow: { roles: ['supervisor', 'administrator', 'analyst'] },
      request: () => ({ url: '/api/victims/statistics/2025/export.csv' }),
    },
    { route: 'GET /api/victims/:id', allow: { roles: 'all', membership: 'member' }, request: rec('') },
    {
      route: 'POST /api/victims/:id/break-glass',
      allow: { roles: ['investigator', 'prosecutor', 'supervisor'], membership: 'member' },
      request: async (fx) => ({
        ...(await rec('/break-glass')(fx)),
        payload: { reason: 'Matrix emergency access test' },
      }),
    },
    {
      route: 'PUT /api/victims/:id/groups',
      allow: { roles: ['social_worker'], membership: 'member' },
      request: async (fx) => ({
        ...(await rec('/groups')(fx)),
        payload: { groups: { health: { healthNotes: 'matrix' } } },
      }),
    },
    {
      route: 'PUT /api/victims/:id/status',
      allow: { roles: ['social_worker', 'investigator'], membership: 'member' },
      request: async (fx) => ({
        ...(await rec('/status')(fx)),
        payload: { status: 'presumed', statusBody: null, statusDate: null },
      }),
    },
    {
      route: 'GET /api/victims/:id/access-log',
      allow: { roles: ['social_worker', 'supervisor'], membership: 'member' },
      request: rec('/access-log'),
    },
    {
      route: 'POST /api/victims/:id/screenings',
      allow: { roles: ['social_worker', 'investigator'], membership: 'member' },
      request: async (fx) => ({
        ...(await rec('/screenings')(fx)),
        payload: { formId: 'ilo-forced-labour-11', answers: { deception: { value: 'present', source: 'interview' } } },
      }),
    },
    {
      route: 'GET /api/victims/:id/screenings',
      allow: { roles: ['social_worker', 'investigator'], membership: 'member' },
      request: rec('/screenings'),
    },
    {
      route: 'POST /api/victims/:id/interview-plans',
      allow: { roles: ['social_worker', 'investigator', 'prosecutor'], membership: 'member' },
      request: async (fx) => ({
        ...(await rec('/interview-plans')(fx)),
        payload: { plannedFor: '2026-12-01', interpreterNeeded: false, answers: {} },
      }),
    },
    {
      route: 'GET /api/victims/:id/interview-plans',
      allow: { roles: ['social_worker', 'investigator', 'prosecutor', 'supervisor'], membership: 'member' },
      request: rec('/interview-plans'),
    },
    {
      route: 'POST /api/victims/:id/consents',
      allow: { roles: ['social_worker'], membership: 'member' },
      request: async (fx) => ({
        ...(await rec('/consents')(fx)),
        payload: {
          purpose: 'statistics',
          state: 'given',
          decidedOn: '2026-11-30',
          language: 'en',
          interpreterUsed: false,
          recordedHow: 'signed_form',
        },
      }),
    },
    {
      route: 'GET /api/victims/:id/consents',
      allow: { roles: ['social_worker', 'investigator', 'prosecutor', 'supervisor'], membership: 'member' },
      request: rec('/consents'),
    },
    {
      route: 'POST /api/victims/:id/referrals',
      allow: { roles: ['social_worker', 'supervisor'], membership: 'member' },
      request: async (fx) => ({
        ...(await rec('/referrals')(fx)),
        payload: { serviceType: 'shelter', providerName: 'Matrix Shelter', sharedGroups: [] },
      }),
    },
    {
      route: 'GET /api/victims/:id/referrals',
      allow: { roles: ['social_worker', 'supervisor'], membership: 'member' },
      request: rec('/referrals'),
    },
    {
      route: 'POST /api/victims/referrals/:id/state',
      allow: { roles: ['social_worker', 'supervisor'], membership: 'member' },
      request: async (fx) => ({
        url: `/api/victims/referrals/${(await victimOf(fx)).referralId}/state`,
        payload: { to: 'accepted' },
      }),
    },
    {
      route: 'GET /api/victims/referrals/:id/letter.pdf',
      allow: { roles: ['social_worker', 'supervisor'], membership: 'member' },
      request: async (fx) => ({ url: `/api/victims/referrals/${(await victimOf(fx)).referralId}/letter.pdf` }),
    },
    {
      route: 'POST /api/victims/:id/erase',
      allow: { roles: ['supervisor', 'administrator'] },
      fresh: true,
      request: async (fx) => ({
        url: `/api/victims/${await ownAgencyRecord(fx)}/erase`,
        payload: { reason: 'matrix retention test' },
      }),
    },
  ],
};

export default table;
