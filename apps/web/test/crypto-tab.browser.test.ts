// The crypto tab in a real browser: import an Etherscan ERC-20 export and a tag list into a new case, trace the
// recruiter's USDT forward to the tagged exchange, save the trace and download its PDF report.
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

const FIXTURES = path.join(REPO_ROOT, 'packages/core/src/crypto/fixtures');
let server: TragServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTragServer({ demo: true, port: 18701 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('crypto tab', () => {
  it('imports a fixture, traces a seed to a tagged exchange and exports the PDF', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const account = demoAccount(server, 'investigator');
    await logInThroughUi(page, server.url, account.username, account.password);
    await page.locator('.shell-header .language-switcher select').selectOption('en');
    await page.getByRole('link', { name: 'Dashboard' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('USDT paid to a recruiter');
    await page.getByLabel('Type', { exact: true }).selectOption('sexual_exploitation');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 1, name: 'USDT paid to a recruiter' }).waitFor();
    await page.goto(`${page.url()}/crypto`);

    for (const [kind, file] of [
      ['etherscan_csv', 'etherscan-erc20.csv'],
      ['tag_csv', 'tags.csv'],
    ] as const) {
      await page.getByTestId('crypto-kind').selectOption(kind);
      await page
        .getByTestId('crypto-file')
        .setInputFiles({ name: file, mimeType: 'text/csv', buffer: readFileSync(path.join(FIXTURES, file)) });
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page
        .getByTestId('crypto-import-result')
        .filter({ hasText: file === 'tags.csv' ? '3 records' : '4 records' })
        .waitFor();
    }

    await page.getByTestId('crypto-seed').fill('0x253ea3775efbec616d703dc73e38c8b7d1af2a04');
    await page.getByPlaceholder('USDT').fill('USDT');
    await page.getByTestId('crypto-run').click();
    await page.getByTestId('crypto-summary').filter({ hasText: 'exchange: Binance 8' }).waitFor();
    await page.getByTestId('crypto-flow-graph').waitFor();
    await page.locator('[data-node="0xF977814e90dA44bFA03b6295A0616a897441aceC"]').click();
    expect(await page.getByTestId('crypto-detail').innerText()).toContain('Binance 8');

    await page.getByTestId('crypto-save').click();
    const pdfLink = page.getByTestId('crypto-export-pdf').first();
    await pdfLink.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    const file = await download.path();
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });
  it('uploads raw blocks, clusters the Bitcoin addresses and groups a cluster in the flow graph', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const account = demoAccount(server, 'investigator');
    await logInThroughUi(page, server.url, account.username, account.password);
    await page.locator('.shell-header .language-switcher select').selectOption('en');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('Bitcoin paid to a smuggler');
    await page.getByLabel('Type', { exact: true }).selectOption('migrant_smuggling');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bitcoin paid to a smuggler' }).waitFor();
    await page.goto(`${page.url()}/crypto`);
    // No node or explorer is configured for this server: no "fetch" form.
    expect(await page.locator('[data-testid^="crypto-fetch-"]').count()).toBe(0);

    await page.getByTestId('crypto-blocks-file').setInputFiles({
      name: 'blocks1-256.bz2',
      mimeType: 'application/octet-stream',
      buffer: readFileSync(path.join(REPO_ROOT, '../shared/data/crypto/btc/blocks1-256.bz2')),
    });
    await page.getByTestId('crypto-blocks-form').locator('select').selectOption('all');
    await page.getByRole('button', { name: 'Import blocks' }).click();
    await page.getByTestId('crypto-blocks-form').getByTestId('crypto-import-result').waitFor();

    await page.getByTestId('crypto-kind').selectOption('esplora_json');
    await page.getByTestId('crypto-file').setInputFiles({
      name: 'esplora.json',
      mimeType: 'application/json',
      buffer: readFileSync(path.join(FIXTURES, 'esplora-address-txs.json')),
    });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('crypto-import-result').first().waitFor();
    await page.getByTestId('crypto-cluster-run').click();
    await page
      .getByTestId('crypto-cluster-result')
      .filter({ hasText: 'Clusters of two or more addresses: 1.' })
      .waitFor();

    await page.getByTestId('crypto-seed').fill('bc1qwvpdglezzapz5m23vmcltu78697229pg57ctas');
    await page.getByPlaceholder('USDT').fill('BTC');
    await page.getByTestId('crypto-run').click();
    await page.getByTestId('crypto-flow-graph').waitFor();
    await page.locator('.crypto-cluster').first().waitFor();
    await page.getByTestId('crypto-cluster-toggle').first().click();
    const clusterNode = page.locator('[data-node="cluster:1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp"]');
    await clusterNode.waitFor();
    await page.screenshot({ path: path.join(REPO_ROOT, 'node_modules/.cache/crypto-cluster.png'), fullPage: true });
    await clusterNode.click();
    expect(await page.getByTestId('crypto-detail').innerText()).toContain('bc1qwvpdglezzapz5m23vmcltu78697229pg57ctas');
    await context.close();
  });
});
