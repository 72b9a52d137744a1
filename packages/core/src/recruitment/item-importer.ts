// Reads items for import from a file's bytes: JSON Lines or CSV with a column mapping, plain text (one item per
// paragraph), a Telegram Desktop result.json or a WhatsApp chat .txt (both read with the evidence module's chat
// parsers). Decodes UTF-8, Windows-1250 (Latin) or Windows-1251 (Cyrillic). Malformed records are reported with
// their line numbers, never with their content.
import iconv from 'iconv-lite';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseWhatsAppText, importTelegramExport, type ExportSource } from '@trag/core/evidence';
import { invalid } from '@trag/core/shared';
import { MAX_ITEM_TEXT, type LineError } from './item-reader';
import { decodeHtml, itemsFromHtml, itemsFromWarc } from './web-page-reader';

export const IMPORT_FORMATS = ['jsonl', 'csv', 'text', 'telegram', 'whatsapp', 'html', 'warc'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'windows-1250', 'windows-1251'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Which field (JSONL key or CSV column header) holds what. Only `text` is required. */
export interface ColumnMapping {
  id?: string;
  text: string;
  url?: string;
  postedAt?: string;
  source?: string;
}

export interface ImportedItem {
  externalId: string;
  text: string;
  url: string | null;
  postedAt: string | null;
  source: string | null;
  position: string;
}

export interface ParsedImport {
  items: ImportedItem[];
  errors: LineError[];
  encoding: string;
}

/** Decodes bytes: a UTF-8 BOM or valid UTF-8 wins under "auto"; otherwise Cyrillic-range bytes choose 1251. */
export function decodeText(bytes: Uint8Array, encoding: ImportEncoding = 'auto'): { text: string; encoding: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding !== 'auto') return { text: iconv.decode(buffer, encoding), encoding };
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  const utf8 = buffer.toString('utf8');
  if (!utf8.includes('\uFFFD')) return { text: utf8, encoding: 'utf-8' };
  // Windows-1251 puts Cyrillic letters at 0xC0–0xFF; in 1250 text those bytes are rarer accented letters.
  let high = 0;
  for (const b of buffer) if (b >= 0xc0) high++;
  const cp = high > buffer.length * 0.2 ? 'windows-1251' : 'windows-1250';
  return { text: iconv.decode(buffer, cp), encoding: cp };
}

function field(record: Record<string, unknown>, key: string | undefined): string | null {
  if (!key) return null;
  const value = record[key];
  if (value === undefined || value === null || value === '') return null;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

function fromRecord(
  record: Record<string, unknown>,
  mapping: ColumnMapping,
  line: number,
  errors: LineError[],
): ImportedItem | null {
  const text = field(record, mapping.text);
  if (text === null) {
    errors.push({ line, message: `the "${mapping.text}" field is missing or empty` });
    return null;
  }
  if (text.length > MAX_ITEM_TEXT) {
    errors.push({ line, message: `the text is longer than ${MAX_ITEM_TEXT} characters` });
    return null;
  }
  return {
    externalId: field(record, mapping.id) ?? `line-${line}`,
    text,
    url: field(record, mapping.url),
    postedAt: field(record, mapping.postedAt),
    source: field(record, mapping.source),
    position: `line ${line}`,
  };
}

function parseJsonl(text: string, mapping: ColumnMapping): { items: ImportedItem[]; errors: LineError[] } {
  const items: ImportedItem[] = [];
  const errors: LineError[] = [];
  // Line by line with indexOf rather than split(): a 100 MB file would otherwise exist twice (text and lines).
  let line = 0;
  for (let from = 0; from <= text.length;) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    const raw = text.slice(from, to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to);
    from = to + 1;
    line += 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      errors.push({ line, message: 'not valid JSON' });
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ line, message: 'not a JSON object' });
      continue;
    }
    const item = fromRecord(value as Record<string, unknown>, mapping, line, errors);
    if (item) items.push(item);
  }
  return { items, errors };
}

function parseCsvText(text: string, mapping: ColumnMapping): { items: ImportedItem[]; errors: LineError[] } {
  const items: ImportedItem[] = [];
  const errors: LineError[] = [];
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parseCsv(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      delimiter: [',', ';', '\t'],
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw invalid(
      'import_csv_malformed',
      `The CSV file cannot be read from line ${line} on (unclosed quote?). Fix it and retry.`,
      {
        line,
      },
    );
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  if (rows.length > 0 && !header.includes(mapping.text)) {
    throw invalid(
      'import_column_missing',
      `The CSV has no column "${mapping.text}". Columns found: ${header.join(', ')}.`,
      {
        columns: header,
      },
    );
  }
  for (const { record, info } of rows) {
    const item = fromRecord(record, mapping, info.lines, errors);
    if (item) items.push(item);
  }
  return { items, errors };
}

function parsePlainText(text: string): { items: ImportedItem[]; errors: LineError[] } {
  const items: ImportedItem[] = [];
  const lines = text.split(/\r?\n/);
  let start = -1;
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length > 0) {
      items.push({
        externalId: `line-${start + 1}`,
        text: buffer.join('\n'),
        url: null,
        postedAt: null,
        source: null,
        position: `line ${start + 1}`,
      });
    }
    buffer = [];
    start = -1;
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') flush();
    else {
      if (start < 0) start = index;
      buffer.push(line);
    }
  });
  flush();
  return { items, errors: [] };
}

function memorySource(name: string, text: string): ExportSource {
  const bytes = Buffer.from(text, 'utf8');
  return {
    label: name,
    files: [{ path: 'result.json', size: bytes.length }],
    has: (p) => p === 'result.json',
    open: () => Promise.reject(new Error('not available')),
    readText: (p) => (p === 'result.json' ? Promise.resolve(text) : Promise.reject(new Error('not available'))),
    close: () => undefined,
  };
}

/** Parses one import file. Throws only when the whole file is unusable; bad records become `errors`. */
export async function parseImportFile(input: {
  bytes: Uint8Array;
  format: ImportFormat;
  mapping?: ColumnMapping;
  encoding?: ImportEncoding;
  fileName?: string;
  /** Shown as each item's source (e.g. the exhibit the file came from); defaults to the file name. */
  source?: string;
}): Promise<ParsedImport> {
  // Web captures carry their own encodings (per record, per page); they are decoded inside their reader.
  if (input.format === 'warc') {
    const warc = await itemsFromWarc(input.bytes, {
      source: input.source ?? input.fileName ?? null,
      ...(input.encoding ? { encoding: input.encoding } : {}),
    });
    return { items: warc.items, errors: warc.errors, encoding: 'per record' };
  }
  if (input.format === 'html') {
    const html = decodeHtml(input.bytes, null, input.encoding);
    const page = itemsFromHtml(html, {
      position: '',
      url: null,
      source: input.source ?? input.fileName ?? null,
      idPrefix: '',
    });
    return { ...page, encoding: 'per page' };
  }
  const { text, encoding } = decodeText(input.bytes, input.encoding);
  const mapping = input.mapping ?? { id: 'id', text: 'text', url: 'url', postedAt: 'posted_at', source: 'source' };
  switch (input.format) {
    case 'jsonl':
      return { ...parseJsonl(text, mapping), encoding };
    case 'csv':
      return { ...parseCsvText(text, mapping), encoding };
    case 'text':
      return { ...parsePlainText(text), encoding };
    case 'whatsapp': {
      const chat = parseWhatsAppText(text, new Set());
      return { items: chatItems(chat.messages, input.fileName ?? 'whatsapp'), errors: [], encoding };
    }
    case 'telegram': {
      const chat = await importTelegramExport(memorySource(input.fileName ?? 'result.json', text));
      return { items: chatItems(chat.messages, input.fileName ?? 'telegram'), errors: [], encoding };
    }
  }
}

function chatItems(
  messages: Array<{ ref: string; kind: string; text: string; time: string; author: string | null }>,
  source: string,
): ImportedItem[] {
  return messages
    .filter((m) => m.kind === 'message' && m.text.trim() !== '')
    .map((m) => ({
      externalId: m.ref,
      text: m.text,
      url: null,
      postedAt: m.time,
      source: m.author ? `${source} · ${m.author}` : source,
      position: m.ref,
    }));
}
