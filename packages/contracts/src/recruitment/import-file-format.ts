// The import format a file's name suggests, shared by the web form and `trag recruitment import` so both guess the
// same way (the user can always name the format).

/** A format POST …/recruitment/imports and the import jobs take (see ImportRequest). */
export type ImportFileFormat = 'jsonl' | 'csv' | 'text' | 'telegram' | 'whatsapp' | 'html' | 'warc';

/** The format a file name (or path) suggests, or null when it suggests none. */
export function importFormatOfFileName(name: string): ImportFileFormat | null {
  const lower = name.toLowerCase();
  const base = lower.slice(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\')) + 1);
  if (base.endsWith('.jsonl') || base.endsWith('.ndjson')) return 'jsonl';
  if (base.endsWith('.csv') || base.endsWith('.tsv')) return 'csv';
  if (base.endsWith('.warc') || base.endsWith('.warc.gz')) return 'warc';
  if (/\.x?html?$/.test(base)) return 'html';
  // Telegram Desktop's export, and WhatsApp's ("WhatsApp Chat with ….txt", or _chat.txt inside its zip)
  if (base === 'result.json') return 'telegram';
  if ((base.startsWith('whatsapp') && base.endsWith('.txt')) || base === '_chat.txt') return 'whatsapp';
  if (base.endsWith('.txt')) return 'text';
  return null;
}
