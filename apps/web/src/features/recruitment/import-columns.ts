// Which columns a CSV or JSON Lines file has, read from its first bytes in the browser, and a first guess at which
// of them holds each item's text, id, date, link and source. The user sees the guess in the import form and can
// change it before anything is sent; the server reads exactly the columns named.

/** The columns (fields) of a file, named as the importer reads them. */
export interface ColumnChoice {
  text: string;
  id?: string;
  postedAt?: string;
  url?: string;
  source?: string;
}

/** How much of a file is read to find its columns: the header line of a CSV, the first records of JSON Lines. */
export const COLUMN_SAMPLE_BYTES = 64 * 1024;

/**
 * The column names of a CSV's header record: the delimiter is the first of comma, semicolon or tab met outside
 * quotes (the server accepts the same three), quotes may wrap a name and "" is a quote inside one.
 */
export function csvColumns(head: string): string[] {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const names: string[] = [];
  let delimiter: string | null = null;
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '\n' || ch === '\r') break;
    else if (delimiter === null ? ch === ',' || ch === ';' || ch === '\t' : ch === delimiter) {
      delimiter = ch;
      names.push(current.trim());
      current = '';
    } else current += ch;
  }
  names.push(current.trim());
  return names.filter((name) => name !== '');
}

/** The field names (with text or number values) of the first complete JSON Lines records, in order of appearance. */
export function jsonlColumns(head: string, records = 50): string[] {
  const lines = head.split('\n');
  // The last piece may be cut off by the sample: use only whole lines, unless the sample is the whole file.
  if (lines.length > 1) lines.pop();
  const names: string[] = [];
  let seen = 0;
  for (const line of lines) {
    if (seen >= records) break;
    const trimmed = line.trim();
    if (!trimmed) continue;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) continue;
    seen++;
    for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
      if ((typeof field === 'string' || typeof field === 'number') && !names.includes(key)) names.push(key);
    }
  }
  return names;
}

/** Column names that usually hold each part, in the languages investigators' exports come in (folded, see fold). */
const NAMES: Record<keyof ColumnChoice, string[]> = {
  text: [
    'text',
    'message',
    'body',
    'content',
    'description',
    'post',
    'caption',
    'ad',
    'poruka',
    'tekst',
    'sadrzaj',
    'opis',
    'objava',
    'oglas',
    'порука',
    'текст',
    'содржина',
    'садржај',
    'опис',
    'објава',
    'оглас',
    'mesazh',
    'mesazhi',
    'teksti',
    'pershkrim',
    'pershkrimi',
    'nachricht',
    'inhalt',
    'beschreibung',
    'anzeige',
  ],
  id: ['id', 'post_id', 'message_id', 'ad_id', 'item_id', 'oglas_id', 'broj', 'број', 'nr', 'uid'],
  postedAt: [
    'posted_at',
    'date',
    'datetime',
    'timestamp',
    'time',
    'created_at',
    'published',
    'datum',
    'vrijeme',
    'vreme',
    'objavljeno',
    'датум',
    'време',
    'објавено',
    'објављено',
    'data',
    'koha',
    'zeit',
  ],
  url: ['url', 'link', 'href', 'permalink', 'adresa', 'линк', 'адреса', 'lidhja'],
  source: [
    'source',
    'platform',
    'channel',
    'group',
    'site',
    'izvor',
    'kanal',
    'grupa',
    'извор',
    'канал',
    'група',
    'burimi',
    'quelle',
  ],
};

/** Lower case without diacritics, spaces and hyphens as underscores, so "Sadržaj", "SADRZAJ" and "sadrzaj" meet. */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');
}

/**
 * A first guess at the mapping: the column the importer reads by default when the file has it, otherwise the first
 * column whose folded name is a known name for that part. Each column is used once; no text column means null.
 */
export function guessColumns(columns: string[]): ColumnChoice | null {
  const used = new Set<string>();
  const pick = (part: keyof ColumnChoice): string | undefined => {
    for (const known of NAMES[part]) {
      const found = columns.find((c) => !used.has(c) && fold(c) === known);
      if (found !== undefined) {
        used.add(found);
        return found;
      }
    }
    return undefined;
  };
  const text = pick('text');
  if (text === undefined) return null;
  const choice: ColumnChoice = { text };
  for (const part of ['id', 'postedAt', 'url', 'source'] as const) {
    const found = pick(part);
    if (found !== undefined) choice[part] = found;
  }
  return choice;
}
