import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { AuditService } from '../audit';
import { verifiedHelplines } from './helplines';
import { ReferralService } from './referral.service';
import { VictimRecordService } from './victim-record.service';
import { buildClassification, buildVictimsWorld, type VictimsWorld } from './victims.builders';

const consent = (
  purpose: 'services' | 'sharing' | 'proceedings' | 'statistics',
  state: 'given' | 'withdrawn' | 'refused',
  recipient?: string,
) => ({
  purpose,
  state,
  recipient,
  decidedOn: '2026-11-29',
  language: 'sq',
  interpreterUsed: true,
  recordedHow: 'signed_form' as const,
});

describeEachDialect('consent and referrals', (dialect) => {
  let database: TestDatabase;
  let w: VictimsWorld;
  let referrals: ReferralService;
  let records: VictimRecordService;
  let recordId: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    w = await buildVictimsWorld(database);
    referrals = new ReferralService(w.ctx, w.protection);
    records = new VictimRecordService(w.ctx, w.protection);
    recordId = (
      await records.create(w.socialWorker, {
        caseId: w.caseId,
        classification: buildClassification(),
        groups: { identity: { prs_FirstName: 'Drita' }, health: { healthNotes: 'asthma' } },
      })
    ).record.id;
  });
  afterAll(async () => {
    await w.close();
    await database.destroy();
  });

  const shelter = {
    serviceType: 'shelter' as const,
    providerName: 'Safe House Novi Sad',
    sharedGroups: ['identity' as const],
  };

  it('blocks a referral without consent to services and to sharing with that provider', async () => {
    await expect(referrals.createReferral(w.socialWorker, recordId, shelter)).rejects.toMatchObject({
      code: 'referral_consent_missing',
    });
    await referrals.recordConsent(w.socialWorker, recordId, consent('services', 'given'));
    await referrals.recordConsent(w.socialWorker, recordId, consent('sharing', 'given', 'Another Provider'));
    await expect(referrals.createReferral(w.socialWorker, recordId, shelter)).rejects.toMatchObject({
      code: 'referral_consent_missing',
    });
  });

  it('lets only the override permission refer without consent, with a reason, audited', async () => {
    await expect(
      referrals.createReferral(w.socialWorker, recordId, {
        ...shelter,
        overrideReason: 'Needs a bed tonight, cannot reach her',
      }),
    ).rejects.toMatchObject({
      code: 'referral_override_denied',
    });
    const r = await referrals.createReferral(w.supervisor, recordId, {
      ...shelter,
      overrideReason: 'Needs a bed tonight, cannot reach her',
    });
    expect(r.override_reason).toContain('bed tonight');
    const audit = await new AuditService(w.ctx).list({ action: 'victim.referral.consent_override' }, 10, 0);
    expect(audit.total).toBe(1);
  });

  it('refers with consent, moves sent → accepted → done, and lists open referrals with their age', async () => {
    await referrals.recordConsent(w.socialWorker, recordId, consent('sharing', 'given', 'safe house  novi sad'));
    const r = await referrals.createReferral(w.socialWorker, recordId, { ...shelter, note: 'arrives by bus' });
    expect(r.state).toBe('sent');
    const open = await referrals.openReferrals(w.socialWorker);
    expect(open.find((o) => o.id === r.id)).toMatchObject({ ageDays: 0, state: 'sent' });
    await referrals.transition(w.socialWorker, r.id, { to: 'accepted' });
    await expect(referrals.transition(w.socialWorker, r.id, { to: 'sent' })).rejects.toMatchObject({
      code: 'referral_transition_invalid',
    });
    await referrals.transition(w.socialWorker, r.id, { to: 'done', note: 'stayed 3 weeks' });
    expect((await referrals.openReferrals(w.socialWorker)).find((o) => o.id === r.id)).toBeUndefined();
    const events = await database.db.selectFrom('victim_referral_events').select('note_sealed').execute();
    expect(JSON.stringify(events)).not.toContain('arrives by bus');
  });

  it('puts only consented groups and verified helplines into the letter, and refuses it after withdrawal', async () => {
    const r = await referrals.createReferral(w.socialWorker, recordId, shelter);
    const letter = await referrals.prepareLetter(w.socialWorker, r.id);
    expect(Object.keys(letter.groups)).toEqual(['identity']);
    expect(JSON.stringify(letter)).not.toContain('asthma');
    expect(letter.helplines).toEqual(verifiedHelplines('RS'));
    expect(letter.helplines.every((h) => h.verified)).toBe(true);
    const pdf = await referrals.letter(w.socialWorker, r.id);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await referrals.recordConsent(w.socialWorker, recordId, {
      ...consent('sharing', 'withdrawn', 'Safe House Novi Sad'),
      decidedOn: '2026-11-30',
    });
    await expect(referrals.prepareLetter(w.socialWorker, r.id)).rejects.toMatchObject({
      code: 'referral_consent_missing',
    });
    await expect(referrals.listReferrals(w.investigator, recordId)).rejects.toMatchObject({
      code: 'victim_permission_denied',
    });
  });

  it('never shows unverified helplines', () => {
    expect(verifiedHelplines('BA')).toEqual([]);
    expect(verifiedHelplines().length).toBeGreaterThan(0);
  });
});
