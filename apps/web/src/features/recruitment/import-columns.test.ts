import { describe, expect, it } from 'vitest';
import { csvColumns, guessColumns, jsonlColumns } from './import-columns';

describe('columns of an import file', () => {
  it('reads a CSV header with commas, semicolons or tabs, quoted names and a byte-order mark', () => {
    expect(csvColumns('oglas_id,poruka,objavljeno\nfb-17,"Posao, Austrija",2026-11-02\n')).toEqual([
      'oglas_id',
      'poruka',
      'objavljeno',
    ]);
    expect(csvColumns('\uFEFF"ID";"Poruka; tekst";"Datum"\r\n1;2;3')).toEqual(['ID', 'Poruka; tekst', 'Datum']);
    expect(csvColumns('id\ttext\n')).toEqual(['id', 'text']);
    // A comma after the first delimiter was a semicolon belongs to the name.
    expect(csvColumns('a;b,c;d')).toEqual(['a', 'b,c', 'd']);
    expect(csvColumns('"say ""hi""",x')).toEqual(['say "hi"', 'x']);
  });

  it('collects JSON Lines field names from whole records only, skipping junk lines and nested values', () => {
    const head = [
      '{"id":"ad-1","Poruka":"Posao u Njemačkoj","meta":{"a":1}}',
      'not json',
      '{"id":"ad-2","Poruka":"Rad u Austriji","datum":"2026-11-02","views":12}',
      '{"id":"ad-3","Poruka":"cut off by the sam',
    ].join('\n');
    expect(jsonlColumns(head)).toEqual(['id', 'Poruka', 'datum', 'views']);
    // A sample that is the whole (one-line) file.
    expect(jsonlColumns('{"text":"x"}')).toEqual(['text']);
  });

  it('guesses the text, id, date, link and source columns in the region’s languages and both scripts', () => {
    expect(guessColumns(['oglas_id', 'poruka', 'objavljeno', 'link'])).toEqual({
      text: 'poruka',
      id: 'oglas_id',
      postedAt: 'objavljeno',
      url: 'link',
    });
    expect(guessColumns(['Број', 'Текст', 'Датум', 'Канал'])).toEqual({
      text: 'Текст',
      id: 'Број',
      postedAt: 'Датум',
      source: 'Канал',
    });
    expect(guessColumns(['Sadržaj', 'Izvor'])).toEqual({ text: 'Sadržaj', source: 'Izvor' });
    // The importer's own default names win over other known names.
    expect(guessColumns(['message', 'text', 'id'])).toEqual({ text: 'text', id: 'id' });
    expect(guessColumns(['a', 'b'])).toBeNull();
  });
});
