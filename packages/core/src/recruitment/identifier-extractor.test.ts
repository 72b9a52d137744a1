import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from './identifier-extractor';
import { normalizeText } from './normalize';
import { identifyLanguage } from './language';

function extract(text: string) {
  const norm = normalizeText(text);
  return extractIdentifiers(norm, identifyLanguage(norm.original, norm.tokens).language).map((i) => ({
    type: i.type,
    value: i.value,
    span: text.slice(i.start, i.end),
  }));
}
const values = (text: string, type: string) =>
  extract(text)
    .filter((i) => i.type === type)
    .map((i) => i.value);

describe('identifier extraction', () => {
  it('finds phones in international and national formats with spaces, dots, dashes and slashes', () => {
    expect(values('Pozovite +381 64 123 4567 ili 064/123-4567', 'phone')).toEqual(['+381641234567', '+381641234567']);
    expect(values('Tel. 00387 61 234 567', 'phone')).toEqual(['+38761234567']);
    expect(values('Јавете се на 070.123.456 за работа во Скопје', 'phone')).toEqual(['+38970123456']);
    expect(values('Ring +49 151 23456789 now', 'phone')).toEqual(['+4915123456789']);
  });

  it('reads phones written with words or letters for digits, and marks them obfuscated', () => {
    const found = extract('call 06one 23 4five 67 tonight');
    expect(found.filter((i) => i.type === 'phone')).toEqual([
      { type: 'phone', value: '+38161234567', span: '06one 23 4five 67' },
    ]);
    expect(values('zovi nula šest četiri jedan dva tri četiri pet šest sedam', 'phone')).toEqual(['+381641234567']);
  });

  it('does not take prices, dates or years for phone numbers', () => {
    expect(values('Plata 1.500 EUR, početak 12.05.2026, godina 2026.', 'phone')).toEqual([]);
  });

  it('finds e-mails, also written as "name at gmail dot com"', () => {
    expect(values('Pišite na Posao.Bec@Gmail.com', 'email')).toEqual(['posao.bec@gmail.com']);
    expect(values('write to ana at gmail dot com or maja(at)yahoo(dot)de', 'email')).toEqual([
      'ana@gmail.com',
      'maja@yahoo.de',
    ]);
  });

  it('types messenger links and handles', () => {
    const found = extract(
      't.me/posao_austria, https://wa.me/38761234567, instagram.com/lana.models, @vize_evropa, Viber: +381 65 111 2222, https://www.facebook.com/rad.nemacka/',
    );
    expect(found.map((i) => `${i.type}:${i.value}`)).toEqual([
      'telegram:@posao_austria',
      'whatsapp:+38761234567',
      'instagram:@lana.models',
      'telegram:@vize_evropa',
      'phone:+381651112222',
      'viber:+381651112222',
      'facebook:rad.nemacka',
    ]);
  });

  it('keeps URLs as host and path', () => {
    expect(values('Prijava: https://www.Jobs-Abroad.example.com/apply?x=1. Hvala', 'url')).toEqual([
      'jobs-abroad.example.com/apply?x=1',
    ]);
  });

  it('accepts only wallet addresses whose checksum is valid', () => {
    const text =
      'BTC 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed TRX TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC fake 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3';
    expect(values(text, 'btc')).toEqual([
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    ]);
    expect(values(text, 'eth')).toEqual(['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed']);
    expect(values(text, 'trx')).toEqual(['TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC']);
  });

  it('finds IBANs with and without spaces, checksum-validated', () => {
    expect(values('Uplata na RS35 2600 0560 1001 6113 79 BIC X', 'iban')).toEqual(['RS35260005601001611379']);
    expect(values('IBAN DE89370400440532013000, wrong DE89370400440532013001', 'iban')).toEqual([
      'DE89370400440532013000',
    ]);
  });

  it('finds amounts with currency and period', () => {
    const text = 'Plata 1.800 € mjesečno, kotizacija 150 EUR, 25.000 денари месечно, 3k eur per week, 200 km daleko';
    expect(values(text, 'amount')).toEqual(['1800 EUR', '150 EUR', '25000 MKD', '3000 EUR']);
  });

  it('gives spans in UTF-16 code units of the original text, also after emoji and Cyrillic', () => {
    const text = '🔥🔥 Посао! Вајбер +381 64 123 4567';
    const phone = extract(text).find((i) => i.type === 'phone');
    expect(phone?.span).toBe('+381 64 123 4567');
  });
});
