// SYNTHETIC demo part for digital evidence: every person, number, account and page here is invented.
// In "DEMO Operation Skela" (construction workers recruited for Germany) the BA investigator has collected the
// captured job advert (HTML, shown sandboxed), a WhatsApp chat a worker handed over (Android export with a photo),
// and a bank-statement excerpt; the RS analyst viewed the chat, the advert was sealed, and a court bundle was
// exported — so the evidence tab, item pages, custody timelines and "verify" all have something real to show.
import { Readable } from 'node:stream';
import path from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Actor, Role } from '../shared/actor';
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

function actorOf(account: DemoAccountLike): Actor {
  return {
    userId: account.userId,
    username: account.username,
    displayName: account.displayName,
    agencyId: account.agencyId,
    unitId: null,
    role: account.role,
    ip: null,
    via: 'system',
  };
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

// 1×1 JPEG (synthetic "photo of the building site").
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

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
  const investigator = actorOf(inv);
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
    writeFileSync(path.join(folder, 'IMG-20261102-WA0007.jpg'), JPEG);
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

  if (analystAccount) await service.view(actorOf(analystAccount), chatId);
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
