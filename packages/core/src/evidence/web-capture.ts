// Saved web material: WARC (ISO 28500, .warc or per-record gzip .warc.gz), HAR 1.2 (browser developer tools),
// MHTML (Chrome "Save as single file") and plain saved HTML. Each reader lists what was captured — URL, time,
// HTTP status, media type, size, payload SHA-256 — without changing the original. WARC is read as a stream.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { AppError } from '../shared/errors';

export interface CapturedResource {
  uri: string;
  /** ISO-8601 UTC where the format gives it. */
  date: string | null;
  status: number | null;
  mediaType: string | null;
  size: number;
  sha256: string | null;
  recordType: string;
}

export interface WebCaptureImport {
  format: 'warc' | 'har' | 'mhtml' | 'html';
  title: string;
  pageUrl: string | null;
  capturedAt: string | null;
  resources: CapturedResource[];
  notes: string[];
}

function invalid(code: string, message: string): AppError {
  return new AppError('invalid', code, message);
}

// ---------------------------------------------------------------- WARC

/** Streams a WARC (optionally gzip-compressed) and lists its records. */
export async function readWarc(source: Readable, gzipped: boolean): Promise<WebCaptureImport> {
  const input = gzipped ? source.pipe(createGunzip()) : source;
  const resources: CapturedResource[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  let state: 'header' | 'body' | 'trailer' = 'header';
  let headers: Map<string, string> = new Map();
  let remaining = 0;
  let hash = createHash('sha256');
  let head: Buffer = Buffer.alloc(0);
  let records = 0;

  const finishRecord = () => {
    const type = headers.get('warc-type') ?? 'unknown';
    const contentType = headers.get('content-type') ?? null;
    let status: number | null = null;
    let mediaType = contentType;
    if (contentType?.startsWith('application/http') && type === 'response') {
      const text = head.toString('latin1');
      const statusMatch = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(text);
      status = statusMatch ? Number(statusMatch[1]) : null;
      const ct = /\r?\ncontent-type:\s*([^\r\n;]+)/i.exec(text);
      mediaType = ct ? ct[1]!.trim() : null;
    }
    resources.push({
      uri: (headers.get('warc-target-uri') ?? '').replace(/^<|>$/g, ''),
      date: headers.get('warc-date') ?? null,
      status,
      mediaType,
      size: Number(headers.get('content-length') ?? 0),
      sha256: hash.digest('hex'),
      recordType: type,
    });
    records += 1;
  };

  for await (const chunk of input) {
    buffer = buffer.length ? Buffer.concat([buffer, chunk as Buffer]) : (chunk as Buffer);
    for (;;) {
      if (state === 'header') {
        while (buffer.length && (buffer[0] === 0x0d || buffer[0] === 0x0a)) buffer = buffer.subarray(1);
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) {
          if (buffer.length > 1024 * 1024) throw invalid('import_warc_invalid', 'A WARC record header is too long.');
          break;
        }
        const lines = buffer.subarray(0, end).toString('utf8').split('\r\n');
        if (!/^WARC\/1\.[01]$/.test(lines[0] ?? '')) {
          throw invalid('import_warc_invalid', `This is not a WARC file (record ${records + 1} has no WARC/1.x line).`);
        }
        headers = new Map();
        for (const line of lines.slice(1)) {
          const colon = line.indexOf(':');
          if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        remaining = Number(headers.get('content-length'));
        if (!Number.isFinite(remaining) || remaining < 0) {
          throw invalid('import_warc_invalid', `WARC record ${records + 1} has no valid Content-Length.`);
        }
        hash = createHash('sha256');
        head = Buffer.alloc(0);
        buffer = buffer.subarray(end + 4);
        state = 'body';
      }
      if (state === 'body') {
        const take = Math.min(remaining, buffer.length);
        const part = buffer.subarray(0, take);
        hash.update(part);
        if (head.length < 8192) head = Buffer.concat([head, part.subarray(0, 8192 - head.length)]);
        remaining -= take;
        buffer = buffer.subarray(take);
        if (remaining > 0) break;
        finishRecord();
        state = 'trailer';
      }
      if (state === 'trailer') {
        if (buffer.length < 4) break;
        buffer = buffer.subarray(4); // CRLF CRLF after each record
        state = 'header';
      }
    }
  }
  if (state === 'body') throw invalid('import_warc_truncated', 'The WARC file ends in the middle of a record.');
  if (records === 0) throw invalid('import_warc_invalid', 'The WARC file holds no records.');
  const page = resources.find((r) => r.recordType === 'response' && (r.mediaType ?? '').includes('html'));
  return {
    format: 'warc',
    title: page?.uri ?? 'WARC capture',
    pageUrl: page?.uri ?? null,
    capturedAt: page?.date ?? resources[0]?.date ?? null,
    resources,
    notes: [],
  };
}

// ---------------------------------------------------------------- HAR

interface HarEntry {
  startedDateTime?: string;
  request?: { url?: string; method?: string };
  response?: { status?: number; content?: { mimeType?: string; size?: number; text?: string; encoding?: string } };
}

export function readHar(text: string): WebCaptureImport {
  let parsed: { log?: { entries?: HarEntry[]; pages?: { title?: string; startedDateTime?: string }[] } };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw invalid('import_har_invalid', 'This HAR file is not valid JSON.');
  }
  const entries = parsed.log?.entries;
  if (!Array.isArray(entries)) throw invalid('import_har_invalid', 'This HAR file has no log.entries.');
  const resources = entries.map((e): CapturedResource => {
    const content = e.response?.content;
    const body =
      typeof content?.text === 'string'
        ? Buffer.from(content.text, content.encoding === 'base64' ? 'base64' : 'utf8')
        : null;
    return {
      uri: e.request?.url ?? '',
      date: e.startedDateTime ? new Date(e.startedDateTime).toISOString() : null,
      status: typeof e.response?.status === 'number' ? e.response.status : null,
      mediaType: content?.mimeType?.split(';')[0]?.trim() || null,
      size: body?.length ?? content?.size ?? 0,
      sha256: body ? createHash('sha256').update(body).digest('hex') : null,
      recordType: 'response',
    };
  });
  const page = parsed.log?.pages?.[0];
  const first = resources.find((r) => (r.mediaType ?? '').includes('html')) ?? resources[0];
  return {
    format: 'har',
    title: page?.title || first?.uri || 'HAR capture',
    pageUrl: first?.uri ?? null,
    capturedAt: page?.startedDateTime ? new Date(page.startedDateTime).toISOString() : (first?.date ?? null),
    resources,
    notes: resources.some((r) => r.sha256 === null)
      ? ['Some responses were saved without their content; only their metadata is listed.']
      : [],
  };
}

// ---------------------------------------------------------------- MHTML / HTML

function headerBlock(text: string): { headers: Map<string, string>; bodyStart: number } {
  const end = text.search(/\r?\n\r?\n/);
  const block = end < 0 ? text : text.slice(0, end);
  const headers = new Map<string, string>();
  let last = '';
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) {
      last = line.slice(0, colon).trim().toLowerCase();
      headers.set(last, line.slice(colon + 1).trim());
    }
  }
  const sep = end < 0 ? text.length : end + (text.slice(end).startsWith('\r\n\r\n') ? 4 : 2);
  return { headers, bodyStart: sep };
}

function decodeMimeWord(value: string): string {
  return value.replace(/=\?([^?]+)\?([bq])\?([^?]*)\?=/gi, (_m, _charset: string, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'latin1'));
    }
  }
  return Buffer.from(bytes);
}

export function readMhtml(text: string): WebCaptureImport {
  const { headers } = headerBlock(text);
  const contentType = headers.get('content-type') ?? '';
  const boundaryMatch = /boundary="?([^";]+)"?/i.exec(contentType);
  if (!/multipart\/related/i.test(contentType) || !boundaryMatch) {
    throw invalid('import_mhtml_invalid', 'This is not an MHTML file (no multipart/related body).');
  }
  const boundary = `--${boundaryMatch[1]}`;
  const parts = text.split(boundary).slice(1);
  const resources: CapturedResource[] = [];
  let title = decodeMimeWord(headers.get('subject') ?? '');
  for (const part of parts) {
    if (part.startsWith('--')) break;
    const { headers: ph, bodyStart } = headerBlock(part.replace(/^\r?\n/, ''));
    const rawBody = part
      .replace(/^\r?\n/, '')
      .slice(bodyStart)
      .replace(/\r?\n$/, '');
    const encoding = (ph.get('content-transfer-encoding') ?? 'binary').toLowerCase();
    const body =
      encoding === 'base64'
        ? Buffer.from(rawBody.replace(/\s+/g, ''), 'base64')
        : encoding === 'quoted-printable'
          ? decodeQuotedPrintable(rawBody)
          : Buffer.from(rawBody, 'latin1');
    const mediaType = ph.get('content-type')?.split(';')[0]?.trim() ?? null;
    if (!title && mediaType === 'text/html') title = htmlTitle(body.toString('utf8')) ?? '';
    resources.push({
      uri: ph.get('content-location') ?? '',
      date: null,
      status: null,
      mediaType,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
      recordType: 'resource',
    });
  }
  const date = headers.get('date');
  return {
    format: 'mhtml',
    title: title || 'Saved page',
    pageUrl: headers.get('snapshot-content-location') ?? resources[0]?.uri ?? null,
    capturedAt: date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : null,
    resources,
    notes: [],
  };
}

function htmlTitle(html: string): string | null {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : null;
}

export function readHtml(text: string): WebCaptureImport {
  const savedFrom = /<!--\s*saved from url=\(\d+\)(\S+)\s*-->/i.exec(text)?.[1] ?? null;
  const canonical =
    /<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)["']/i.exec(text)?.[1] ??
    /<meta[^>]+property=["']og:url["'][^>]+content=["']([^"']+)["']/i.exec(text)?.[1] ??
    null;
  return {
    format: 'html',
    title: htmlTitle(text) ?? 'Saved page',
    pageUrl: savedFrom ?? canonical,
    capturedAt: null,
    resources: [],
    notes: ['A saved HTML page does not record when or how it was fetched; prefer WARC or MHTML captures.'],
  };
}
