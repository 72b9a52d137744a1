// Digital evidence in a real browser: an investigator uploads a file into a demo case, sees its SHA-256 and the
// custody timeline, verifies it, and exports a court bundle that then verifies offline.
/* eslint-disable no-restricted-imports -- test tooling runs in Node, not in the browser bundle */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { verifyBundle } from '@trag/core/evidence';
import {
  launchBrowser,
  logInThroughUi,
  newContext,
  startTragServer,
  type TragServer,
  demoAccount,
} from './browser-harness';

let server: TragServer;
let browser: Browser;
const CASE_TITLE = 'DEMO Seasonal farm work abroad — messenger job ads (synthetic)';

async function signIn(page: Page, role: string) {
  const account = demoAccount(server, role);
  await logInThroughUi(page, server.url, account.username, account.password);
  await page.locator('.shell-header .language-switcher select').selectOption('en');
  await page.getByRole('link', { name: 'Dashboard' }).waitFor();
}

beforeAll(async () => {
  server = await startTragServer({ demo: true, port: 18511 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('evidence in the browser', () => {
  it('uploads a file, shows its hash and custody timeline, verifies it and exports a bundle', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'investigator');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: CASE_TITLE }).click();
    await page.getByRole('link', { name: 'Evidence', exact: true }).click();
    await page.getByRole('heading', { name: 'Evidence items' }).waitFor();

    const content = Buffer.from(`Oglas: berba jagoda u Italiji, 1500 EUR, smještaj besplatan. ${Date.now()}\n`);
    const sha256 = createHash('sha256').update(content).digest('hex');
    await page.getByLabel('Files').setInputFiles({ name: 'oglas-viber.txt', mimeType: 'text/plain', buffer: content });
    await page.getByLabel('Description').fill('Viber message with the job offer (browser test)');
    await page.getByLabel('Legal basis (order or warrant no.)').fill('KPS-BT/26');
    await page.getByRole('button', { name: 'Collect', exact: true }).click();
    const row = page.getByTestId('evidence-list').locator('tr', { hasText: 'Viber message with the job offer' });
    await row.waitFor();
    await expect(row.locator('td.mono').last().getAttribute('title')).resolves.toBe(sha256);

    await row.getByRole('link').click();
    await expect(page.getByTestId('item-sha256').textContent()).resolves.toBe(sha256);
    const timeline = page.getByTestId('custody-timeline');
    await timeline.getByText('Collected').waitFor();
    await timeline.getByText('Viewed').first().waitFor();
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(page.getByTestId('verify-result').textContent()).resolves.toMatch(/^Verified/);

    await page.getByRole('link', { name: 'Evidence', exact: true }).click();
    await page
      .getByLabel(/^Select exhibit/)
      .first()
      .check();
    await page.getByRole('button', { name: /Export court bundle/ }).click();
    const result = page.getByTestId('export-result');
    await result.waitFor();
    const href = await result.getByRole('link').getAttribute('href');
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'trag-bundle-')), 'bundle.zip');
    writeFileSync(file, await response.body());
    const report = await verifyBundle(file);
    expect(report.ok).toBe(true);
    await context.close();
  });
});
