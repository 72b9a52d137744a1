// SYNTHETIC demo part for digital evidence: every person, number, account and page here is invented.
// In "DEMO Operation Skela" (construction workers recruited for Germany) the BA investigator has collected the
// captured job advert (HTML, shown sandboxed), a WhatsApp chat a worker handed over (Android export with a photo),
// and a bank-statement excerpt; the RS analyst viewed the chat, the advert was sealed, and a court bundle was
// exported — so the evidence tab, item pages, custody timelines and "verify" all have something real to show.
import { Readable } from 'node:stream';
import path from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { demoActor } from '../identity/identity.demo';
import type { Role } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { EvidenceService } from './evidence.service';
import { zipFolder } from './zip-archive';

interface DemoAccountLike {
  role: Role;
  username: string;
  userId: string;
  agencyId: string;
  displayName: string;
}

export interface EvidenceDemoContext {
  identity: { accounts: DemoAccountLike[] };
  cases?: { cases: { key: string; id: string; reference: string }[] };
}

export interface EvidenceDemo {
  caseId: string;
  itemIds: string[];
  exportId: string;
}

const ADVERT_HTML = `<!DOCTYPE html>
<!-- saved from url=(0049)https://oglasi.example.test/posao/njemacka/48213 -->
<html lang="bs"><head><meta charset="utf-8"><title>DEMO Posao u Njemačkoj – zidari i armirači</title>
<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}h1{color:#8a1c1c}.box{border:1px solid #ccc;padding:1em}</style>
</head><body>
<p><strong>SINTETIČKI DEMO OGLAS — izmišljen za obuku.</strong></p>
<h1>Hitno! Zidari i armirači za München</h1>
<div class="box">
<p>Plata 2.800 EUR neto, smještaj i prevoz plaćeni. Bez znanja jezika. Polazak za 7 dana.</p>
<p>Pasoš i lična karta predaju se koordinatoru radi "prijave". Troškovi vize 450 EUR odbijaju se od prve plate.</p>
<p>Kontakt: Viber/WhatsApp +387 61 555 012 (DEMO broj)</p>
</div>
<script>document.body.insertAdjacentHTML('beforeend','<p>tracking</p>')</script>
</body></html>
`;

const WHATSAPP_TXT = `02.11.26, 19:40 - Poruke i pozivi su sveobuhvatno šifrovani. Niko izvan ovog četa, čak ni WhatsApp, ne može da ih pročita ili sluša.
02.11.26, 19:41 - Emir DEMO: Dobro veče, javljam se za posao u Njemačkoj
02.11.26, 19:43 - +387 61 555 012: Zdravo Emire. Krećemo u ponedjeljak iz Tuzle, kombi je plaćen.
Ponesi pasoš, daješ ga Draganu na granici da sredi papire.
02.11.26, 19:44 - +387 61 555 012: IMG-20261102-WA0007.jpg (file attached)
Ovo je gradilište
02.11.26, 19:50 - Emir DEMO: A ugovor?
02.11.26, 19:52 - +387 61 555 012: Ugovor potpisuješ tamo. Viza 450 EUR, skida se od prve plate.
09.11.26, 07:15 - Emir DEMO: Nisu nam dali platu, pasoše drže u kancelariji
`;

// The synthetic "photo of the building site" the recruiter sent: drawn, not photographed (a crane, a concrete frame,
// scaffolding), rendered to JPEG so the chat's attachment has a real image and a thumbnail.
const BUILDING_SITE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">
  <rect width="640" height="480" fill="#9cc3e4"/>
  <rect y="380" width="640" height="100" fill="#8a7a5c"/>
  <g fill="#b9b4aa" stroke="#6d6a63" stroke-width="4">
    <rect x="180" y="150" width="260" height="230"/>
    <line x1="180" y1="227" x2="440" y2="227"/><line x1="180" y1="304" x2="440" y2="304"/>
    <line x1="267" y1="150" x2="267" y2="380"/><line x1="353" y1="150" x2="353" y2="380"/>
  </g>
  <g stroke="#d98c1f" stroke-width="3" fill="none">
    <rect x="440" y="150" width="60" height="230"/>
    <path d="M440 150 L500 227 M500 150 L440 227 M440 227 L500 304 M500 227 L440 304 M440 304 L500 380 M500 304 L440 380"/>
  </g>
  <g stroke="#e0b000" stroke-width="6" fill="none">
    <line x1="110" y1="380" x2="110" y2="60"/>
    <line x1="60" y1="70" x2="420" y2="70"/>
    <line x1="110" y1="60" x2="300" y2="70"/>
    <line x1="380" y1="70" x2="380" y2="130"/>
  </g>
  <rect x="365" y="130" width="30" height="20" fill="#555"/>
</svg>`;

async function buildingSitePhoto(): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(BUILDING_SITE_SVG)).jpeg({ quality: 82 }).toBuffer();
}

const STATEMENT_CSV = `# SYNTHETIC DEMO bank statement excerpt — invented account and amounts
date,description,debit_eur,credit_eur,counterparty_iban
2026-10-28,"Uplata ""viza"" E. DEMO",,450.00,BA391290079401028494
2026-10-29,"Uplata ""viza"" S. DEMO",,450.00,BA391290079401028494
2026-10-30,"Prenos DEMO Bau-Partner GmbH",900.00,,DE89370400440532013000
`;

export async function loadEvidenceDemo(ctx: CoreContext, demo: EvidenceDemoContext): Promise<EvidenceDemo | null> {
  const find = (role: Role) => demo.identity.accounts.find((a) => a.role === role);
  const inv = find('investigator');
  const analystAccount = find('analyst');
  const labourCase = demo.cases?.cases.find((c) => c.key === 'labour');
  if (!inv || !labourCase) return null;
  const investigator = demoActor(inv, 'system');
  const service = new EvidenceService(ctx);
  const caseId = labourCase.id;
  const common = { legalBasis: 'DEMO order KPS-DEMO-117/26', location: 'DEMO Police Administration Sarajevo' };

  const advert = await service.collect(
    investigator,
    caseId,
    {
      ...common,
      fileName: 'oglas-njemacka-48213.html',
      mediaType: 'text/html',
      description: 'DEMO Captured job advert "Zidari i armirači za München" (synthetic)',
      source: 'https://oglasi.example.test/posao/njemacka/48213',
      import: true,
    },
    Readable.from([Buffer.from(ADVERT_HTML, 'utf8')]),
  );

  const tmp = mkdtempSync(path.join(tmpdir(), 'trag-demo-evidence-'));
  let chatId: string;
  try {
    const folder = path.join(tmp, 'chat');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'WhatsApp Chat with +387 61 555 012.txt'), WHATSAPP_TXT);
    writeFileSync(path.join(folder, 'IMG-20261102-WA0007.jpg'), await buildingSitePhoto());
    const zip = path.join(tmp, 'WhatsApp Chat with +387 61 555 012.zip');
    await zipFolder(folder, zip);
    chatId = (
      await service.collectPath(investigator, caseId, zip, {
        ...common,
        description: 'DEMO WhatsApp chat handed over by worker "Emir DEMO" (synthetic)',
        source: 'Phone of witness W-1 (DEMO)',
        device: 'DEMO Samsung A14, witness W-1',
        import: true,
      })
    ).id;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const statement = await service.collect(
    investigator,
    caseId,
    {
      ...common,
      fileName: 'izvod-DEMO-oktobar-2026.csv',
      mediaType: 'text/csv',
      description: 'DEMO Bank statement excerpt: "visa" payments to the recruiter (synthetic)',
      source: 'DEMO bank reply to order KPS-DEMO-117/26',
    },
    Readable.from([Buffer.from(STATEMENT_CSV, 'utf8')]),
  );

  if (analystAccount) await service.view(demoActor(analystAccount, 'system'), chatId);
  await service.recordEvent(investigator, advert.id, {
    event: 'sealed',
    reference: 'DEMO seal 0042',
    note: 'Printed copy sealed in evidence bag DEMO-0042.',
  });
  await service.recordEvent(investigator, statement.id, {
    event: 'annotated',
    note: 'Two "visa" payments match the amount named in the chat (450 EUR).',
  });
  const bundle = await service.exportBundle(investigator, caseId, [advert.id, chatId, statement.id], {
    synthetic: true,
  });
  return { caseId, itemIds: [advert.id, chatId, statement.id], exportId: bundle.id };
}
