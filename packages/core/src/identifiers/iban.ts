import { electronicFormatIBAN, friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import { rejected, type NormalizeResult } from './identifier-result';

export function normalizeIban(raw: string): NormalizeResult {
  const text = raw.trim();
  if (!text) return rejected('No IBAN was given.');
  const electronic = electronicFormatIBAN(text);
  if (!electronic || !/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(electronic))
    return rejected('This is not an IBAN (expected two letters, two check digits and the account number).');
  if (!isValidIBAN(electronic))
    return rejected('This IBAN fails its check digits or has the wrong length for its country. Check each character.');
  return {
    ok: true,
    value: electronic,
    display: friendlyFormatIBAN(electronic) ?? electronic,
    country: electronic.slice(0, 2),
  };
}
