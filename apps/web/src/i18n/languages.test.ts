import { describe, expect, it } from 'vitest';
import { intlChoice, intlLocale, LANGUAGES } from './languages';

describe('intlLocale', () => {
  it('gives every UI language a locale the runtime can format with', () => {
    for (const { code } of LANGUAGES) {
      expect(Intl.DateTimeFormat.supportedLocalesOf([intlLocale(code)])).toHaveLength(1);
    }
  });
  it('formats Serbian Cyrillic dates in Cyrillic and Montenegrin with Latin month names', () => {
    const date = new Date('2026-03-15T12:00:00Z');
    expect(new Intl.DateTimeFormat(intlLocale('sr-Cyrl'), { month: 'long' }).format(date)).toBe('март');
    expect(new Intl.DateTimeFormat(intlLocale('cnr'), { month: 'long' }).format(date)).toBe('mart');
  });
});

describe('intlChoice', () => {
  it('uses real locale data where the runtime has it (Node ships full ICU)', () => {
    for (const code of ['bs', 'mk', 'sq', 'sr-Latn']) expect(intlChoice(code).hasData).toBe(true);
    expect(intlChoice('cnr').locale).toBe('sr-Latn-ME');
  });
});
