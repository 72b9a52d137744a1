// SYNTHETIC demo part: job ads behind the demo labour case (construction workers from BA and RS recruited through
// Facebook groups for Germany). Every ad, name, number and account below is invented. The ads tell the story a
// first-time user should see in the Recruitment tab: one template reposted for several cities and in both
// scripts, one phone behind many ads, an obscured number, a smuggling offer, and genuine ads that are not flagged.
import type { Actor, CoreContext, Role } from '@trag/core/shared';
import { RecruitmentService } from './recruitment.service';

interface DemoAccountLike {
  role: string;
  username: string;
  displayName: string;
  userId: string;
  agencyId: string;
}

const PHONE = '+387 61 555 012'; // the demo's shared phone (also an entity in the demo labour case)
const SOURCE = 'DEMO (synthetic) Facebook group "Posao Njemačka i Austrija"';

const template = (city: string, name: string, phone: string) =>
  `DEMO — Firma traži zidare, tesare i pomoćne radnike za gradilište u gradu ${city}. Zovem se ${name}. Bez iskustva, ` +
  `smještaj besplatan, karta plaćena. Plata 3.200 EUR mjesečno. Pošaljite kopiju pasoša na Viber ${phone}.`;

export const RECRUITMENT_DEMO_ITEMS: Array<{ id: string; text: string; posted_at: string }> = [
  { id: 'demo-fb-101', text: template('Minhen', 'Dario', PHONE), posted_at: '2026-09-02T08:10:00Z' },
  { id: 'demo-fb-102', text: template('Štutgart', 'Dario', PHONE), posted_at: '2026-09-05T17:40:00Z' },
  { id: 'demo-fb-103', text: template('Frankfurt', 'Mirza', PHONE), posted_at: '2026-09-19T06:55:00Z' },
  {
    id: 'demo-fb-104',
    text:
      'ДЕМО — Фирма тражи зидаре, тесаре и помоћне раднике за градилиште у граду Нирнберг. Зовем се Драган. Без ' +
      'искуства, смјештај бесплатан, карта плаћена. Плата 3.200 EUR мјесечно. Пошаљите копију пасоша на Viber ' +
      PHONE +
      '.',
    posted_at: '2026-10-01T12:00:00Z',
  },
  {
    id: 'demo-fb-105',
    text:
      'DEMO — HITNO polazak odmah iz Tuzle! Kotizacija 250 EUR uplata unaprijed, vize sređujemo mi. Javite se samo na ' +
      'WhatsApp: nula šest jedan 555 nula jedan dva.',
    posted_at: '2026-10-03T09:30:00Z',
  },
  {
    id: 'demo-fb-106',
    text: `DEMO — Radnici za Austriju, plata na ruke, bez ugovora, radi se 12 sati dnevno, 7 dana u sedmici. Info ${PHONE}`,
    posted_at: '2026-10-10T19:20:00Z',
  },
  {
    id: 'demo-tg-201',
    text:
      'DEMO — Prebacivanje preko granice do Austrije, 1.500 EUR po osobi. Plaćanje po dolasku, bez policije. ' +
      'Siguran prelaz zagarantovan. Kontakt t.me/demo_put_evropa',
    posted_at: '2026-10-12T22:05:00Z',
  },
  {
    id: 'demo-fb-301',
    text:
      'DEMO — Građevinska firma Demo Gradnja d.o.o. Tuzla zapošljava zidare. Ugovor o radu na neodređeno, prijava, ' +
      'plata 1.300 KM. CV na posao@demo-gradnja.example.ba, tel. 035 555 010.',
    posted_at: '2026-09-15T10:00:00Z',
  },
  {
    id: 'demo-fb-302',
    text: 'DEMO — Prodajem alat za zidanje, malo korišten, cijena po dogovoru, Zenica.',
    posted_at: '2026-09-20T10:00:00Z',
  },
];

export interface RecruitmentDemo {
  caseId: string;
  items: number;
  flagged: number;
}

/** Imports the synthetic ads into the demo labour case, as the demo investigator. Null when there is no such case. */
export async function loadRecruitmentDemo(
  ctx: CoreContext,
  demo: { identity: { accounts: DemoAccountLike[] }; cases?: { cases: Array<{ key: string; id: string }> } },
): Promise<RecruitmentDemo | null> {
  const account = demo.identity.accounts.find((a) => a.role === 'investigator');
  const labour = demo.cases?.cases.find((c) => c.key === 'labour');
  if (!account || !labour) return null;
  const actor: Actor = {
    userId: account.userId,
    username: account.username,
    displayName: account.displayName,
    agencyId: account.agencyId,
    unitId: null,
    role: account.role as Role,
    ip: null,
    via: 'session',
  };
  const lines = RECRUITMENT_DEMO_ITEMS.map((item) => JSON.stringify({ ...item, source: SOURCE })).join('\n');
  const outcome = await new RecruitmentService(ctx).importItems(actor, labour.id, {
    bytes: Buffer.from(lines, 'utf8'),
    format: 'jsonl',
    mode: 'all_or_nothing',
    fileName: 'DEMO-synthetic-ads.jsonl',
  });
  return { caseId: labour.id, items: outcome.itemsImported, flagged: outcome.flagged };
}
