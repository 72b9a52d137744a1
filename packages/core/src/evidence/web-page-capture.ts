// Captures a web page with headless Chromium (Debian's /usr/bin/chromium through playwright-core): a WARC of every
// HTTP response the page fetched, a full-page PNG screenshot and a PDF, with the URL, the final URL, the HTTP status,
// the time (UTC) and the tool versions. The server must reach the page; private and loopback addresses are refused
// unless the deployment allows them (a capture must not become a way to probe the internal network).
import { randomUUID } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError, invalid } from '../shared/errors';

export interface WebPageCapture {
  url: string;
  finalUrl: string;
  status: number | null;
  title: string;
  capturedAt: string;
  tool: string;
  warc: Buffer;
  screenshot: Buffer;
  pdf: Buffer;
  resources: number;
}

export interface CaptureOptions {
  chromiumPath?: string;
  timeoutMs?: number;
  allowPrivateNetwork?: boolean;
  now?: () => Date;
}

function isPrivateAddress(address: string): boolean {
  if (address === '::1' || address === '::' || /^f[cd]/i.test(address) || /^fe80/i.test(address)) return true;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  const parts = v4.split('.').map(Number);
  if (parts.length !== 4) return false;
  const [a, b] = parts as [number, number, number, number];
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

export async function checkCaptureUrl(raw: string, allowPrivateNetwork: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('capture_url_invalid', 'Give the full address of the page, starting with http:// or https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid('capture_url_invalid', 'Only http:// and https:// pages can be captured.');
  }
  if (!allowPrivateNetwork) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
    if (addresses.length === 0) throw invalid('capture_host_unknown', `The host ${host} cannot be found.`);
    if (addresses.some(isPrivateAddress)) {
      throw invalid('capture_private_address', 'Pages on private or local network addresses cannot be captured.');
    }
  }
  return url;
}

function warcRecord(headers: [string, string][], block: Buffer): Buffer {
  const head = ['WARC/1.1', ...headers.map(([k, v]) => `${k}: ${v}`), `Content-Length: ${block.length}`, '', ''].join(
    '\r\n',
  );
  return Buffer.concat([Buffer.from(head, 'utf8'), block, Buffer.from('\r\n\r\n')]);
}

export async function captureWebPage(raw: string, options: CaptureOptions = {}): Promise<WebPageCapture> {
  const url = await checkCaptureUrl(raw, options.allowPrivateNetwork ?? false);
  const now = options.now ?? (() => new Date());
  let browser;
  try {
    // Loaded on demand: playwright-core adds ~57 MB to a process that never captures a page.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: options.chromiumPath ?? process.env.TRAG_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
  } catch {
    throw new AppError('unavailable', 'capture_browser_missing', 'No headless Chromium is available on the server.');
  }
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const records: Buffer[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push(
        (async () => {
          const at = now().toISOString();
          const body = await response.body().catch(() => Buffer.alloc(0));
          const headerLines = Object.entries(await response.allHeaders())
            .filter(
              ([name]) => name !== 'content-length' && name !== 'transfer-encoding' && name !== 'content-encoding',
            )
            .map(([name, value]) => `${name}: ${value}`);
          const http = Buffer.concat([
            Buffer.from(
              [
                `HTTP/1.1 ${response.status()} ${response.statusText()}`,
                ...headerLines,
                `content-length: ${body.length}`,
                '',
                '',
              ].join('\r\n'),
              'utf8',
            ),
            body,
          ]);
          records.push(
            warcRecord(
              [
                ['WARC-Type', 'response'],
                ['WARC-Record-ID', `<urn:uuid:${randomUUID()}>`],
                ['WARC-Date', at.replace(/\.\d{3}Z$/, 'Z')],
                ['WARC-Target-URI', response.url()],
                ['Content-Type', 'application/http;msgtype=response'],
              ],
              http,
            ),
          );
        })(),
      );
    });
    const capturedAt = now().toISOString();
    let main;
    try {
      main = await page.goto(url.toString(), { waitUntil: 'load', timeout: options.timeoutMs ?? 30_000 });
    } catch {
      throw new AppError('unavailable', 'capture_page_unreachable', 'The page could not be loaded from the server.');
    }
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
    const screenshot = await page.screenshot({ fullPage: true, type: 'png' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const title = await page.title();
    await Promise.all(pending);
    const tool = `Trag capture (playwright-core ${browser.browserType().name()}, Chromium ${browser.version()})`;
    const info = Buffer.from(
      `software: ${tool}\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\nhttp-header-note: headers as reported by the browser; bodies decoded\r\n`,
      'utf8',
    );
    const warcinfo = warcRecord(
      [
        ['WARC-Type', 'warcinfo'],
        ['WARC-Record-ID', `<urn:uuid:${randomUUID()}>`],
        ['WARC-Date', capturedAt.replace(/\.\d{3}Z$/, 'Z')],
        ['Content-Type', 'application/warc-fields'],
      ],
      info,
    );
    return {
      url: url.toString(),
      finalUrl: page.url(),
      status: main?.status() ?? null,
      title,
      capturedAt,
      tool,
      warc: Buffer.concat([warcinfo, ...records]),
      screenshot,
      pdf,
      resources: records.length,
    };
  } finally {
    await browser.close();
  }
}
