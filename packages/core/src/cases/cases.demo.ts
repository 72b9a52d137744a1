// The cases part of the synthetic demo workspace: three clearly fictional regional cases with members across
// agencies, entities, links, notes and tasks, and one phone number shared by two cases with different members, so
// that the demo shows a hit (non-member sees only "exists, who to contact") next to a member's link.
// Every name, number, account and address below is invented for the demo; titles start with "DEMO".
import { demoActorOfRole, type IdentityDemo } from '@trag/core/identity';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { CaseService } from './case.service';
import { EntityService, type EntityCreateInput } from './entity.service';
import type { cases } from '@trag/contracts';

export interface CasesDemo {
  cases: { key: string; id: string; reference: string }[];
  /** The phone number (E.164) present in two cases with different members. */
  sharedPhone: string;
}

const SYNTHETIC = '> Synthetic demo data: every person, number, account and company in this case is invented.\n\n';
const SHARED_PHONE = '+387 61 555 012';

function unitId(demo: IdentityDemo, name: string): string {
  for (const agency of demo.agencies) {
    const unit = agency.units.find((u) => u.name === name);
    if (unit) return unit.id;
  }
  throw new Error(`The identity demo has no unit "${name}".`);
}

type EntitySpec = EntityCreateInput & { key: string };
type LinkSpec = [from: string, type: cases.LinkType, to: string, source: string];

async function addEntities(
  entities: EntityService,
  actor: Actor,
  caseId: string,
  specs: EntitySpec[],
  links: LinkSpec[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { key, ...input } of specs) ids.set(key, (await entities.create(actor, caseId, input)).entity.id);
  for (const [from, type, to, source] of links)
    await entities.createLink(actor, caseId, { fromEntityId: ids.get(from)!, toEntityId: ids.get(to)!, type, source });
  return ids;
}

export async function loadCasesDemo(ctx: CoreContext, identityDemo: IdentityDemo): Promise<CasesDemo> {
  const caseService = new CaseService(ctx);
  const entities = new EntityService(ctx);
  const investigator = demoActorOfRole(identityDemo, 'investigator'); // BA police
  const analyst = demoActorOfRole(identityDemo, 'analyst'); // RS police
  const prosecutor = demoActorOfRole(identityDemo, 'prosecutor'); // ME prosecution
  const socialWorker = demoActorOfRole(identityDemo, 'social_worker'); // MK social work
  const out: CasesDemo['cases'] = [];

  // 1. Labour exploitation: construction workers from BA and RS recruited through Facebook ads for Germany.
  const labour = await caseService.create(investigator, {
    title: 'DEMO Operation Skela: construction workers recruited for Germany',
    type: 'labour_exploitation',
    jurisdiction: 'BA — Kanton Sarajevo',
    openedOn: '2026-09-14',
    incidentFrom: '2026-03-01',
    incidentTo: '2026-08-31',
    tags: ['facebook', 'construction', 'germany', 'debt bondage'],
    contactPoint: 'DEMO Anti-Trafficking Unit Sarajevo, duty desk (demo)',
    description:
      SYNTHETIC +
      '## Summary\nFacebook adverts ("Posao u Njemačkoj — gradilište, 2.500 € mjesečno, smještaj besplatan") ' +
      'recruited men from BA and RS for building sites near Munich. On arrival their passports were kept ' +
      '"for registration", wages were withheld against travel and housing debts, and they worked 12-hour days.\n\n' +
      '## Lines of enquiry\n- Identify the account holder of the advert page\n- Trace payments to the IBAN in Germany\n' +
      '- Coordinate with the RS Border Police on the transport route',
  });
  out.push({ key: 'labour', id: labour.id, reference: labour.reference });
  await caseService.addMember(investigator, labour.id, { userId: analyst.userId, caseRole: 'analyst' });
  await caseService.addMember(investigator, labour.id, {
    unitId: unitId(identityDemo, 'DEMO Cybercrime Unit'),
    caseRole: 'analyst',
  });
  await addEntities(
    entities,
    investigator,
    labour.id,
    [
      {
        key: 'recruiter',
        type: 'person',
        label: 'Dragan DEMO-Marić',
        attributes: { role: 'suspected recruiter', nationality: 'BA' },
      },
      { key: 'company', type: 'organisation', label: 'DEMO Bau-Partner GmbH', attributes: { country: 'DE' } },
      {
        key: 'page',
        type: 'online_account',
        platform: 'facebook',
        identifier: 'https://www.facebook.com/posao.njemacka.demo',
        source: 'screenshot of advert, 2026-09-02',
      },
      { key: 'phone', type: 'phone', identifier: SHARED_PHONE, label: 'Number in the advert', source: 'advert text' },
      {
        key: 'site',
        type: 'website',
        identifier: 'https://posao-njemacka.example/prijava?utm_source=facebook',
        source: 'advert link',
      },
      {
        key: 'iban',
        type: 'bank_account',
        identifier: 'DE89 3704 0044 0532 0130 00',
        label: 'Account for "travel deposit"',
        source: 'witness statement W-2',
      },
      {
        key: 'van',
        type: 'vehicle',
        identifier: 'M-DE 4821',
        label: 'White van used for transport',
        attributes: { make: 'demo van' },
      },
      { key: 'munich', type: 'location', label: 'Building site, Munich-Riem (demo)' },
    ],
    [
      ['recruiter', 'uses', 'phone', 'advert text + witness statement W-1'],
      ['recruiter', 'uses', 'page', 'page admin name on screenshot'],
      ['page', 'posted', 'site', 'advert screenshot'],
      ['company', 'employs', 'recruiter', 'German company register (demo)'],
      ['recruiter', 'paid', 'iban', 'witness statement W-2'],
      ['van', 'located_at', 'munich', 'photo from witness W-1'],
    ],
  );
  await caseService.addNote(
    investigator,
    labour.id,
    'Witness W-1 (demo) says the recruiter "Đorđe" collected passports at the border and kept them.',
  );
  await caseService.addNote(
    analyst,
    labour.id,
    'Радници кажу да им је обећан посао на градилишту у Минхену и плата од 2.500 евра (demo).',
  );
  await caseService.addTask(investigator, labour.id, {
    title: 'Request subscriber data for the advert phone',
    ownerUserId: investigator.userId,
    dueOn: '2026-12-05',
  });
  await caseService.addTask(investigator, labour.id, {
    title: 'Match the van plate against border crossings',
    ownerUserId: analyst.userId,
    dueOn: '2026-12-12',
  });

  // 2. Migrant smuggling on the Balkan route, advertised in Telegram; shares the advert phone with case 1.
  const smuggling = await caseService.create(analyst, {
    title: 'DEMO Telegram channel offering "safe transfers" on the Balkan route',
    type: 'migrant_smuggling',
    jurisdiction: 'RS — Subotica / Horgoš',
    openedOn: '2026-10-03',
    tags: ['telegram', 'balkan route', 'usdt'],
    contactPoint: 'DEMO Border Police Analysis Unit Belgrade (demo contact)',
    description:
      SYNTHETIC +
      'A Telegram channel advertises "game" crossings from Serbia into the EU, priced per person, paid in USDT. ' +
      'The contact number in the channel description is also used in an advert for jobs in Germany.',
  });
  out.push({ key: 'smuggling', id: smuggling.id, reference: smuggling.reference });
  await caseService.addMember(analyst, smuggling.id, { userId: prosecutor.userId, caseRole: 'prosecutor' });
  await addEntities(
    entities,
    analyst,
    smuggling.id,
    [
      {
        key: 'channel',
        type: 'online_account',
        platform: 'telegram',
        identifier: '@balkan_transfer_demo',
        source: 'channel screenshot 2026-10-01',
      },
      {
        key: 'phone',
        type: 'phone',
        identifier: SHARED_PHONE,
        label: 'Contact number in channel description',
        source: 'channel description',
      },
      { key: 'organiser', type: 'person', label: 'Ђорђе DEMO-Јовановић', attributes: { role: 'suspected organiser' } },
      {
        key: 'wallet',
        type: 'crypto_wallet',
        identifier: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
        label: 'Payment address posted in channel',
      },
      { key: 'car', type: 'vehicle', identifier: 'SU 123-XY', label: 'Car seen at the pick-up point' },
      { key: 'horgos', type: 'location', label: 'Pick-up point near Horgoš (demo)' },
    ],
    [
      ['organiser', 'uses', 'channel', 'channel admin list'],
      ['organiser', 'uses', 'phone', 'channel description'],
      ['channel', 'posted', 'wallet', 'channel post 2026-09-28'],
      ['car', 'located_at', 'horgos', 'surveillance log (demo)'],
    ],
  );
  await caseService.addNote(
    analyst,
    smuggling.id,
    'Канал тражи плаћање у USDT пре поласка; цена 1.800 евра по особи (demo).',
  );
  await caseService.addTask(analyst, smuggling.id, {
    title: 'Ask the exchange about the USDT address',
    ownerUserId: analyst.userId,
    dueOn: '2026-12-08',
  });

  // 3. Sexual exploitation across ME and MK; run by the social worker with the prosecutor and a whole team.
  const sexual = await caseService.create(socialWorker, {
    title: 'DEMO "Modelling jobs" on Instagram: young women moved between Skopje and Budva',
    type: 'sexual_exploitation',
    jurisdiction: 'MK — Skopje; ME — Budva',
    openedOn: '2026-08-20',
    tags: ['instagram', 'seasonal work', 'coastal'],
    contactPoint: 'DEMO Centre for Social Work Skopje, case coordinator (demo)',
    description:
      SYNTHETIC +
      'An Instagram account offered modelling and hostess work for the summer season on the Montenegrin coast. ' +
      'Referred by an NGO hotline; the prosecution in Podgorica has opened an enquiry.',
  });
  out.push({ key: 'sexual', id: sexual.id, reference: sexual.reference });
  await caseService.addMember(socialWorker, sexual.id, { userId: prosecutor.userId, caseRole: 'prosecutor' });
  await caseService.addMember(socialWorker, sexual.id, {
    unitId: unitId(identityDemo, 'DEMO Victim Support Team'),
    caseRole: 'social_worker',
  });
  await addEntities(
    entities,
    socialWorker,
    sexual.id,
    [
      {
        key: 'insta',
        type: 'online_account',
        platform: 'instagram',
        identifier: 'https://instagram.com/modeling.jobs.demo',
        source: 'hotline referral',
      },
      { key: 'email', type: 'email', identifier: 'Castings.Demo@example.com', source: 'reply to applicant' },
      { key: 'phone', type: 'phone', identifier: '+382 67 555 012', label: 'Viber contact of the "agent"' },
      { key: 'agent', type: 'person', label: 'Агент DEMO-Петровски', attributes: { role: 'suspected recruiter' } },
      { key: 'club', type: 'organisation', label: 'DEMO Night Club Riviera (fictional)' },
      { key: 'budva', type: 'location', label: 'Budva, coastal road (demo)' },
    ],
    [
      ['agent', 'uses', 'insta', 'hotline referral'],
      ['agent', 'uses', 'email', 'applicant e-mails'],
      ['agent', 'contacted', 'phone', 'Viber screenshots'],
      ['club', 'located_at', 'budva', 'open sources (demo)'],
      ['agent', 'recruited', 'club', 'applicant statement (demo)'],
    ],
  );
  await caseService.addNote(
    socialWorker,
    sexual.id,
    'Огласот нуди „работа како модел“ во Будва за летната сезона (demo).',
  );
  await caseService.addTask(socialWorker, sexual.id, {
    title: 'Arrange safe accommodation referral',
    ownerUserId: socialWorker.userId,
    dueOn: '2026-12-03',
  });
  await caseService.addTask(socialWorker, sexual.id, {
    title: 'Prepare request for Instagram account data',
    ownerUserId: prosecutor.userId,
    dueOn: '2026-12-15',
  });

  return { cases: out, sharedPhone: '+38761555012' };
}
