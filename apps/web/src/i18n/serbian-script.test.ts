import { describe, expect, it } from 'vitest';
import { serbianLatinToCyrillic } from './serbian-script';

describe('serbianLatinToCyrillic', () => {
  it('maps letters and the digraphs lj, nj, dž', () => {
    expect(serbianLatinToCyrillic('Ljubljana, njiva, džep, Đorđe, šećer')).toBe('Љубљана, њива, џеп, Ђорђе, шећер');
  });
  it('transliterates Serbian words written in capitals', () => {
    expect(serbianLatinToCyrillic('NVO pružalac usluga')).toBe('НВО пружалац услуга');
  });
  it('keeps placeholders, acronyms and product names in Latin', () => {
    expect(serbianLatinToCyrillic('Izvezi CSV za {{count}} stavki u FreeOTP')).toBe(
      'Извези CSV за {{count}} ставки у FreeOTP',
    );
  });
});
