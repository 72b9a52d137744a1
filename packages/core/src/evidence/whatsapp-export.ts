// Reads a WhatsApp "Export chat" as the phone produces it: a .txt ("WhatsApp Chat with X.txt" on Android,
// "_chat.txt" on iOS) plus media files, usually in a .zip.
//
// Line shapes:
//   Android  "14.11.26, 21:16 - Name: text"      "11/14/26, 9:16 PM - Name: text"   system lines have no "Name: "
//   iOS      "[14.11.26, 21:16:05] Name: text"   "[11/14/26, 9:16:05 PM] Name: text"  (often with U+200E marks)
// Attachments: Android "IMG-….jpg (file attached)", iOS "<attached: 0000…-PHOTO-….jpg>"; without media:
// "<Media omitted>" / "image omitted". Lines that do not start a message continue the previous one.
//
// Dates are day-first or month-first depending on the phone's locale. The order is decided from the whole file
// (a first number above 12 means day-first, a second above 12 month-first); if nothing decides it, day-first
// (the region's locales) is used and a note says so. Times are the phone's local time without offset.
import { AppError } from '../shared/errors';
import { attachmentKind, mediaTypeOf, type ChatAttachment, type ChatImport, type ChatMessage } from './chat-message';
import type { ExportSource } from './export-source';

const MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SPACES = /[\u202f\u00a0]/g;

// date, time, optional am/pm; then " - " (Android) or "] " (iOS).
const DATE = String.raw`(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?)?`;
const ANDROID_LINE = new RegExp(String.raw`^${DATE},?\s+${TIME}\s+-\s+(.*)$`, 'i');
const IOS_LINE = new RegExp(String.raw`^\[${DATE},?\s+${TIME}\]\s+(.*)$`, 'i');

interface RawLine {
  lineNo: number;
  a: number;
  b: number;
  c: number;
  hour: number;
  minute: number;
  second: number;
  meridiem: string | null;
  rest: string;
  shape: 'android' | 'ios';
}

function parseHeader(line: string, lineNo: number): RawLine | null {
  const m = IOS_LINE.exec(line) ?? ANDROID_LINE.exec(line);
  if (!m) return null;
  return {
    lineNo,
    a: Number(m[1]),
    b: Number(m[2]),
    c: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] ? Number(m[6]) : 0,
    meridiem: m[7] ? m[7].toLowerCase() : null,
    rest: m[8] ?? '',
    shape: line.startsWith('[') ? 'ios' : 'android',
  };
}

type DateOrder = 'dmy' | 'mdy' | 'ymd';

export function decideDateOrder(lines: RawLine[]): { order: DateOrder; decided: boolean } {
  if (lines.some((l) => l.a > 31)) return { order: 'ymd', decided: true };
  if (lines.some((l) => l.a > 12)) return { order: 'dmy', decided: true };
  if (lines.some((l) => l.b > 12)) return { order: 'mdy', decided: true };
  return { order: 'dmy', decided: false };
}

function isoLocal(l: RawLine, order: DateOrder): string | null {
  const [day, month, rawYear] = order === 'dmy' ? [l.a, l.b, l.c] : order === 'mdy' ? [l.b, l.a, l.c] : [l.c, l.b, l.a];
  const year = rawYear < 100 ? rawYear + 2000 : rawYear;
  let hour = l.hour;
  if (l.meridiem === 'p' && hour < 12) hour += 12;
  if (l.meridiem === 'a' && hour === 12) hour = 0;
  const date = new Date(Date.UTC(year, month - 1, day, hour, l.minute, l.second));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || hour > 23) return null;
  return date.toISOString().slice(0, 19);
}

const SYSTEM_NOTICE =
  /^(messages and calls are end-to-end encrypted|poruke i pozivi su sveobuhvatno šifrovani|пораките и повиците се|поруке и позиви су)/i;
const OMITTED =
  /^<?(media omitted|medij(i)? izostavljen[io]?|image omitted|video omitted|audio omitted|sticker omitted|document omitted|gif omitted|слика изостављена|медији изостављени)>?$/i;
const ANDROID_ATTACHED =
  /^(.+?\.[A-Za-z0-9]{1,5}) \((file attached|datoteka je priložena|fajl je priložen|прикачен фајл|skedari bashkëngjitur)\)$/i;
const IOS_ATTACHED = /^<(?:attached|priloženo|прилог): (.+)>$/i;

/** Finds the chat text file of an export. */
export function findWhatsAppChat(source: ExportSource): string | null {
  const names = source.files.map((f) => f.path);
  return (
    names.find((p) => p.split('/').pop() === '_chat.txt') ??
    names.find((p) => /(^|\/)WhatsApp Chat (with|-|sa|со|me) .+\.txt$/i.test(p)) ??
    (names.filter((p) => p.endsWith('.txt')).length === 1 ? (names.find((p) => p.endsWith('.txt')) ?? null) : null)
  );
}

/** True if the text looks like a WhatsApp chat (its first non-empty line is a message header). */
export function looksLikeWhatsAppText(text: string): boolean {
  const first = text
    .split(/\r?\n/)
    .map((l) => l.replace(MARKS, '').replace(SPACES, ' '))
    .find((l) => l.trim() !== '');
  return first !== undefined && parseHeader(first, 1) !== null;
}

export function parseWhatsAppText(text: string, files: Set<string>, folder = ''): ChatImport {
  const rawLines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  const headers: RawLine[] = [];
  const bodies: string[][] = [];
  rawLines.forEach((raw, i) => {
    const line = raw.replace(MARKS, '').replace(SPACES, ' ');
    const header = parseHeader(line, i + 1);
    if (header) {
      headers.push(header);
      bodies.push([header.rest]);
    } else if (bodies.length) {
      bodies[bodies.length - 1]!.push(line);
    } else if (line.trim() !== '') {
      throw new AppError('invalid', 'import_whatsapp_invalid', 'This text file is not a WhatsApp chat export.');
    }
  });
  if (headers.length === 0) {
    throw new AppError('invalid', 'import_whatsapp_invalid', 'This text file is not a WhatsApp chat export.');
  }
  const { order, decided } = decideDateOrder(headers);
  const shape = headers.filter((h) => h.shape === 'ios').length > headers.length / 2 ? 'ios' : 'android';
  const participants = new Set<string>();
  const notes: string[] = [];
  if (!decided) {
    notes.push('The dates do not show whether day or month comes first; day-first was assumed (check one date).');
  }
  let missing = 0;
  const messages: ChatMessage[] = headers.map((h, i) => {
    const body = bodies[i]!;
    const first = body[0] ?? '';
    // "Name: text" — a name never contains ": " in exports, and system lines have no such prefix.
    const colon = first.indexOf(': ');
    const hasAuthor = colon > 0 && !SYSTEM_NOTICE.test(first);
    const author = hasAuthor ? first.slice(0, colon).trim() : null;
    const lines = [hasAuthor ? first.slice(colon + 2) : first, ...body.slice(1)];
    const attachments: ChatAttachment[] = [];
    const textLines: string[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      const attached = IOS_ATTACHED.exec(line) ?? ANDROID_ATTACHED.exec(line);
      if (attached) {
        const name = attached[1]!.trim();
        const mediaType = mediaTypeOf(name);
        const path = folder + name;
        const present = files.has(path);
        if (!present) missing += 1;
        attachments.push({
          path: present ? path : null,
          name,
          kind: attachmentKind(mediaType),
          mediaType,
          omitted: !present,
        });
      } else if (OMITTED.test(line)) {
        attachments.push({
          path: null,
          name: line.replace(/[<>]/g, ''),
          kind: 'other',
          mediaType: null,
          omitted: true,
        });
      } else {
        textLines.push(raw);
      }
    }
    const text = textLines.join('\n').trim();
    // iOS writes system notices under the chat's name ("Name: Messages and calls are end-to-end encrypted…").
    const isNotice = !hasAuthor || SYSTEM_NOTICE.test(text);
    if (author && !isNotice) participants.add(author);
    const time = isoLocal(h, order);
    if (!time) notes.push(`Line ${h.lineNo} has an impossible date; it was kept as text.`);
    return {
      ref: `whatsapp:line-${h.lineNo}`,
      index: i + 1,
      kind: isNotice ? 'service' : 'message',
      author,
      authorId: author && /^\+?[\d\s()-]{6,}$/.test(author) ? author.replace(/[\s()-]/g, '') : null,
      time: time ?? '',
      timeBasis: 'device_local',
      text,
      attachments,
      replyTo: null,
      forwardedFrom: null,
      edited: null,
    };
  });
  if (missing) notes.push(`${missing} attached file(s) named in the chat are not in the export.`);
  notes.push('WhatsApp exports carry the phone’s local time without a time zone.');
  return {
    format: shape === 'ios' ? 'whatsapp_ios' : 'whatsapp_android',
    title: 'WhatsApp chat',
    messages,
    participants: [...participants],
    notes,
  };
}

export async function importWhatsAppExport(source: ExportSource): Promise<ChatImport> {
  const chatPath = findWhatsAppChat(source);
  if (!chatPath) {
    throw new AppError('invalid', 'import_whatsapp_invalid', 'This archive holds no WhatsApp chat text (_chat.txt).');
  }
  const folder = chatPath.includes('/') ? chatPath.slice(0, chatPath.lastIndexOf('/') + 1) : '';
  const result = parseWhatsAppText(
    await source.readText(chatPath, 256 * 1024 * 1024),
    new Set(source.files.map((f) => f.path)),
    folder,
  );
  const name = chatPath.split('/').pop() ?? chatPath;
  const titled = /^WhatsApp Chat (?:with|-|sa|со|me) (.+)\.txt$/i.exec(name);
  return { ...result, title: titled ? `WhatsApp chat with ${titled[1]}` : result.title };
}
