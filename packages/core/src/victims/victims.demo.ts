// SYNTHETIC demo part for victim protection: every person, name and story here is invented.
// A labour-exploitation case shared by a police investigator (BA), a prosecutor (ME) and a social worker (MK):
// the social worker holds the identities; the investigator and prosecutor see only the pseudonyms. One person was
// screened with the ILO indicators, consented to services and to sharing with a shelter, and was referred there; an
// interview is planned with the trauma-informed checklist; a break-glass read waits for the social worker. A 2025
// caseload of pseudonymous records feeds the k-anonymised statistics page.
import { CaseService } from '../cases';
import { demoActor } from '../identity/identity.demo';
import type { Role } from '../shared/actor';
import { fixedClock } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import type { Classification } from './field-groups';
import { ReferralService } from './referral.service';
import { ScreeningService } from './screening.service';
import { VictimRecordService } from './victim-record.service';
import { victimProtectionFor } from './victim-protection';

interface DemoAccountLike {
  role: Role;
  username: string;
  userId: string;
  agencyId: string;
  displayName: string;
}

export interface VictimsDemo {
  caseId: string;
  recordIds: string[];
}

const c = (v: Partial<Classification>): Classification => ({
  gender: 'Female',
  ageBand: '18-24',
  isChild: false,
  nationality: 'MK',
  exploitationTypes: ['labour'],
  recruitmentMethod: 'Internet',
  ...v,
});

export async function loadVictimsDemo(
  ctx: CoreContext,
  demo: { identity: { accounts: DemoAccountLike[] } },
): Promise<VictimsDemo | null> {
  const find = (role: Role) => demo.identity.accounts.find((a) => a.role === role);
  const inv = find('investigator');
  const sw = find('social_worker');
  const pros = find('prosecutor');
  const sup = find('supervisor');
  if (!inv || !sw || !pros || !sup) return null;
  const investigator = demoActor(inv, 'system');
  const socialWorker = demoActor(sw, 'system');
  const supervisor = demoActor(sup, 'system');
  const protection = victimProtectionFor(ctx, { allowGeneratedKey: true });

  const cases = new CaseService(ctx);
  const created = await cases.create(investigator, {
    title: 'DEMO Seasonal farm work abroad — messenger job ads (synthetic)',
    type: 'labour_exploitation',
    jurisdiction: 'BA',
    openedOn: '2026-10-12',
    tags: ['demo', 'victims'],
    description:
      'SYNTHETIC DEMO. Young people from North Macedonia and Albania answered a messenger job ad for fruit picking; ' +
      'passports were kept "for the visa", wages were held back until the end of the season.',
  });
  const caseId = created.id;
  await cases.addMember(investigator, caseId, { userId: sw.userId, caseRole: 'social_worker' });
  await cases.addMember(investigator, caseId, { userId: pros.userId, caseRole: 'prosecutor' });
  await cases.addMember(investigator, caseId, { userId: sup.userId, caseRole: 'observer' });

  const records = new VictimRecordService(ctx, protection);
  const a = await records.create(socialWorker, {
    caseId,
    classification: c({ gender: 'Female', ageBand: '18-24', nationality: 'MK', recruitmentMethod: 'Internet' }),
    status: 'identified',
    statusBody: 'DEMO National Referral Mechanism, Skopje',
    statusDate: '2026-10-20',
    groups: {
      identity: { prs_FirstName: 'DEMO Elena', prs_SecondName: 'Primerska', prs_MailingCity: 'Kumanovo' },
      origin: { prs_Nationality: 'MK', languages: ['mk', 'sq'], interpreterLanguage: '' },
      vulnerabilities: {
        vic_Vulnerabilities: ['Poverty', 'Migration'],
        vic_DetailsOfVulnerabilities: 'Synthetic: family debt after illness.',
      },
      story: {
        statement:
          'Synthetic statement: answered a messenger ad, passport kept by the farm manager, no pay for 3 months.',
        vic_MethodOfRecruitment: ['Internet (social media, online advertisement)'],
        vic_MethodsOfControl: ['WithholdsDocuments', 'TakesEarnings'],
        vic_TypeOfLabourExploitation: ['Agriculture'],
      },
    },
  });
  const b = await records.create(socialWorker, {
    caseId,
    classification: c({
      gender: 'Male',
      ageBand: '12-17',
      isChild: true,
      nationality: 'AL',
      recruitmentMethod: 'Familial',
    }),
    groups: {
      identity: { prs_FirstName: 'DEMO Arben', prs_SecondName: 'Shembulli' },
      age: { ageEstimate: '16', isChild: true, guardianAppointed: true },
    },
  });
  await records.create(investigator, {
    caseId,
    classification: c({ gender: 'Female', ageBand: '25-34', nationality: 'BA' }),
  });

  const screening = new ScreeningService(ctx, protection);
  await screening.screen(socialWorker, a.record.id, {
    formId: 'ilo-forced-labour-11',
    answers: {
      deception: { value: 'present', source: 'interview' },
      retention_of_documents: {
        value: 'present',
        source: 'interview',
        note: 'Synthetic: passport kept "for the visa".',
      },
      withholding_of_wages: { value: 'present', source: 'document' },
      isolation: { value: 'present', source: 'observation' },
      physical_sexual_violence: { value: 'unknown' },
    },
  });
  await screening.planInterview(investigator, a.record.id, {
    plannedFor: '2026-12-04',
    interpreterNeeded: false,
    answers: {
      support_person_offered: 'yes',
      same_sex_interviewer_offered: 'yes',
      earlier_interviews_checked: 'yes',
      breaks_planned: 'yes',
      interpreter_screened: 'not_applicable',
      child_procedure: 'not_applicable',
    },
  });

  // Dated in the past so that the open-referral list shows realistic ages.
  const referrals = new ReferralService({ ...ctx, clock: fixedClock('2026-10-22T09:30:00.000Z') }, protection);
  const laterReferrals = new ReferralService({ ...ctx, clock: fixedClock('2026-11-10T11:00:00.000Z') }, protection);
  const consent = {
    decidedOn: '2026-10-21',
    language: 'mk',
    interpreterUsed: false,
    recordedHow: 'signed_form' as const,
  };
  await referrals.recordConsent(socialWorker, a.record.id, { ...consent, purpose: 'services', state: 'given' });
  await referrals.recordConsent(socialWorker, a.record.id, {
    ...consent,
    purpose: 'sharing',
    recipient: 'DEMO Safe House Skopje',
    state: 'given',
  });
  await referrals.recordConsent(socialWorker, a.record.id, { ...consent, purpose: 'statistics', state: 'given' });
  await referrals.recordConsent(socialWorker, a.record.id, { ...consent, purpose: 'proceedings', state: 'refused' });
  const shelter = await referrals.createReferral(socialWorker, a.record.id, {
    serviceType: 'shelter',
    providerName: 'DEMO Safe House Skopje',
    sharedGroups: ['identity', 'origin'],
  });
  await referrals.transition(socialWorker, shelter.id, { to: 'accepted' });
  await laterReferrals.recordConsent(socialWorker, a.record.id, {
    ...consent,
    purpose: 'sharing',
    recipient: 'DEMO Legal Aid Centre',
    state: 'given',
  });
  await laterReferrals.createReferral(socialWorker, a.record.id, {
    serviceType: 'legal_aid',
    providerName: 'DEMO Legal Aid Centre',
    sharedGroups: ['identity'],
  });
  await records.open(supervisor, b.record.id, {
    breakGlassReason: 'DEMO: child reported missing from the shelter, need guardian contact',
  });

  // 2025 caseload for the statistics page (pseudonymous classification only).
  const caseload = await cases.create(investigator, {
    title: 'DEMO 2025 caseload — pseudonymous records for statistics (synthetic)',
    type: 'other',
    jurisdiction: 'BA',
    openedOn: '2025-01-15',
    tags: ['demo', 'statistics'],
    description: 'SYNTHETIC DEMO. Pseudonymous records registered in 2025, shown as k-anonymised statistics.',
  });
  await cases.addMember(investigator, caseload.id, { userId: sw.userId, caseRole: 'social_worker' });
  const ctx2025: CoreContext = { ...ctx, clock: fixedClock('2025-07-01T10:00:00.000Z') };
  const past = new VictimRecordService(ctx2025, protection);
  const mix: Partial<Classification>[] = [
    ...Array.from({ length: 9 }, () => ({ nationality: 'MK', exploitationTypes: ['labour' as const] })),
    ...Array.from({ length: 7 }, () => ({ nationality: 'AL', gender: 'Male' as const, ageBand: '25-34' as const })),
    ...Array.from({ length: 6 }, () => ({
      nationality: 'BA',
      exploitationTypes: ['sexual' as const],
      recruitmentMethod: 'IntimatePartnerOrMarriageProposition' as const,
    })),
    ...Array.from({ length: 2 }, () => ({
      nationality: 'RS',
      ageBand: '12-17' as const,
      exploitationTypes: ['begging' as const],
    })),
  ];
  for (const v of mix)
    await past.create(socialWorker, {
      caseId,
      classification: c(v),
      status: 'identified',
      statusBody: 'DEMO NRM',
      statusDate: '2025-07-01',
    });
  return { caseId, recordIds: [a.record.id, b.record.id] };
}
