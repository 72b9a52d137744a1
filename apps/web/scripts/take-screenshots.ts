// Screenshots of every page for the README, against a running demo server:
//   npx tsx apps/web/scripts/take-screenshots.ts http://127.0.0.1:18301 /tmp/shots [page-name …]
// Case pages use TRAG_SHOT_CASE (a case id) and TRAG_SHOT_ENTITY (an entity id) when set, else the first case.
/* eslint-disable no-restricted-imports -- a Node script, not part of the browser bundle */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext } from '../test/browser-harness';

const [baseUrl = 'http://127.0.0.1:18301', outDir = '/tmp/trag-shots', ...only] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });

async function login(page: Page, username: string, password: string, language = 'en') {
  await page.goto(`${baseUrl}/login`);
  await page.evaluate((lang) => localStorage.setItem('trag.language', lang), language);
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.locator('nav.sidebar').waitFor();
  // The user's saved language wins after sign-in; switch it (this also saves it to the profile).
  await page.locator('.shell-header .language-switcher select').selectOption(language);
}

const shots: { name: string; path: string; user?: [string, string]; language?: string; full?: boolean }[] = [
  { name: 'login', path: '/login' },
  { name: 'dashboard', path: '/', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'case-list', path: '/cases', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'case-overview', path: '/cases/{case}', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  {
    name: 'case-entities',
    path: '/cases/{case}/entities',
    user: ['demo.investigator', 'Demo!Investigator-2026'],
    full: true,
  },
  { name: 'case-members', path: '/cases/{case}/members', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'case-notes', path: '/cases/{case}/notes', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'case-tasks', path: '/cases/{case}/tasks', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'case-activity', path: '/cases/{case}/activity', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'entity', path: '/entities/{entity}', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'new-case', path: '/cases/new', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'search', path: '/search?q=posao', user: ['demo.investigator', 'Demo!Investigator-2026'] },
  { name: 'account', path: '/account', user: ['demo.investigator', 'Demo!Investigator-2026'], full: true },
  { name: 'audit', path: '/audit', user: ['demo.supervisor', 'Demo!Supervisor-2026'] },
  { name: 'users', path: '/admin/users', user: ['demo.admin', 'Demo!Administrator-2026'] },
  { name: 'agencies', path: '/admin/agencies', user: ['demo.admin', 'Demo!Administrator-2026'] },
  {
    name: 'case-overview-mk',
    path: '/cases/{case}',
    user: ['demo.investigator', 'Demo!Investigator-2026'],
    language: 'mk',
  },
  {
    name: 'case-entities-sq',
    path: '/cases/{case}/entities',
    user: ['demo.investigator', 'Demo!Investigator-2026'],
    language: 'sq',
  },
  { name: 'dashboard-sr-cyrl', path: '/', user: ['demo.investigator', 'Demo!Investigator-2026'], language: 'sr-Cyrl' },
];

const browser = await launchBrowser();
try {
  for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.name))) {
    const context = await newContext(browser);
    const page = await context.newPage();
    if (shot.user) await login(page, shot.user[0], shot.user[1], shot.language);
    let target = shot.path;
    if (target.includes('{case}')) {
      const caseId =
        process.env.TRAG_SHOT_CASE ??
        (await page.evaluate(async () => {
          const list = (await (await fetch('/api/cases?limit=1')).json()) as { items: { id: string }[] };
          return list.items[0]?.id ?? 'none';
        }));
      target = target.replace('{case}', caseId);
    }
    target = target.replace('{entity}', process.env.TRAG_SHOT_ENTITY ?? 'none');
    await page.goto(`${baseUrl}${target}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const file = path.join(outDir, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: shot.full ?? false });
    console.log(file);
    await context.close();
  }
} finally {
  await browser.close();
}
