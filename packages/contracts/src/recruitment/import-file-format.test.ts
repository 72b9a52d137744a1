import { describe, expect, it } from 'vitest';
import { importFormatOfFileName } from './import-file-format';

describe('import format from a file name', () => {
  it('suggests a format from the file name, the same in the form and in the CLI', () => {
    expect(importFormatOfFileName('oglasi.CSV')).toBe('csv');
    expect(importFormatOfFileName('export.ndjson')).toBe('jsonl');
    expect(importFormatOfFileName('result.json')).toBe('telegram');
    expect(importFormatOfFileName('WhatsApp Chat with Marko.txt')).toBe('whatsapp');
    expect(importFormatOfFileName('notes.txt')).toBe('text');
    expect(importFormatOfFileName('capture.warc.gz')).toBe('warc');
    expect(importFormatOfFileName('photo.jpg')).toBeNull();
  });

  it('looks at the last part of a path only', () => {
    expect(importFormatOfFileName('/home/amra/ChatExport_2026-11-30/result.json')).toBe('telegram');
    expect(importFormatOfFileName('C:\\Izvoz\\WhatsApp Chat - Posao.txt')).toBe('whatsapp');
    expect(importFormatOfFileName('/data/whatsapp-exports/notes.txt')).toBe('text');
  });
});
