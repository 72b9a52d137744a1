// Streaming CSV rows with columns found by name (case/spacing-insensitive, with aliases), and line numbers for errors.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { importError } from './flow-record';

export interface ColumnSpec {
  /** Field name used by the importer. */
  name: string;
  /** Accepted header spellings (compared after lower-casing and removing spaces, underscores and punctuation). */
  aliases: string[];
  required: boolean;
}

export interface CsvRow {
  line: number;
  get(name: string): string | undefined;
  has(name: string): boolean;
}

export const normaliseHeader = (h: string) => h.toLowerCase().replace(/[\s_()\-./@$"]/g, '');

/** Yields rows; throws, naming file and line, on unknown layouts (a required column missing) or malformed CSV. */
export async function* readCsvRows(input: Readable, file: string, specs: ColumnSpec[]): AsyncGenerator<CsvRow> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }),
  );
  let index: Map<string, number> | null = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (!index) {
        const headers = record.map(normaliseHeader);
        index = new Map();
        const missing: string[] = [];
        for (const spec of specs) {
          const at = headers.findIndex((h) => spec.aliases.some((a) => normaliseHeader(a) === h));
          if (at >= 0) index.set(spec.name, at);
          else if (spec.required) missing.push(`${spec.name} (accepted headers: ${spec.aliases.join(', ')})`);
        }
        if (missing.length) {
          throw importError(
            file,
            info.lines,
            `unknown column layout; missing ${missing.join('; ')}`,
            'crypto_import_unknown_columns',
          );
        }
        continue;
      }
      const map = index;
      yield {
        line: info.lines,
        get: (name) => {
          const i = map.get(name);
          return i === undefined ? undefined : record[i];
        },
        has: (name) => map.has(name),
      };
    }
  } catch (error) {
    if (
      error instanceof Error &&
      'code' in error &&
      typeof (error as { code: unknown }).code === 'string' &&
      (error as { code: string }).code.startsWith('CSV_')
    ) {
      const line = (error as { lines?: number }).lines ?? null;
      throw importError(file, line, `malformed CSV (${error.message})`, 'crypto_import_malformed');
    }
    throw error;
  }
}
