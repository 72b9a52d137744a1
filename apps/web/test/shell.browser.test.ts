// Sign-in and the shell in a real browser: clear errors, the two-factor step, the language saved to the profile,
// and keyboard use (skip link).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newContext, startTragServer, type TragServer, demoAccount } from './browser-harness';

let server: TragServer;
let browser: Browser;

async function fillLogin(page: Page, username: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** A JSON call from inside the signed-in page (session cookie + CSRF header, as the UI does it). */
async function callApi(page: Page, method: string, path: string, body?: unknown): Promise<unknown> {
  return page.evaluate(
    async ([m, p, b]) => {
      const csrf = document.cookie
        .split('; ')
        .find((c) => c.startsWith('trag_csrf='))
        ?.slice('trag_csrf='.length);
      const response = await fetch(p as string, {
        method: m as string,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': decodeURIComponent(csrf ?? '') },
        body: JSON.stringify(b ?? {}),
      });
      if (!response.ok) throw new Error(`${m} ${p}: ${response.status}`);
      return response.status === 204 ? null : response.json();
    },
    [method, path, body] as const,
  );
}

beforeAll(async () => {
  server = await startTragServer({ demo: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sign-in and shell in the browser', () => {
  it('says clearly when the password is wrong and stays on the login page', async () => {
    const page = await (await newContext(browser)).newPage();
    await fillLogin(page, demoAccount(server, 'analyst').username, 'not-the-right-password');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The username or password is wrong');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.context().close();
  });

  it('asks for the 6-digit code when two-factor authentication is on', async () => {
    const account = demoAccount(server, 'trainer');
    const context = await newContext(browser);
    const page = await context.newPage();
    await fillLogin(page, account.username, account.password);
    await page.locator('nav.sidebar').waitFor();
    const setup = (await callApi(page, 'POST', '/api/auth/totp/setup')) as { secret: string };
    const totp = new TOTP({ secret: Secret.fromBase32(setup.secret), digits: 6, period: 30, algorithm: 'SHA1' });
    await callApi(page, 'POST', '/api/auth/totp/enable', { code: totp.generate() });
    await context.clearCookies();

    await fillLogin(page, account.username, account.password);
    await page.getByText('This account uses two-factor authentication.').waitFor();
    await page.getByLabel('6-digit code').fill('000000');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The 6-digit code is wrong');

    // A code for the next time step (the one just used to enable it may not be replayed).
    await page.getByLabel('6-digit code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('nav.sidebar').waitFor();
    await context.close();
  });

  it('keeps the chosen language in the profile, so it follows the user to another browser', async () => {
    const account = demoAccount(server, 'prosecutor');
    const context = await newContext(browser);
    const page = await context.newPage();
    await fillLogin(page, account.username, account.password);
    await page.locator('nav.sidebar').waitFor();
    await page.locator('.shell-header .language-switcher select').selectOption('sr-Cyrl');
    await page.getByRole('link', { name: 'Почетна', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Одјава' }).click();
    await page.locator('#login-username').waitFor();

    // A new browser with no stored preference: the language comes back from the profile.
    const fresh = await newContext(browser);
    const again = await fresh.newPage();
    await fillLogin(again, account.username, account.password);
    await again.getByRole('link', { name: 'Почетна', exact: true }).waitFor();
    await expect(again.locator('html').getAttribute('lang')).resolves.toBe('sr-Cyrl');
    await again.goto(`${server.url}/account`);
    await again.getByRole('heading', { name: 'Мој налог' }).waitFor();
    await callApi(again, 'PATCH', '/api/auth/me', { locale: 'en' });
    await context.close();
    await fresh.close();
  });

  it('can be used from the keyboard: the skip link moves focus to the page content', async () => {
    const account = demoAccount(server, 'analyst');
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    // Like a person, start typing once the form is on screen with the cursor in the username field.
    await page.waitForFunction(() => document.activeElement?.id === 'login-username');
    await page.keyboard.type(account.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');
    await page.locator('nav.sidebar').waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });
});
