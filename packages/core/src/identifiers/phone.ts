// Phone numbers → E.164 with libphonenumber-js's full metadata (strict validity, not just plausible length).
// National numbers without a country code are tried against the region's countries in order, unless the caller
// names the region (e.g. the case's jurisdiction).
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { rejected, type NormalizeResult } from './identifier-result';

export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = [
  'BA',
  'ME',
  'MK',
  'RS',
  'HR',
  'AL',
  'XK',
  'DE',
  'AT',
  'IT',
  'TR',
];

export function normalizePhone(raw: string, options: { defaultRegion?: string } = {}): NormalizeResult {
  const text = raw.trim();
  if (!text) return rejected('No phone number was given.');
  if (text.length > 64) return rejected('This is too long to be a phone number.');
  if (/[a-z]/i.test(text.replace(/\b(ext|x)\.?\s*\d+$/i, '')))
    return rejected('A phone number may only contain digits, spaces, +, -, ( and ).');
  const international = text.replace(/^\s*00/, '+');
  const regions: CountryCode[] = [];
  if (options.defaultRegion && /^[A-Z]{2}$/.test(options.defaultRegion))
    regions.push(options.defaultRegion as CountryCode);
  for (const r of DEFAULT_PHONE_REGIONS) if (!regions.includes(r)) regions.push(r);

  const candidates = international.startsWith('+') ? [undefined] : regions;
  for (const region of candidates) {
    const parsed = parsePhoneNumberFromString(international, region);
    if (parsed?.isValid()) {
      return {
        ok: true,
        value: parsed.number,
        display: parsed.formatInternational(),
        ...(parsed.country ? { country: parsed.country } : {}),
      };
    }
  }
  return rejected(
    international.startsWith('+')
      ? 'This is not a valid phone number for its country code. Check the digits.'
      : 'This is not a valid phone number in BA, ME, MK, RS or the neighbouring countries. Add the country code (e.g. +387).',
  );
}
