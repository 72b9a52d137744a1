// The recruitment tab in a real browser: import a JSON Lines file into a case, open the flagged item with its
// highlighted indicators, add a phone shared across ads from the network view to the case, and read a WARC capture
// held as evidence, each item pointing back to its exhibit and WARC record; template ads; and a long import followed
// with its progress bar and cancelled; a CSV whose columns the form guesses from its header.
/* eslint-disable no-restricted-imports -- test tooling runs in Node, not in the browser bundle */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  logInThroughUi,
  newContext,
  REPO_ROOT,
  startTragServer,
  type TragServer,
  demoAccount,
} from './browser-harness';

const WARC = path.join(REPO_ROOT, 'packages/core/src/evidence/fixtures/oglas.warc');

let server: TragServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTragServer({ demo: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('recruitment tab', () => {
  it('imports a file, shows a flagged item with highlights, and adds a shared phone to the case', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const account = demoAccount(server, 'investigator');
    await logInThroughUi(page, server.url, account.username, account.password);
    await page.locator('.shell-header .language-switcher select').selectOption('en');
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('Oglasi: konobarice za Austriju');
    await page.getByLabel('Type', { exact: true }).selectOption('labour_exploitation');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 1, name: 'Oglasi: konobarice za Austriju' }).waitFor();
    await page.goto(`${page.url()}/recruitment`);

    const lines = [
      {
        id: 'ad-1',
        text: 'HITNO! Posao u Austriji, bez iskustva, kotizacija 200 EUR unaprijed. Viber +381 64 111 2222',
      },
      { id: 'ad-2', text: 'Konobarice za Beč, smještaj besplatan, pošaljite kopiju pasoša. Viber +381 64 111 2222' },
      { id: 'ad-3', text: 'Prodajem bicikl, 100 KM, Tuzla.' },
    ];
    await page.getByTestId('recruitment-file').setInputFiles({
      name: 'ads.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n')),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '3 items imported' }).waitFor();

    await page.getByTestId('recruitment-items').getByRole('button').first().click();
    await page.getByTestId('recruitment-item').waitFor();
    const marks = await page.getByTestId('recruitment-item').locator('mark.recruitment-mark').allInnerTexts();
    expect(marks).toEqual(expect.arrayContaining(['bez iskustva', 'kotizacija']));
    expect(await page.getByTestId('recruitment-item').innerText()).toContain('Upfront fee (+2');

    const row = page.locator('[data-identifier="phone:+381641112222"]');
    await row.getByRole('button', { name: 'Add to case' }).click();
    await row.getByRole('status').filter({ hasText: 'Added to the case' }).waitFor();

    // A WARC capture collected as evidence (through the evidence API, with this session) is read from the tab.
    const caseId = new URL(page.url()).pathname.split('/')[2]!;
    const csrf = (await context.cookies()).find((c) => c.name === 'trag_csrf')!.value;
    const collected = await page.request.post(`${server.url}/api/cases/${caseId}/evidence`, {
      headers: { 'X-CSRF-Token': decodeURIComponent(csrf) },
      multipart: {
        description: 'Capture of a job ad',
        import: 'true',
        file: { name: 'oglas.warc', mimeType: 'application/warc', buffer: readFileSync(WARC) },
      },
    });
    expect(collected.status()).toBe(201);
    const exhibit = ((await collected.json()) as { exhibitNumber: string }).exhibitNumber;
    await page.reload();
    const fromEvidence = page.getByTestId('recruitment-from-evidence');
    await fromEvidence.getByRole('combobox').filter({ hasText: exhibit }).waitFor();
    await fromEvidence.getByRole('button', { name: 'Import from evidence' }).click();
    await fromEvidence.getByRole('status').filter({ hasText: '1 items imported' }).waitFor();
    await page
      .getByTestId('recruitment-items')
      .getByRole('button', { name: /Konobarice za Dubai/ })
      .click();
    const source = page.getByTestId('recruitment-source');
    await source.filter({ hasText: `Exhibit ${exhibit}` }).waitFor();
    expect(await source.innerText()).toMatch(/WARC record 3 <urn:uuid:[0-9a-f-]+> at byte \d+ · page/);
    expect(await source.getByRole('link', { name: 'open the evidence item' }).getAttribute('href')).toMatch(
      /^\/evidence\/[^/]+$/,
    );

    // Template ads: three copies of one ad (one in Cyrillic) with the same phone form one template.
    const ad = (city: string) =>
      `Tražimo konobarice za rad u ${city}, plata 2500 EUR mjesečno, smještaj i hrana besplatni, ` +
      'bez iskustva i bez jezika, javite se odmah na Viber +381 64 777 8888';
    const copies = [
      { id: 't-1', text: ad('Beču') },
      { id: 't-2', text: ad('Gracu') },
      {
        id: 't-3',
        text: 'Тражимо конобарице за рад у Линцу, плата 2500 EUR мјесечно, смјештај и храна бесплатни, без искуства и без језика, јавите се одмах на Viber +381 64 777 8888',
      },
      { id: 't-4', text: 'Prodajem polovni bicikl u odličnom stanju, cijena 150 KM, preuzimanje u Tuzli.' },
    ];
    await page.getByTestId('recruitment-file').setInputFiles({
      name: 'copies.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(copies.map((l) => JSON.stringify(l)).join('\n')),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '4 items imported' }).waitFor();
    const templates = page.getByTestId('recruitment-templates');
    const cluster = templates.locator('article').filter({ hasText: 'items: 3' });
    await cluster.waitFor();
    await cluster.locator('[data-shared="phone:+381647778888"]').filter({ hasText: 'in 3 of the 3 items' }).waitFor();
    expect(await cluster.locator('mark.recruitment-slot').count()).toBeGreaterThan(0);
    await cluster.getByRole('button', { name: /Линцу/ }).click();
    await page.getByTestId('recruitment-item').filter({ hasText: 'Линцу' }).waitFor();

    // A CSV export whose columns have local names: the form reads the header, guesses the text and id columns,
    // and the user sees and can change the guess before importing.
    const csv = [
      'oglas_id;datum;poruka',
      'fb-9;2026-11-20;"Posao u Sloveniji, plata 3000 EUR, bez iskustva, smještaj plaćen. Viber +381 64 555 6666"',
      'fb-10;2026-11-21;"Работа во Словенија, без искуство. Viber +381 64 555 6666"',
    ].join('\n');
    await page.getByTestId('recruitment-file').setInputFiles({
      name: 'platforma.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const chooser = page.getByTestId('recruitment-columns');
    await chooser.waitFor();
    expect(await page.getByLabel('Format').inputValue()).toBe('csv');
    expect(await chooser.getByLabel('Text of each item').inputValue()).toBe('poruka');
    expect(await chooser.getByLabel('Item number').inputValue()).toBe('oglas_id');
    expect(await chooser.getByLabel('Date posted').inputValue()).toBe('datum');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '2 items imported' }).waitFor();

    // A long import runs as a background job: the progress bar moves, and "Cancel import" leaves nothing imported.
    const many = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ id: `bulk-${i}`, text: `Posao u Njemačkoj ${i}, smještaj plaćen, bez iskustva. Tel 06${i}` }),
    ).join('\n');
    await page.getByTestId('recruitment-file').setInputFiles({
      name: 'bulk.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(many),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = page.getByTestId('recruitment-progress').locator('progress');
    await page.waitForFunction(
      () => Number(document.querySelector('[data-testid="recruitment-progress"] progress')?.getAttribute('value')) > 0,
    );
    expect(Number(await bar.getAttribute('value'))).toBeLessThan(100);
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await page.getByRole('status').filter({ hasText: 'The import was cancelled; nothing was imported.' }).waitFor();
    await page.reload();
    await page.getByTestId('recruitment-items').waitFor();
    const texts = await page.getByTestId('recruitment-items').locator('li').allInnerTexts();
    expect(texts.length).toBe(10); // 3 + 1 + 4 + 2 imported before; none of the 20,000
    expect(texts.some((text) => text.includes('Posao u Njemačkoj'))).toBe(false);
    await context.close();
  });
});
