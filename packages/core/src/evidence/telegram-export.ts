// Reads a Telegram Desktop "Export chat history" in JSON form: `result.json` plus its media folders (photos/,
// files/, video_files/, voice_messages/, stickers/ …), as a folder or zipped. Handles both the single-chat export
// ({name,type,id,messages}) and the full account export ({chats:{list:[…]}}). Times come from `date_unixtime`
// (UTC) where present; older exports only have `date`, the exporting computer's local time, marked as such.
import { AppError } from '../shared/errors';
import { attachmentKind, mediaTypeOf, type ChatAttachment, type ChatImport, type ChatMessage } from './chat-message';
import { exportRelativePath, subSource, type ExportSource } from './export-source';

interface TelegramTextEntity {
  type?: string;
  text?: string;
}

interface TelegramMessage {
  id?: number;
  type?: string;
  date?: string;
  date_unixtime?: string;
  from?: string | null;
  from_id?: string;
  actor?: string | null;
  actor_id?: string;
  action?: string;
  title?: string;
  text?: string | (string | TelegramTextEntity)[];
  photo?: string;
  file?: string;
  file_name?: string;
  media_type?: string;
  mime_type?: string;
  reply_to_message_id?: number;
  forwarded_from?: string | null;
  edited?: string;
  edited_unixtime?: string;
}

interface TelegramChat {
  name?: string | null;
  type?: string;
  id?: number;
  messages?: TelegramMessage[];
}

export function flattenTelegramText(text: TelegramMessage['text']): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  return text.map((part) => (typeof part === 'string' ? part : (part.text ?? ''))).join('');
}

function isNotIncluded(value: string): boolean {
  return value.startsWith('(') && /not included|exceeds maximum size/i.test(value);
}

function kindOf(mediaType: string | undefined, mime: string | null): ChatAttachment['kind'] {
  switch (mediaType) {
    case 'sticker':
    case 'animation':
      return mediaType === 'sticker' ? 'sticker' : 'video';
    case 'video_file':
    case 'video_message':
      return 'video';
    case 'voice_message':
    case 'audio_file':
      return 'audio';
    default:
      return attachmentKind(mime);
  }
}

/** Finds result.json at the shallowest level (exports are often zipped with their "ChatExport_…" folder). */
export function findTelegramRoot(source: ExportSource): string | null {
  const candidates = source.files
    .map((f) => f.path)
    .filter((p) => p === 'result.json' || p.endsWith('/result.json'))
    .sort((a, b) => a.split('/').length - b.split('/').length);
  const first = candidates[0];
  return first === undefined ? null : first.slice(0, first.length - 'result.json'.length);
}

function invalidExport(message: string): AppError {
  return new AppError('invalid', 'import_telegram_invalid', message);
}

export async function importTelegramExport(source: ExportSource): Promise<ChatImport> {
  const root = findTelegramRoot(source);
  if (root === null) throw invalidExport('This is not a Telegram Desktop export: there is no result.json.');
  const chatSource = subSource(source, root);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await chatSource.readText('result.json'));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidExport('result.json of the Telegram export is not valid JSON; export the chat again in JSON format.');
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidExport('result.json holds no chat.');
  const doc = parsed as TelegramChat & { chats?: { list?: TelegramChat[] } };
  const chats: TelegramChat[] = Array.isArray(doc.messages) ? [doc] : (doc.chats?.list ?? []);
  if (chats.length === 0 || !chats.every((c) => Array.isArray(c.messages))) {
    throw invalidExport(
      'result.json has no "messages": choose "Export chat history" with format "Machine-readable JSON" in Telegram Desktop.',
    );
  }
  const messages: ChatMessage[] = [];
  const notes: string[] = [];
  const participants = new Set<string>();
  let missing = 0;
  let omitted = 0;
  for (const chat of chats) {
    const chatKey = String(chat.id ?? chat.name ?? 'chat');
    for (const m of chat.messages ?? []) {
      const attachments: ChatAttachment[] = [];
      for (const [field, value] of [
        ['photo', m.photo],
        ['file', m.file],
      ] as const) {
        if (typeof value !== 'string') continue;
        const name = m.file_name ?? value.split('/').pop() ?? value;
        const mime = field === 'photo' ? 'image/jpeg' : (m.mime_type ?? mediaTypeOf(name));
        const kind = field === 'photo' ? 'photo' : kindOf(m.media_type, mime);
        if (isNotIncluded(value)) {
          omitted += 1;
          attachments.push({ path: null, name, kind, mediaType: mime, omitted: true });
          continue;
        }
        const rel = exportRelativePath(value);
        if (!chatSource.has(rel)) {
          missing += 1;
          attachments.push({ path: null, name, kind, mediaType: mime, omitted: true });
          continue;
        }
        attachments.push({ path: root + rel, name, kind, mediaType: mime, omitted: false });
      }
      const isService = m.type === 'service';
      const author = (isService ? m.actor : m.from) ?? null;
      if (author) participants.add(author);
      const time = m.date_unixtime ? new Date(Number(m.date_unixtime) * 1000).toISOString() : (m.date ?? '');
      const edited = m.edited_unixtime ? new Date(Number(m.edited_unixtime) * 1000).toISOString() : (m.edited ?? null);
      const text = flattenTelegramText(m.text);
      messages.push({
        ref: `telegram:${chatKey}/${m.id ?? messages.length + 1}`,
        index: messages.length + 1,
        kind: isService ? 'service' : 'message',
        author,
        authorId: (isService ? m.actor_id : m.from_id) ?? null,
        time,
        timeBasis: m.date_unixtime ? 'utc' : 'device_local',
        text: isService ? [m.action, m.title, text].filter(Boolean).join(': ') : text,
        attachments,
        replyTo: m.reply_to_message_id !== undefined ? `telegram:${chatKey}/${m.reply_to_message_id}` : null,
        forwardedFrom: m.forwarded_from ?? null,
        edited,
      });
    }
  }
  if (omitted) notes.push(`${omitted} attachment(s) were not included in the export by Telegram's export settings.`);
  if (missing) notes.push(`${missing} attachment(s) named in result.json are missing from the export.`);
  if (messages.some((m) => m.timeBasis === 'device_local')) {
    notes.push('This export has no UTC times: times are the exporting computer’s local time.');
  }
  const title = chats.length === 1 ? (chats[0]!.name ?? 'Telegram chat') : `Telegram export (${chats.length} chats)`;
  return { format: 'telegram_desktop', title, messages, participants: [...participants], notes };
}
