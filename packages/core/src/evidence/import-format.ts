// Recognises what a file (or folder) given for import is, and reads it with the right importer. A file that is
// none of the known formats is named as such — with what it looks like — and never guessed at.
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AppError } from '../shared/errors';
import type { ChatImport } from './chat-message';
import { openExportArchive, openExportDirectory, singleFileSource, type ExportSource } from './export-source';
import { findTelegramRoot, importTelegramExport } from './telegram-export';
import { readHar, readHtml, readMhtml, readWarc, type WebCaptureImport } from './web-capture';
import { findWhatsAppChat, importWhatsAppExport, looksLikeWhatsAppText, parseWhatsAppText } from './whatsapp-export';

export const IMPORT_FORMATS = ['telegram_desktop', 'whatsapp', 'warc', 'har', 'mhtml', 'html'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface DetectedFormat {
  format: ImportFormat | null;
  /** What the input looks like, in words (for the "unknown format" message). */
  looksLike: string;
  gzipped?: boolean;
}

const HEAD_BYTES = 64 * 1024;

async function readHead(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function detectExportFiles(source: ExportSource): ImportFormat | null {
  if (findTelegramRoot(source) !== null) return 'telegram_desktop';
  if (findWhatsAppChat(source) !== null) return 'whatsapp';
  return null;
}

function describeBytes(head: Buffer): string {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'a PDF document';
  if (head.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return 'a PNG image';
  if (head.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex'))) return 'a JPEG image';
  if (head.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return 'a ZIP archive';
  if (head.subarray(0, 2).equals(Buffer.from('1f8b', 'hex'))) return 'gzip-compressed data';
  if (head.includes(0)) return 'binary data';
  const text = head.toString('utf8').trimStart();
  if (text.startsWith('{') || text.startsWith('[')) return 'JSON of an unknown kind';
  return 'plain text';
}

export async function detectImportFormat(input: string): Promise<DetectedFormat> {
  const stat = await fs.stat(input);
  if (stat.isDirectory()) {
    const source = await openExportDirectory(input);
    const format = detectExportFiles(source);
    return { format, looksLike: format ? 'an export folder' : 'a folder without a Telegram or WhatsApp export' };
  }
  const head = await readHead(input);
  const looksLike = describeBytes(head);
  if (looksLike === 'a ZIP archive') {
    const source = await openExportArchive(input);
    try {
      const format = detectExportFiles(source);
      return { format, looksLike: format ? 'a ZIP export' : 'a ZIP archive without a Telegram or WhatsApp export' };
    } finally {
      source.close();
    }
  }
  if (looksLike === 'gzip-compressed data') {
    let inner = '';
    try {
      inner = gunzipSync(head, { finishFlush: 2 }).subarray(0, 16).toString('latin1');
    } catch {
      inner = '';
    }
    return /^WARC\/1\.[01]/.test(inner)
      ? { format: 'warc', looksLike: 'a compressed WARC file', gzipped: true }
      : { format: null, looksLike };
  }
  const text = head.toString('utf8').replace(/^\ufeff/, '');
  const trimmed = text.trimStart();
  if (/^WARC\/1\.[01]\r?\n/.test(text)) return { format: 'warc', looksLike: 'a WARC file' };
  if (trimmed.startsWith('{')) {
    if (/"log"\s*:\s*\{/.test(text) && /"entries"\s*:/.test(text)) return { format: 'har', looksLike: 'a HAR file' };
    if (/"messages"\s*:\s*\[|"chats"\s*:\s*\{/.test(text) && /"(name|about|personal_information)"\s*:/.test(text)) {
      return { format: 'telegram_desktop', looksLike: 'a Telegram result.json' };
    }
  }
  if (/^(from:|mime-version:|snapshot-content-location:|subject:|date:)/im.test(trimmed.slice(0, 2000))) {
    if (/content-type:\s*multipart\/related/i.test(text)) return { format: 'mhtml', looksLike: 'an MHTML page' };
  }
  if (/^(<!doctype html|<html|<!-- saved from url)/i.test(trimmed))
    return { format: 'html', looksLike: 'an HTML page' };
  if (looksLikeWhatsAppText(text)) return { format: 'whatsapp', looksLike: 'a WhatsApp chat text' };
  return { format: null, looksLike };
}

export type ImportResult =
  | { kind: 'chat'; format: ImportFormat; chat: ChatImport; source: ExportSource }
  | { kind: 'web'; format: ImportFormat; capture: WebCaptureImport };

export function unknownFormat(name: string, looksLike: string): AppError {
  return new AppError(
    'invalid',
    'import_unknown_format',
    `"${name}" is not a format Trag can import (it looks like ${looksLike}). Known formats: Telegram Desktop export, ` +
      'WhatsApp "Export chat", WARC, HAR, MHTML, HTML. Add it as a plain file instead.',
    { details: { looksLike } },
  );
}

/** Reads an import; for chats, the caller must close `source` after copying attachments. */
export interface ReadImportOptions {
  /** Never read files beside `input` (it lies in the blob store): a lone result.json is read without media. */
  standalone?: boolean;
}

export async function readImport(input: string, options: ReadImportOptions = {}): Promise<ImportResult> {
  const detected = await detectImportFormat(input);
  const name = path.basename(input);
  const isDir = (await fs.stat(input)).isDirectory();
  switch (detected.format) {
    case null:
      throw unknownFormat(name, detected.looksLike);
    case 'telegram_desktop':
    case 'whatsapp': {
      let source: ExportSource;
      if (isDir) source = await openExportDirectory(input);
      else if (detected.looksLike === 'a ZIP export') source = await openExportArchive(input);
      else if (detected.format === 'telegram_desktop') {
        source = options.standalone
          ? await singleFileSource(input, 'result.json')
          : await openExportDirectory(path.dirname(input));
      } else source = await singleFileSource(input);
      try {
        let chat: ChatImport;
        if (detected.format === 'telegram_desktop') {
          chat = await importTelegramExport(source);
        } else if (!isDir && detected.looksLike === 'a WhatsApp chat text') {
          // A lone .txt without its media: attachments are listed as not included.
          chat = parseWhatsAppText(await fs.readFile(input, 'utf8'), new Set());
        } else {
          chat = await importWhatsAppExport(source);
        }
        return { kind: 'chat', format: detected.format, chat, source };
      } catch (error) {
        source.close();
        throw error;
      }
    }
    case 'warc':
      return { kind: 'web', format: 'warc', capture: await readWarc(createReadStream(input), !!detected.gzipped) };
    case 'har':
      return { kind: 'web', format: 'har', capture: readHar(await readLimited(input)) };
    case 'mhtml':
      return { kind: 'web', format: 'mhtml', capture: readMhtml(await readLimited(input, 'latin1')) };
    case 'html':
      return { kind: 'web', format: 'html', capture: readHtml(await readLimited(input)) };
  }
}

async function readLimited(file: string, encoding: BufferEncoding = 'utf8'): Promise<string> {
  if ((await fs.stat(file)).size > 512 * 1024 * 1024) {
    throw new AppError('invalid', 'import_file_too_large', 'The file is too large to read as a page capture.');
  }
  return fs.readFile(file, encoding);
}
