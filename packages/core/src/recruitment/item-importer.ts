// Reads items for import from a file's bytes: JSON Lines or CSV with a column mapping, plain text (one item per
// paragraph), a Telegram Desktop result.json or a WhatsApp chat .txt (both read with the evidence module's chat
// parsers). Decodes UTF-8, Windows-1250 (Latin) or Windows-1251 (Cyrillic). Malformed records are reported with
// their line numbers, never with their content.
import { isUtf8 } from 'node:buffer';
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

/**
 * The items of an import file, read on demand. JSON Lines (the bulk format) are indexed once and each item is
 * read again from the file's bytes when asked for, so a 100,000-item import holds byte offsets rather than
 * 100,000 parsed texts (two bytes a character once any letter is outside Latin-1); other formats keep their list.
 */
export interface ImportItems {
  count: number;
  errors: LineError[];
  encoding: string;
  /** Item `index` (0-based, in file order); the same item every time it is asked for. */
  item(index: number): ImportedItem;
  /** The caller is done with item `index` (lets a kept list drop it). */
  release(index: number): void;
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

/** One JSON Lines record (a line without its line break) as an item, or null when blank or bad (then reported). */
function jsonlItem(raw: string, line: number, mapping: ColumnMapping, errors: LineError[]): ImportedItem | null {
  if (raw.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    errors.push({ line, message: 'not valid JSON' });
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    errors.push({ line, message: 'not a JSON object' });
    return null;
  }
  return fromRecord(value as Record<string, unknown>, mapping, line, errors);
}

const REPLACEMENT_CHARACTER = Buffer.from('\uFFFD', 'utf8');

/**
 * The file as UTF-8 bytes, for reading line by line: the bytes themselves when decodeText would read them as
 * UTF-8 (tested without decoding the whole file into one string), else decodeText's text encoded once.
 */
function utf8Bytes(bytes: Uint8Array, encoding: ImportEncoding = 'auto'): { bytes: Buffer; encoding: string } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const body = bom ? buffer.subarray(3) : buffer;
  // "auto" with a BOM, and an explicit "utf-8" (iconv drops the BOM), decode as UTF-8 whatever the bytes;
  // "auto" without a BOM only when no U+FFFD comes out (decodeText's test).
  if (((encoding === 'auto' && bom) || encoding === 'utf-8') && isUtf8(body)) return { bytes: body, encoding: 'utf-8' };
  if (encoding === 'auto' && !bom && isUtf8(body) && body.indexOf(REPLACEMENT_CHARACTER) < 0) {
    return { bytes: body, encoding: 'utf-8' };
  }
  const decoded = decodeText(buffer, encoding);
  return { bytes: Buffer.from(decoded.text, 'utf8'), encoding: decoded.encoding };
}

/**
 * Walks the records of UTF-8 JSON Lines bytes: `found` gets each good item with its byte span, bad ones go to
 * `errors`. Lines are numbered as written (LF or CRLF; a line break byte never occurs inside a UTF-8 character).
 */
function scanJsonl(
  bytes: Buffer,
  mapping: ColumnMapping,
  errors: LineError[],
  found: (item: ImportedItem, start: number, end: number, line: number) => void,
): void {
  let line = 0;
  for (let from = 0; from <= bytes.length;) {
    let to = bytes.indexOf(10, from);
    if (to < 0) to = bytes.length;
    const end = to > from && bytes[to - 1] === 13 ? to - 1 : to;
    line += 1;
    const item = jsonlItem(bytes.toString('utf8', from, end), line, mapping, errors);
    if (item) found(item, from, end, line);
    from = to + 1;
  }
}

function parseJsonl(bytes: Buffer, mapping: ColumnMapping): { items: ImportedItem[]; errors: LineError[] } {
  const items: ImportedItem[] = [];
  const errors: LineError[] = [];
  scanJsonl(bytes, mapping, errors, (item) => items.push(item));
  return { items, errors };
}

/** JSON Lines indexed by byte span and line number; an item is parsed again from its bytes when asked for. */
function jsonlItems(bytes: Buffer, mapping: ColumnMapping, encoding: string): ImportItems {
  const errors: LineError[] = [];
  // start, end and line number of each good record: three small integers an item instead of its parsed text
  const spans: number[] = [];
  scanJsonl(bytes, mapping, errors, (_item, start, end, line) => spans.push(start, end, line));
  return {
    count: spans.length / 3,
    errors,
    encoding,
    item(index) {
      const line = spans[index * 3 + 2]!;
      const again: LineError[] = [];
      const item = jsonlItem(bytes.toString('utf8', spans[index * 3]!, spans[index * 3 + 1]!), line, mapping, again);
      // the same bytes parsed the same way; only a file changed under the import could get here
      if (!item) throw new Error(`import record at line ${line} no longer reads as it did`);
      return item;
    },
    release: () => undefined,
  };
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

/** The columns (CSV) or fields (JSON Lines) read when the user names none. */
export const DEFAULT_COLUMN_MAPPING: ColumnMapping = {
  id: 'id',
  text: 'text',
  url: 'url',
  postedAt: 'posted_at',
  source: 'source',
};

/** The default mapping with the columns the user named put in place of the default names. */
export function columnMappingWith(named: Partial<ColumnMapping>): ColumnMapping {
  const mapping: ColumnMapping = { ...DEFAULT_COLUMN_MAPPING };
  for (const key of ['id', 'text', 'url', 'postedAt', 'source'] as const) {
    const name = named[key];
    if (name !== undefined) mapping[key] = name;
  }
  return mapping;
}

interface ImportFileInput {
  bytes: Uint8Array;
  format: ImportFormat;
  mapping?: ColumnMapping;
  encoding?: ImportEncoding;
  fileName?: string;
  /** Shown as each item's source (e.g. the exhibit the file came from); defaults to the file name. */
  source?: string;
}

/**
 * Opens one import file for reading its items on demand (see ImportItems). The bytes must stay unchanged until
 * the import is done. Throws only when the whole file is unusable; bad records become `errors`.
 */
export async function openImportFile(input: ImportFileInput): Promise<ImportItems> {
  if (input.format === 'jsonl') {
    const { bytes, encoding } = utf8Bytes(input.bytes, input.encoding);
    return jsonlItems(bytes, input.mapping ?? DEFAULT_COLUMN_MAPPING, encoding);
  }
  const parsed = await parseImportFile(input);
  const items: Array<ImportedItem | undefined> = parsed.items;
  return {
    count: items.length,
    errors: parsed.errors,
    encoding: parsed.encoding,
    item(index) {
      const item = items[index];
      if (!item) throw new Error(`import item ${index} was released or never read`);
      return item;
    },
    release(index) {
      items[index] = undefined;
    },
  };
}

/** Parses one import file. Throws only when the whole file is unusable; bad records become `errors`. */
export async function parseImportFile(input: ImportFileInput): Promise<ParsedImport> {
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
  const mapping = input.mapping ?? DEFAULT_COLUMN_MAPPING;
  if (input.format === 'jsonl') {
    // Line by line from the bytes: a 100 MB file never becomes one string (twice its size if any letter is
    // outside Latin-1).
    const { bytes, encoding } = utf8Bytes(input.bytes, input.encoding);
    return { ...parseJsonl(bytes, mapping), encoding };
  }
  const { text, encoding } = decodeText(input.bytes, input.encoding);
  switch (input.format) {
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
