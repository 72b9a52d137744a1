// The public offer checker in a real browser: no login; paste an offer, see plain-words warning signs with the
// matched words highlighted, and the verified helplines with their sources.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, startTragServer, type TragServer } from './browser-harness';

let server: TragServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTragServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('public offer checker', () => {
  it('shows red flags with highlights and helplines, without signing in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/check-offer`);
    await page.locator('.language-switcher select').selectOption('bs');
    await page.getByRole('heading', { name: 'Provjerite ponudu za posao' }).waitFor();
    await page
      .getByLabel('Tekst ponude')
      .fill(
        'Posao u Austriji, bez iskustva, smještaj besplatan. Kotizacija 200 EUR unaprijed, pošaljite kopiju pasoša.',
      );
    await page.getByRole('button', { name: 'Provjeri ponudu' }).click();
    await page.getByTestId('offer-level').waitFor();
    expect(await page.getByTestId('offer-level').getAttribute('class')).toContain('offer-level-many');
    expect(await page.locator('[data-indicator="rec_upfront_fee"]').innerText()).toContain('Morate prvo nešto platiti');
    expect(await page.locator('mark.recruitment-mark').allInnerTexts()).toContain('bez iskustva');
    const helplines = await page.locator('.offer-helplines').innerText();
    expect(helplines).toContain('+381 11 785 0000');
    expect(helplines).toContain('astra.org.rs');
    expect(helplines).not.toContain('Bosna i Hercegovina'); // the BA entry is not verified
    await context.close();
  });
});
