// Victim protection in a real browser: a social worker screens a person, records consent and refers them to a
// shelter; an investigator in the same case sees only the pseudonym.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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
const SURNAME = 'Browsertestova';

async function signIn(page: Page, role: string) {
  const account = demoAccount(server, role);
  await logInThroughUi(page, server.url, account.username, account.password);
  await page.locator('.shell-header .language-switcher select').selectOption('en');
  await page.getByRole('link', { name: 'Dashboard' }).waitFor();
}

async function openVictimsTab(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
  await page.getByRole('link', { name: CASE_TITLE }).click();
  await page.getByRole('link', { name: 'Victims', exact: true }).click();
  await page.getByRole('heading', { name: 'Victim records' }).waitFor();
}

beforeAll(async () => {
  server = await startTragServer({ demo: true, port: 18801 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('victim protection in the browser', () => {
  let code = '';

  it('lets a social worker screen a person, record consent and refer them to a shelter', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'social_worker');
    await openVictimsTab(page);

    await page.getByLabel('First name').fill('Besa');
    await page.getByLabel('Last name').fill(SURNAME);
    await page.getByLabel('Nationality').fill('AL');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    const record = page.getByTestId('victim-record');
    await record.getByText(SURNAME).waitFor();
    code = ((await record.locator('h2 .mono').textContent()) ?? '').trim();
    expect(code).toMatch(/^V-\d{4}-\d{4}$/);

    await record.getByText('Edit protected data').click();
    await record.getByLabel('Statement').fill('Synthetic: recruited through a messenger ad in Tirana.');
    await record.getByRole('button', { name: 'Save protected data' }).click();
    await record.getByText('Saved. The change is in the access log.').waitFor();

    await page.getByLabel('7. Retention of identity documents').selectOption('present');
    await page.getByLabel('Source of answer 7').selectOption('interview');
    await page.getByLabel('2. Deception').selectOption('present');
    await page.getByLabel('Source of answer 2').selectOption('interview');
    await page.getByRole('button', { name: 'Save screening' }).click();
    await expect(page.getByTestId('screening-summary').textContent()).resolves.toContain('Indicators present: 2.');

    await page.getByLabel('Purpose').selectOption('services');
    await page.getByRole('button', { name: 'Record consent' }).click();
    await page.getByTestId('consent-list').getByText('Receiving services').waitFor();
    await page.getByLabel('Purpose').selectOption('sharing');
    await page.getByLabel('Agency or provider').fill('DEMO Safe House Skopje');
    await page.getByRole('button', { name: 'Record consent' }).click();
    await page.getByTestId('consent-list').getByText('DEMO Safe House Skopje').waitFor();

    await page.getByLabel('Service', { exact: true }).selectOption('shelter');
    await page.getByLabel('Service provider').fill('DEMO Safe House Skopje');
    await page.getByRole('button', { name: 'Refer', exact: true }).click();
    await page.getByTestId('referral-list').getByText('sent').waitFor();
    await expect(page.getByTestId('referral-list').textContent()).resolves.toContain(
      'Shelter / safe accommodation → DEMO Safe House Skopje',
    );
    await context.close();
  });

  it('shows the investigator in the same case only the pseudonym', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'investigator');
    await openVictimsTab(page);
    await page.getByRole('button', { name: code }).click();
    const record = page.getByTestId('victim-record');
    await record.getByText('You see the pseudonym, status and classification only.').waitFor();
    await expect(page.content()).resolves.not.toContain(SURNAME);
    await expect(page.content()).resolves.not.toContain('Besa');
    await expect(page.content()).resolves.not.toContain('messenger ad in Tirana');
    await context.close();
  });
});
