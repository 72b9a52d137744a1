// Cross-border cooperation in real browsers against two real Trag servers (two demo workspaces, each with its own
// keys): supervisors exchange partner cards through the cooperation page and accept each other; an investigator on
// the first sends a package over HTTPS; an investigator on the second sees it in the page with its handling code,
// imports it into a new case and opens that case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  launchBrowser,
  logInThroughUi,
  newContext,
  startTragServer,
  type TragServer,
  demoAccount,
} from './browser-harness';

let one: TragServer;
let two: TragServer;
let browser: Browser;

async function signedIn(server: TragServer, role: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const account = demoAccount(server, role);
  await logInThroughUi(page, server.url, account.username, account.password);
  await page.locator('.shell-header .language-switcher select').selectOption('en');
  return { context, page };
}

/** Calls the API with the page's session cookie and CSRF token. */
async function api<T>(page: Page, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'trag_csrf')?.value;
  const response = await page.request.fetch(new URL(path, page.url()).toString(), {
    method,
    headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {}) },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as T;
}

async function addPartnerThroughUi(page: Page, base: string, card: { agencyName: string }): Promise<void> {
  await page.goto(`${base}/cooperation`);
  await page.getByRole('heading', { level: 1, name: 'Cross-border cooperation' }).waitFor();
  await page.getByTestId('coop-card-input').fill(JSON.stringify(card));
  await page.getByRole('button', { name: 'Add partner' }).click();
  const row = page.getByTestId('coop-partners').getByRole('row', { name: card.agencyName });
  await row.getByRole('button', { name: 'Accept' }).click();
  await row.getByText('Trusted').waitFor();
}

beforeAll(async () => {
  [one, two] = await Promise.all([
    startTragServer({ demo: true, port: 18901 }),
    startTragServer({ demo: true, port: 18902 }),
  ]);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await one?.close();
  await two?.close();
});

describe('cooperation between two Trag servers', () => {
  it('exchanges cards, sends a package from one server and imports it in the other', async () => {
    const chiefOne = await signedIn(one, 'supervisor');
    const chiefTwo = await signedIn(two, 'supervisor');
    const cardOne = (
      await api<{ card: { agencyName: string } }>(
        chiefOne.page,
        'GET',
        `/api/cooperation/card?endpoint=${encodeURIComponent(one.url)}`,
      )
    ).card;
    const cardTwo = (
      await api<{ card: unknown }>(
        chiefTwo.page,
        'GET',
        `/api/cooperation/card?endpoint=${encodeURIComponent(two.url)}`,
      )
    ).card;
    await addPartnerThroughUi(chiefTwo.page, two.url, cardOne);
    await addPartnerThroughUi(chiefOne.page, one.url, cardTwo);

    // Investigator on server one sends the phone of Operation Skela to server two.
    const sender = await signedIn(one, 'investigator');
    const partners = await api<{ items: Array<{ id: string; status: string; fingerprint: string }> }>(
      sender.page,
      'GET',
      '/api/cooperation/partners',
    );
    const partnerTwo = partners.items.find(
      (p) => p.status === 'trusted' && p.fingerprint === (cardTwo as { fingerprint: string }).fingerprint,
    )!;
    const cases = await api<{ items: Array<{ id: string; title: string }> }>(sender.page, 'GET', '/api/cases');
    const skela = cases.items.find((c) => c.title.includes('Skela'))!;
    const entities = await api<{ items: Array<{ id: string; type: string; source: string }> }>(
      sender.page,
      'GET',
      `/api/cases/${skela.id}/entities`,
    );
    const sent = await api<{ deliveries: Array<{ ok: boolean }> }>(sender.page, 'POST', '/api/cooperation/packages', {
      caseId: skela.id,
      partnerIds: [partnerTwo.id],
      // Material received under H2 in the demo may not be passed on: send only the agency's own phones.
      entityIds: entities.items
        .filter((e) => e.type === 'phone' && !e.source.startsWith('cooperation:'))
        .map((e) => e.id),
      noteIds: [],
      evidenceIds: [],
      handlingCode: 'H2',
      restrictions: 'No onward sharing',
      sourceGrade: 'B',
      informationGrade: 2,
      purpose: 'Browser test',
      legalBasis: 'Synthetic agreement',
      expiresInDays: 10,
      deliver: true,
    });
    expect(sent.deliveries.every((d) => d.ok)).toBe(true);

    // Investigator on server two opens the cooperation page, sees the package with its handling code and imports it.
    const recipient = await signedIn(two, 'investigator');
    await recipient.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cooperation' }).click();
    const table = recipient.page.getByTestId('coop-packages');
    const row = table.getByRole('row', { name: /Browser test/ });
    await row.getByText('Waiting for import').waitFor();
    await expect(row.getByText('H2', { exact: true }).isVisible()).resolves.toBe(true);
    await row.getByPlaceholder('Title of the new case').fill('From partner: Skela phones');
    await row.getByRole('button', { name: 'Import into a new case' }).click();
    await recipient.page
      .getByTestId('coop-status')
      .getByText(/Imported: \d+ entities/)
      .waitFor();
    await row.getByRole('link', { name: 'Open case' }).click();
    await recipient.page.getByRole('heading', { level: 1, name: 'From partner: Skela phones' }).waitFor();
    // Wherever the received material appears it carries its handling code: a badge on every received entity.
    await recipient.page.getByRole('link', { name: /Entities and links/ }).click();
    const badge = recipient.page.getByTestId('handling-badge').first();
    await badge.waitFor();
    expect(await badge.textContent()).toBe('H2 · from partner');
    expect(await badge.getAttribute('title')).toMatch(/^Received from .+ under handling code H2 — Not to be passed on/);

    // The sender has the signed receipt.
    const back = await api<{ items: Array<{ purpose: string; status: string }> }>(
      sender.page,
      'GET',
      '/api/cooperation/packages',
    );
    expect(back.items.find((p) => p.purpose === 'Browser test')?.status).toBe('receipted');
    for (const c of [chiefOne, chiefTwo, sender, recipient]) await c.context.close();
  }, 180_000);
});
