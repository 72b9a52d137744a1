// Training in a real browser: the demo trainer starts a session for the flagship scenario, a trainee joins with the
// code on another device and plays the labour-exploitation interview to the debrief, and the trainer's live
// dashboard shows the finished attempt.
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
const FLAGSHIP = 'Interviewing a worker recruited online for construction abroad';

async function signIn(page: Page, role: string) {
  const account = demoAccount(server, role);
  await logInThroughUi(page, server.url, account.username, account.password);
  await page.locator('.shell-header .language-switcher select').selectOption('en');
  await page.getByRole('link', { name: 'Dashboard' }).waitFor();
}

beforeAll(async () => {
  server = await startTragServer({ demo: true, port: 19001 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('training in the browser', () => {
  it('a trainer starts a session and a trainee plays the labour-exploitation interview to the debrief', async () => {
    const trainerPage = await (await newContext(browser)).newPage();
    await signIn(trainerPage, 'trainer');
    await trainerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    await trainerPage.getByLabel('Session title').fill('Module 5 browser run');
    await trainerPage.getByLabel('Group', { exact: true }).fill('Sarajevo group');
    await trainerPage.locator('select[name="scenario"]').selectOption({ label: FLAGSHIP });
    await trainerPage.getByRole('button', { name: 'Start session' }).click();
    const code = ((await trainerPage.getByTestId('session-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);

    const traineePage = await (await newContext(browser)).newPage();
    await signIn(traineePage, 'trainee');
    await traineePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    await traineePage.getByLabel('Session code').fill(code.toLowerCase());
    await traineePage.getByLabel('Your name for the group').fill('Arben');
    await traineePage.getByRole('button', { name: 'Join' }).click();
    await traineePage.getByRole('heading', { name: 'Interview simulation' }).waitFor();
    await traineePage.getByText('Ramesh, 34').waitFor();

    // Enabled choices only: while an answer is on its way the page disables the buttons it shows, and a click on
    // one of those could wait for ever when the answer ends the story.
    const choices = traineePage.getByRole('list', { name: 'Your choices' }).getByRole('button', { disabled: false });
    const debrief = traineePage.locator('#training-debrief');
    for (let i = 0; i < 40; i++) {
      // Wait for the next decision point or the debrief, whichever the server's answer brought.
      await debrief.or(choices.first()).first().waitFor();
      if (await debrief.isVisible()) break;
      await choices.first().click();
    }
    await traineePage.locator('#training-debrief').waitFor();
    expect(await traineePage.getByTestId('grade').textContent()).toBe('excellent');
    await traineePage.getByText('R02 Never interview in front of a possible exploiter').waitFor();

    // The trainer's dashboard updated live (no reload).
    await trainerPage.getByRole('cell', { name: 'Arben' }).waitFor();
    await trainerPage.getByRole('cell', { name: 'finished' }).waitFor();
  }, 180_000);

  it('a trainer sees a scenario compile live and its map of knots and choices', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, 'trainer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    await page.getByRole('link', { name: FLAGSHIP }).first().click();
    await page.getByText('Compiles without errors.').waitFor();
    await page.getByRole('button', { name: 'Full check' }).click();
    await page.getByText('All checks passed.').waitFor({ timeout: 60_000 });
    await page.getByText('companion.0.c-1').waitFor();
  }, 120_000);

  it('a trainee traces the sandbox wallet to the exchange and the trainer sees the result live', async () => {
    const trainerPage = await (await newContext(browser)).newPage();
    await signIn(trainerPage, 'trainer');
    await trainerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    await trainerPage.getByRole('link', { name: /DEMO Module 6/ }).click();
    const code = ((await trainerPage.getByTestId('session-code').textContent()) ?? '').trim();
    const exercisesPanel = trainerPage.locator('section[aria-labelledby="training-exercises"]');
    // The demo trainee answered the wallet exercise with the decoy exchange.
    await exercisesPanel
      .getByRole('row', { name: /Arben \(DEMO\) Trace the wallet to the exchange 1 not yet right/ })
      .waitFor();

    const traineePage = await (await newContext(browser)).newPage();
    await signIn(traineePage, 'trainee');
    await traineePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    await traineePage.getByLabel('Session code').fill(code);
    await traineePage.getByLabel('Your name for the group').fill('Arben (DEMO)');
    await traineePage.getByRole('button', { name: 'Join' }).click();
    await traineePage.getByRole('link', { name: 'Trace the wallet to the exchange' }).click();
    await traineePage.getByText('Sandbox: all material is synthetic').waitFor();
    // The previous, wrong answer and its feedback are shown again.
    await traineePage.getByText(/receives only a small peel/).waitFor();
    await traineePage.getByLabel('Method').selectOption('haircut');
    await traineePage.getByRole('button', { name: 'Trace forward' }).click();
    const top = traineePage.getByTestId('exercise-endpoints').getByRole('row').first();
    const reason = ((await top.getByRole('cell').nth(1).textContent()) ?? '').trim();
    expect(reason).toMatch(/^exchange: /);
    await traineePage.getByLabel('Exchange').fill(reason.replace(/^exchange: /, ''));
    await traineePage.getByRole('button', { name: 'Check answer' }).click();
    await traineePage.getByTestId('exercise-verdict').getByText('correct', { exact: true }).waitFor();

    await exercisesPanel
      .getByRole('row', { name: /Arben \(DEMO\) Trace the wallet to the exchange 2 correct/ })
      .waitFor();
  }, 180_000);
  it('an administrator registers a learning platform for LTI and removes it', async () => {
    const page = await (await newContext(browser)).newPage();
    await signIn(page, 'administrator');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click();
    const panel = page.locator('section[aria-labelledby="training-lti"]');
    await panel.getByText(/\/api\/training\/lti\/jwks$/).waitFor();
    await panel.getByLabel('Issuer (platform ID)').fill('https://moodle.example.org');
    await panel.getByLabel('Client ID').fill('trag-browser');
    await panel.getByLabel('Deployment IDs (comma-separated)').fill('1, 2');
    await panel.getByLabel('Authentication request URL').fill('https://moodle.example.org/mod/lti/auth.php');
    await panel.getByLabel('Access token URL').fill('https://moodle.example.org/mod/lti/token.php');
    await panel.getByLabel('Public keyset URL').fill('https://moodle.example.org/mod/lti/certs.php');
    await panel.getByRole('button', { name: 'Register platform' }).click();
    const row = panel.getByRole('listitem').filter({ hasText: 'trag-browser' });
    await row.getByText('1, 2').waitFor();
    await row.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached' });
  }, 120_000);
});
