// Reads analysis items from JSON Lines: one {"id", "text", …} object per line. Bad lines are reported with their
// line number (1-based) and never stop the others; the caller decides whether to go on (skip-bad) or stop.

export interface ReadItem {
  id: string;
  text: string;
  url?: string;
  postedAt?: string;
  source?: string;
  line: number;
}

export interface LineError {
  line: number;
  message: string;
}

/** Longest accepted item text (characters); longer items are rejected, not silently cut. */
export const MAX_ITEM_TEXT = 1_000_000;

export function parseItemLine(raw: string, line: number): ReadItem | LineError | null {
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { line, message: 'not valid JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { line, message: 'not a JSON object' };
  const obj = value as Record<string, unknown>;
  const id = typeof obj.id === 'number' ? String(obj.id) : obj.id;
  if (typeof id !== 'string' || id === '') return { line, message: '"id" is missing or not a string' };
  if (typeof obj.text !== 'string') return { line, message: '"text" is missing or not a string' };
  if (obj.text.length > MAX_ITEM_TEXT) return { line, message: `"text" is longer than ${MAX_ITEM_TEXT} characters` };
  return {
    id,
    text: obj.text,
    line,
    ...(typeof obj.url === 'string' ? { url: obj.url } : {}),
    ...(typeof obj.posted_at === 'string' ? { postedAt: obj.posted_at } : {}),
    ...(typeof obj.source === 'string' ? { source: obj.source } : {}),
  };
}

export function isLineError(value: ReadItem | LineError): value is LineError {
  return 'message' in value;
}

/** Parses a whole JSON Lines text. */
export function parseItemsJsonl(text: string): { items: ReadItem[]; errors: LineError[] } {
  const items: ReadItem[] = [];
  const errors: LineError[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const parsed = parseItemLine(raw, index + 1);
    if (parsed === null) return;
    if (isLineError(parsed)) errors.push(parsed);
    else items.push(parsed);
  });
  return { items, errors };
}
