import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openImportFile, parseImportFile, type ImportEncoding } from './item-importer';

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

describe('JSON Lines read on demand from the bytes', () => {
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
  const file = (texts: string[]) =>
    `${texts.map((text, i) => JSON.stringify({ id: `ad-${i}`, text, url: i === 0 ? 'https://x.mk/1' : undefined })).join('\r\n')}\n\nnot json\n`;
  const cyrillic = ['Работа во Германија, плата 2.000 евра', 'Потребни девојки — "брзо", {a,b} \\ NULL'];
  const latin = ['Smještaj plaćen, "navodnici" i \\ kosa crta', 'Šđčćž, {a,b}, NULL'];

  const cases: Array<[string, Buffer, ImportEncoding | undefined, string[], string]> = [
    ['UTF-8', Buffer.from(file([...cyrillic, ...latin])), undefined, [...cyrillic, ...latin], 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([BOM, Buffer.from(file(latin))]), undefined, latin, 'utf-8'],
    ['UTF-8 named, with a BOM', Buffer.concat([BOM, Buffer.from(file(cyrillic))]), 'utf-8', cyrillic, 'utf-8'],
    ['Windows-1251 detected', iconv.encode(file(cyrillic), 'windows-1251'), undefined, cyrillic, 'windows-1251'],
    ['Windows-1250 detected', iconv.encode(file(latin), 'windows-1250'), undefined, latin, 'windows-1250'],
    ['Windows-1251 named', iconv.encode(file(cyrillic), 'windows-1251'), 'windows-1251', cyrillic, 'windows-1251'],
  ];
  for (const [label, bytes, encoding, texts, expected] of cases) {
    it(`reads ${label} item by item exactly as the whole-file parser does`, async () => {
      const input = { bytes, format: 'jsonl' as const, ...(encoding ? { encoding } : {}) };
      const whole = await parseImportFile(input);
      const items = await openImportFile(input);
      expect(whole.items.map((i) => i.text)).toEqual(texts);
      expect(items.encoding).toBe(expected);
      expect(items.errors).toEqual([{ line: texts.length + 2, message: 'not valid JSON' }]);
      expect(items.errors).toEqual(whole.errors);
      const read = Array.from({ length: items.count }, (_, k) => items.item(k));
      expect(read).toEqual(whole.items);
      expect(read[0]!.url).toBe('https://x.mk/1');
      // asked again (as the import does when it writes), an item is the same
      expect(items.item(1)).toEqual(whole.items[1]);
    });
  }

  it('keeps a U+FFFD that is really in a UTF-8 file only when the file is read as UTF-8 on purpose', async () => {
    const bytes = Buffer.from(file(['broken \uFFFD sign']));
    const auto = await openImportFile({ bytes, format: 'jsonl' });
    // "auto" takes a replacement character for a sign that the file is not UTF-8 (decodeText's rule)
    expect(auto.encoding).toBe('windows-1250');
    expect(auto.item(0).text).toEqual((await parseImportFile({ bytes, format: 'jsonl' })).items[0]!.text);
    const named = await openImportFile({ bytes, format: 'jsonl', encoding: 'utf-8' });
    expect(named.item(0).text).toBe('broken \uFFFD sign');
  });
});
