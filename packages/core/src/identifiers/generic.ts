import { rejected, type NormalizeResult } from './identifier-result';

/** Vehicle registration plates: upper-case letters and digits only ("SA 123-AB" → "SA123AB"). */
export function normalizePlate(raw: string): NormalizeResult {
  const text = raw.trim();
  const value = text
    .toUpperCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Z0-9\u0400-\u04FF]/g, '');
  if (value.length < 2 || value.length > 15) return rejected('A registration plate has 2 to 15 letters and digits.');
  return { ok: true, value, display: text };
}

/** Identity/travel document numbers: upper-case letters and digits only. */
export function normalizeDocumentNumber(raw: string): NormalizeResult {
  const text = raw.trim();
  const value = text.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (value.length < 4 || value.length > 30) return rejected('A document number has 4 to 30 letters and digits.');
  return { ok: true, value, display: text };
}
