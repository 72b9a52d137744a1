import { describe, expect, it } from 'vitest';
import {
  normalizeEmail,
  normalizeHandle,
  normalizeIban,
  normalizeIdentifier,
  normalizePhone,
  normalizeUrl,
} from './index';

const value = (r: { ok: boolean; value?: string }) => (r.ok ? r.value : null);

describe('normalizePhone', () => {
  it('turns national numbers of the region into E.164, trying BA, ME, MK, RS … in order', () => {
    expect(normalizePhone('061 123 456')).toMatchObject({ ok: true, value: '+38761123456', country: 'BA' });
    expect(value(normalizePhone('00387 61 123 456'))).toBe('+38761123456');
    expect(value(normalizePhone('+387 (61) 123-456'))).toBe('+38761123456');
    expect(value(normalizePhone('064 1234567'))).toBe('+381641234567');
    expect(value(normalizePhone('+49 1512 3456789'))).toBe('+4915123456789');
  });
  it('prefers the region the caller names', () => {
    expect(normalizePhone('070 123 456', { defaultRegion: 'MK' })).toMatchObject({
      value: '+38970123456',
      country: 'MK',
    });
  });
  it('rejects letters, short numbers and invalid numbers with a reason', () => {
    for (const bad of ['abc', '123', '+387 1', '']) {
      const r = normalizePhone(bad);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.reason).toMatch(/\w/);
    }
  });
});

describe('normalizeEmail / normalizeUrl / normalizeIban', () => {
  it('lower-cases e-mail addresses and rejects non-addresses', () => {
    expect(value(normalizeEmail(' Marko.Posao@Example.COM '))).toBe('marko.posao@example.com');
    expect(value(normalizeEmail('mailto:a@b.org'))).toBe('a@b.org');
    expect(normalizeEmail('not an email').ok).toBe(false);
    expect(normalizeEmail('a@b').ok).toBe(false);
  });
  it('canonicalises URLs so that spellings of one page match', () => {
    const key = value(normalizeUrl('https://www.Posao-Njemacka.example/oglas/?utm_source=fb&b=2&a=1#top'));
    expect(key).toBe('posao-njemacka.example/oglas?a=1&b=2');
    expect(value(normalizeUrl('posao-njemacka.example/oglas?b=2&a=1'))).toBe(key);
    expect(normalizeUrl('javascript:alert(1)').ok).toBe(false);
    expect(normalizeUrl('ftp://x.example/a').ok).toBe(false);
    expect(normalizeUrl('not a url').ok).toBe(false);
  });
  it('validates IBAN check digits', () => {
    expect(normalizeIban('ba39 1290 0794 0102 8494')).toMatchObject({
      ok: true,
      value: 'BA391290079401028494',
      display: 'BA39 1290 0794 0102 8494',
      country: 'BA',
    });
    expect(normalizeIban('BA38 1290 0794 0102 8494').ok).toBe(false);
    expect(normalizeIban('hello').ok).toBe(false);
  });
});

describe('normalizeHandle', () => {
  it('accepts @name, name and profile URLs alike', () => {
    expect(value(normalizeHandle('telegram', '@Posao_Njemacka'))).toBe('telegram:posao_njemacka');
    expect(value(normalizeHandle('telegram', 'https://t.me/posao_njemacka'))).toBe('telegram:posao_njemacka');
    expect(value(normalizeHandle('facebook', 'facebook.com/profile.php?id=100012345678'))).toBe(
      'facebook:100012345678',
    );
    expect(value(normalizeHandle('instagram', 'https://www.instagram.com/rad.u.austriji/'))).toBe(
      'instagram:rad.u.austriji',
    );
  });
  it('keys messenger accounts by phone number', () => {
    expect(value(normalizeHandle('viber', '061 123 456'))).toBe('viber:+38761123456');
  });
  it('refuses unknown platforms, mismatched profile URLs and invalid names', () => {
    expect(normalizeHandle('myspace', 'x').ok).toBe(false);
    expect(normalizeHandle('telegram', 'https://instagram.com/abc').ok).toBe(false);
    expect(normalizeHandle('telegram', 'ab').ok).toBe(false);
    expect(normalizeHandle('x', 'has space').ok).toBe(false);
  });
});

describe('normalizeIdentifier', () => {
  it('dispatches by entity type or alias', () => {
    expect(value(normalizeIdentifier('iban', 'BA391290079401028494'))).toBe('BA391290079401028494');
    expect(value(normalizeIdentifier('online_account', 'telegram:@Rad_DE'))).toBe('telegram:rad_de');
    expect(value(normalizeIdentifier('online_account', 'rad_de_2026', { platform: 'telegram' }))).toBe(
      'telegram:rad_de_2026',
    );
    expect(value(normalizeIdentifier('vehicle', 'sa 123-ab'))).toBe('SA123AB');
  });
  it('validates wallets through the crypto domain', () => {
    const r = normalizeIdentifier('crypto_wallet', '0x52908400098527886e0f7030069857d2e4169ee7');
    expect(r).toMatchObject({ ok: true, value: '0x52908400098527886E0F7030069857D2E4169EE7', chain: 'eth' });
    expect(normalizeIdentifier('wallet', '0xnothex').ok).toBe(false);
  });
  it('rejects types without identifiers and accounts without a platform', () => {
    expect(normalizeIdentifier('person', 'Marko').ok).toBe(false);
    expect(normalizeIdentifier('online_account', 'justaname').ok).toBe(false);
  });
});
