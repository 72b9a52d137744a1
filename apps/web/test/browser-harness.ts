// Browser-test harness: starts a real Trag server (the CLI's `serve`) on a free port with a fresh data folder, and
// launches Debian's chromium through playwright-core. Browser tests need the built UI (`node scripts/build-web.mjs`;
// `npm test` builds it before the browser project runs).
/* eslint-disable no-restricted-imports -- test tooling runs in Node, not in the browser bundle */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(new URL('../../..', import.meta.url).pathname);
export const CHROMIUM_PATH = process.env.TRAG_CHROMIUM ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 768 } as const;

export interface TragServer {
  url: string;
  dataDir: string;
  /** Everything the server printed (URL, demo accounts), for tests that read the demo credentials. */
  output(): string;
  close(): Promise<void>;
}

export interface StartTragServerOptions {
  demo?: boolean;
  env?: Record<string, string>;
  /** Fixed port; default: a free port chosen by the OS. */
  port?: number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`trag serve exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`trag serve did not answer /api/health within ${timeoutMs} ms:\n${log()}`);
}

/** Spawns `node apps/cli/bin/trag.js serve` with a fresh TRAG_DATA_DIR under /tmp and waits for /api/health. */
export async function startTragServer(options: StartTragServerOptions = {}): Promise<TragServer> {
  // Debugging aid: run the browser tests against a server you started yourself (its printed output in a file).
  const external = process.env.TRAG_TEST_EXTERNAL_URL;
  if (external) {
    const logFile = process.env.TRAG_TEST_EXTERNAL_LOG;
    return {
      url: external.replace(/\/$/, ''),
      dataDir: '',
      output: () => (logFile ? readFileSync(logFile, 'utf8') : ''),
      close: async () => undefined,
    };
  }
  if (!existsSync(path.join(REPO_ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('The web UI is not built: run "node scripts/build-web.mjs" before the browser tests.');
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-browser-'));
  const port = options.port ?? (await freePort());
  const args = ['apps/cli/bin/trag.js', 'serve', '--port', String(port)];
  if (options.demo) args.push('--demo');
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      TRAG_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, dataDir, output: () => log, close };
}

/** The username and password of the demo account of a role, as `trag serve --demo` printed them. */
export function demoAccount(server: TragServer, role: string): { username: string; password: string } {
  const match = new RegExp(`^\\s*${role}\\s+(\\S+)\\s+password: (\\S+)`, 'm').exec(server.output());
  if (!match) throw new Error(`No demo account for ${role} in the server output:\n${server.output()}`);
  return { username: match[1]!, password: match[2]! };
}

/** Headless Debian chromium (never a downloaded browser). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own cookies) at 1366×768, in the given UI language. */
export async function newContext(browser: Browser, locale = 'en-GB'): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, locale });
}

/** Logs in through the login form and waits for the shell. */
export async function logInThroughUi(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/username/i).fill(username);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /log in/i }).click();
  await page.locator('nav.sidebar').waitFor();
}
