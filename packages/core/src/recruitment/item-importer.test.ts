import { describe, expect, it } from 'vitest';
import { parseImportFile } from './item-importer';

describe('JSON Lines import', () => {
  it('numbers lines as written (CRLF, blank lines, no final newline) and reports bad ones by number', async () => {
    const text = '{"id":"a","text":"one"}\r\n\r\nnot json\r\n[1]\n{"id":"b","text":"two"}';
    const parsed = await parseImportFile({ bytes: Buffer.from(text), format: 'jsonl' });
    expect(parsed.items.map((i) => [i.externalId, i.text, i.position])).toEqual([
      ['a', 'one', 'line 1'],
      ['b', 'two', 'line 5'],
    ]);
    expect(parsed.errors).toEqual([
      { line: 3, message: 'not valid JSON' },
      { line: 4, message: 'not a JSON object' },
    ]);
  });
});
