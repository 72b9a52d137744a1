import { describe, expect, it } from 'vitest';
import { cyrillicToLatin, foldText, foldWithOffsets, originalSpan, serbianLatinToCyrillic } from '.';

describe('transliteration', () => {
  it('turns Serbian Cyrillic into Gaj Latin, digraphs included', () => {
    expect(cyrillicToLatin('Љубљана, Његош, Џеп, Ђорђе Ћирић')).toBe('Ljubljana, Njegoš, Džep, Đorđe Ćirić');
  });
  it('turns Macedonian letters into their everyday Latin form', () => {
    expect(cyrillicToLatin('Ѓорѓи Ќосе ѕвезда')).toBe('Gjorgji Kjose dzvezda');
  });
  it('round-trips Serbian Latin through Cyrillic', () => {
    expect(serbianLatinToCyrillic('Posao u Nemačkoj, ljubazan, džep')).toBe('Посао у Немачкој, љубазан, џеп');
    expect(cyrillicToLatin(serbianLatinToCyrillic('Đorđe Njegoš'))).toBe('Đorđe Njegoš');
  });
});

describe('folding for matching', () => {
  it('makes Cyrillic, Latin with and without diacritics the same', () => {
    expect(foldText('посао')).toBe('posao');
    expect(foldText('Ђорђе')).toBe('djordje');
    expect(foldText('Đorđe')).toBe('djordje');
    expect(foldText('Djordje')).toBe('djordje');
    expect(foldText('  Čačak   ŠIŠ  ')).toBe('cacak sis');
  });
  it('maps folded spans back to the original text', () => {
    const original = 'Хитно: посао у Бечу';
    const folded = foldWithOffsets(original);
    const at = folded.text.indexOf('posao');
    const [start, end] = originalSpan(folded, original, at, at + 'posao'.length);
    expect(original.slice(start, end)).toBe('посао');
  });
  it('keeps spans right around letters that expand and astral characters', () => {
    const original = '😀 Đorđe radi';
    const folded = foldWithOffsets(original);
    const at = folded.text.indexOf('djordje');
    const [start, end] = originalSpan(folded, original, at, at + 7);
    expect(original.slice(start, end)).toBe('Đorđe');
  });
});
