// The foundation walk-through in a real browser: an investigator signs in, creates a case, adds two entities and a
// link, finds the case by searching in Cyrillic; then a colleague who is not a member cannot open it.
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

async function signIn(page: Page, role: string) {
  const account = demoAccount(server, role);
  await logInThroughUi(page, server.url, account.username, account.password);
  // Demo users have their own saved language; use English for the selectors below (also saves it to the profile).
  await page.locator('.shell-header .language-switcher select').selectOption('en');
  await page.getByRole('link', { name: 'Dashboard' }).waitFor();
}

beforeAll(async () => {
  server = await startTragServer({ demo: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('foundation in the browser', () => {
  const title = 'Lažni oglasi za posao u Ohridu';
  let caseUrl = '';

  it('lets an investigator create a case, add two entities and a link, and find it by a Cyrillic search', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'investigator');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Type', { exact: true }).selectOption('labour_exploitation');
    await page.getByLabel('Description').fill('Job offers **posted** on social media. <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    caseUrl = page.url();
    expect(caseUrl).toMatch(/\/cases\/[A-Za-z0-9_-]+$/);
    // Markdown is rendered, raw HTML is shown as text and never executed.
    await expect(page.locator('.markdown strong').textContent()).resolves.toBe('posted');
    await expect(page.locator('.markdown script').count()).resolves.toBe(0);

    await page.getByRole('link', { name: /Entities and links/ }).click();
    const addEntity = page.locator('section', { has: page.getByRole('heading', { name: 'Add an entity' }) });
    await addEntity.getByLabel('Type').selectOption('person');
    await addEntity.getByLabel('Name').fill('Marko Testić');
    await addEntity.getByRole('button', { name: 'Add entity' }).click();
    await page.getByRole('status').filter({ hasText: 'Added Marko Testić' }).waitFor();
    await addEntity.getByLabel('Type').selectOption('phone');
    await addEntity.getByLabel('Identifier').fill('+387 61 555 123');
    await addEntity.getByRole('button', { name: 'Add entity' }).click();
    await page.locator('.graph .graph-node').nth(1).waitFor();

    const addLink = page.locator('section', { has: page.getByRole('heading', { name: 'Link two entities' }) });
    await addLink.getByLabel('From').selectOption({ label: 'Person: Marko Testić' });
    await addLink.getByLabel('Relationship').selectOption('uses');
    const phoneOption = addLink.getByLabel('To').locator('option', { hasText: 'Phone number' });
    await addLink.getByLabel('To').selectOption((await phoneOption.getAttribute('value'))!);
    await addLink.getByRole('button', { name: 'Add link' }).click();
    await page.locator('.graph .graph-link').first().waitFor();
    await expect(page.locator('.graph .graph-node').count()).resolves.toBe(2);
    await expect(page.locator('.graph .graph-link').count()).resolves.toBe(1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Search for').fill('посао');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const result = page.getByRole('link', { name: title });
    await result.waitFor();
    await result.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(page.url()).toBe(caseUrl);
    await context.close();
  });

  it('does not let a user who is not a member open the case', async () => {
    expect(caseUrl).not.toBe('');
    const context = await newContext(browser);
    const page = await context.newPage();
    await signIn(page, 'social_worker');
    await page.goto(caseUrl);
    await page.getByRole('heading', { name: 'Case not available' }).waitFor();
    await expect(page.getByText(title).count()).resolves.toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await page.getByLabel('Search for').fill('посао');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByText(/Nothing found for/).waitFor();
    await context.close();
  });
});
