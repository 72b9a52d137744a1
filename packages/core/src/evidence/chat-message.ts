// The common shape of messages read from chat exports (Telegram, WhatsApp). Each message is addressable inside
// its export item by `ref` (e.g. "telegram:1874432190/105", "whatsapp:line-7") with its author, time and
// attachments; the export's original bytes are never changed.

export interface ChatAttachment {
  /** Path inside the export, or null when the export did not include the file. */
  path: string | null;
  /** File name as the export shows it. */
  name: string;
  kind: 'photo' | 'video' | 'audio' | 'sticker' | 'document' | 'other';
  mediaType: string | null;
  /** True when the export says the file exists but was not included ("<Media omitted>", "File not included"). */
  omitted: boolean;
}

export interface ChatMessage {
  /** Stable address of the message within its export. */
  ref: string;
  /** Position in the export, from 1. */
  index: number;
  kind: 'message' | 'service';
  author: string | null;
  /** Platform id of the author where the export gives one (Telegram "user123…"), or the phone number shown. */
  authorId: string | null;
  /** ISO-8601: UTC ("…Z") when the export gives an absolute time, else local time of the device without offset. */
  time: string;
  timeBasis: 'utc' | 'device_local';
  text: string;
  attachments: ChatAttachment[];
  replyTo: string | null;
  forwardedFrom: string | null;
  edited: string | null;
}

export interface ChatImport {
  format: 'telegram_desktop' | 'whatsapp_android' | 'whatsapp_ios';
  title: string;
  messages: ChatMessage[];
  participants: string[];
  /** Things a reviewer should know (ambiguous date order, attachments named but missing …). */
  notes: string[];
}

export function mediaTypeOf(name: string): string | null {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    gif: 'image/gif',
    webp: 'image/webp',
    mp4: 'video/mp4',
    mov: 'video/quicktime',
    opus: 'audio/ogg',
    ogg: 'audio/ogg',
    mp3: 'audio/mpeg',
    m4a: 'audio/mp4',
    pdf: 'application/pdf',
    txt: 'text/plain',
    html: 'text/html',
    htm: 'text/html',
    json: 'application/json',
    vcf: 'text/vcard',
    zip: 'application/zip',
    warc: 'application/warc',
    har: 'application/json',
    mhtml: 'multipart/related',
    mht: 'multipart/related',
    webm: 'video/webm',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
  return types[ext] ?? null;
}

export function attachmentKind(mediaType: string | null): ChatAttachment['kind'] {
  if (!mediaType) return 'other';
  if (mediaType.startsWith('image/')) return 'photo';
  if (mediaType.startsWith('video/')) return 'video';
  if (mediaType.startsWith('audio/')) return 'audio';
  return 'document';
}
