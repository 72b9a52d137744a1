// Turns what a person typed into engine queries. The text is folded exactly like the indexed documents and cut
// into words of letters and digits; every word is quoted, so FTS operators (AND, NEAR, *, ", :, -) and SQL
// characters in the input are only ever literal text. Each word matches as a prefix; all words must match.
import { toSearchWords } from '@trag/core/cases';

export const MAX_QUERY_WORDS = 12;

export function queryWords(q: string): string[] {
  const words = toSearchWords(q)
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => w.slice(0, 64));
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/** Words of at least this length also match longer words starting with them; shorter words match exactly. */
export const MIN_PREFIX_LENGTH = 3;

const isPrefix = (w: string) => w.length >= MIN_PREFIX_LENGTH;

/** SQLite FTS5 MATCH expression: "word1"* "word2"* (implicit AND). */
export function fts5Query(words: string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"${isPrefix(w) ? '*' : ''}`).join(' ');
}

/** PostgreSQL to_tsquery('simple', …) expression: 'word1':* & 'word2':* */
export function tsQuery(words: string[]): string {
  return words
    .map((w) => `'${w.replaceAll("'", "''").replaceAll('\\', '\\\\')}'${isPrefix(w) ? ':*' : ''}`)
    .join(' & ');
}
