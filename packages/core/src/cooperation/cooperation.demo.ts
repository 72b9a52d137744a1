// The cooperation part of the SYNTHETIC demo workspace. Story: the Belgrade police (RS) hold the phone number the
// recruiter in the Sarajevo case "Operation Skela" answers from. The two agencies are trusted partners (cards
// exchanged, fingerprints compared); Belgrade sent Sarajevo an H2 package — a note, the phone and a call-log
// extract — which Sarajevo imported into the Skela case and receipted. Every number and name is invented.
import { Readable } from 'node:stream';
import type { CasesDemo } from '@trag/core/cases';
import { CaseService, EntityService } from '@trag/core/cases';
import { AgencyService, demoActorOfRole, type IdentityDemo } from '@trag/core/identity';
import type { Actor, CoreContext } from '@trag/core/shared';
import { buildPartnerCard } from './partner-card';
import { CooperationService } from './cooperation.service';

export interface CooperationDemo {
  packageId: string;
  caseId: string;
}

const SYNTHETIC = '> Synthetic demo data: every person, number and account here is invented.\n\n';

/** The local operator acting as an agency's cooperation officer while the demo is loaded. */
const officerOf = (agencyId: string): Actor => ({
  userId: 'system',
  username: 'system',
  displayName: 'Demo loader',
  agencyId,
  unitId: null,
  role: 'administrator',
  ip: null,
  via: 'system',
});

export async function loadCooperationDemo(
  ctx: CoreContext,
  demo: { identity: IdentityDemo; cases?: CasesDemo },
): Promise<CooperationDemo | null> {
  const labour = demo.cases?.cases.find((c) => c.key === 'labour');
  if (!labour) return null;
  const sarajevo = demoActorOfRole(demo.identity, 'investigator'); // BA police, lead of Operation Skela
  const belgrade = demoActorOfRole(demo.identity, 'analyst'); // RS police
  const service = new CooperationService(ctx);
  const agencies = new AgencyService(ctx);

  // 1. Cards exchanged and accepted on both sides (in real life: after reading fingerprints by phone).
  const partnerIds = new Map<string, string>();
  for (const [me, other] of [
    [sarajevo.agencyId, belgrade.agencyId],
    [belgrade.agencyId, sarajevo.agencyId],
  ] as const) {
    const otherAgency = await agencies.get(other);
    const card = buildPartnerCard(
      await service.identity(other),
      otherAgency,
      null,
      `${otherAgency.name}, duty desk for international cooperation (synthetic)`,
    );
    const partner = await service.importPartner(officerOf(me), card);
    await service.setPartnerStatus(officerOf(me), partner.id, 'trusted');
    partnerIds.set(me, partner.id);
  }

  // 2. Belgrade's own case with the recruiter's Serbian number and a call-log extract.
  const cases = new CaseService(ctx);
  const rsCase = await cases.create(belgrade, {
    title: 'DEMO Belgrade: night-time recruiter line',
    type: 'labour_exploitation',
    description: `${SYNTHETIC}Subscriber checks on a prepaid line used to call workers recruited in Sarajevo.`,
  });
  const entities = new EntityService(ctx);
  const phone = await entities.create(belgrade, rsCase.id, {
    type: 'phone',
    identifier: '+381 64 555 0199',
    label: 'Recruiter prepaid line (synthetic)',
    source: 'manual',
  });
  const person = await entities.create(belgrade, rsCase.id, {
    type: 'person',
    label: 'Subscriber "M. D." (synthetic)',
    source: 'manual',
  });
  const note = await cases.addNote(
    belgrade,
    rsCase.id,
    `${SYNTHETIC}The prepaid line +381 64 555 0199 called the Sarajevo number +387 61 555 012 41 times between 22:00 and 02:00 in September 2026.`,
  );
  const callLog = await service.evidence.collect(
    belgrade,
    rsCase.id,
    {
      fileName: 'call-log-extract.csv',
      mediaType: 'text/csv',
      description: 'Call-log extract for the prepaid line (synthetic)',
      legalBasis: 'Court order Kpp-DEMO-114/26 (synthetic)',
    },
    Readable.from([
      'time_utc,caller,callee,seconds\n2026-09-03T21:14:00Z,+381645550199,+38761555012,312\n2026-09-04T23:02:00Z,+381645550199,+38761555012,95\n',
    ]),
  );

  // 3. Belgrade sends the package (H2: no onward sharing), Sarajevo receives and imports it into Operation Skela.
  const sent = await service.createPackage(belgrade, {
    caseId: rsCase.id,
    partnerIds: [partnerIds.get(belgrade.agencyId)!],
    entityIds: [phone.entity.id, person.entity.id],
    noteIds: [note.id],
    evidenceIds: [callLog.id],
    handlingCode: 'H2',
    restrictions: 'Not to be passed to any third party without the consent of the Police Directorate Belgrade.',
    sourceGrade: 'B',
    informationGrade: 2,
    purpose: 'Identify the recruiter behind the Operation Skela adverts',
    legalBasis: 'Bilateral police cooperation agreement BA–RS (synthetic reference)',
    expiresInDays: 90,
  });
  const file = await service.openPackageFile(belgrade, sent.id);
  const { createWriteStream, promises: fs } = await import('node:fs');
  const { pipeline } = await import('node:stream/promises');
  const path = await import('node:path');
  const incoming = path.join(ctx.dataDir, 'cooperation', 'incoming');
  await fs.mkdir(incoming, { recursive: true, mode: 0o700 });
  const copy = path.join(incoming, `demo-${sent.packageId}.zip`);
  await pipeline(file.stream, createWriteStream(copy));
  const received = await service.receivePackageFile(sarajevo.agencyId, copy, sarajevo);
  const imported = await service.importPackage(sarajevo, received.row.id, { caseId: labour.id });
  const receipt = await service.receiptOf(sarajevo, received.row.id);
  await service.acceptReceipt(belgrade.agencyId, receipt, belgrade);

  // 4. Both hit/no-hit indexes are up to date, so a query for the Sarajevo phone from Belgrade shows a hit.
  await service.refreshIndex(sarajevo.agencyId);
  await service.refreshIndex(belgrade.agencyId);
  return { packageId: sent.packageId, caseId: imported.caseId };
}
