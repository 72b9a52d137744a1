// Exact decimal amounts as strings: parsing explorer exports (thousands separators, decimal commas) and scaling
// integer base units (wei, sun, token units) by their decimals. No floating point is involved.

export type DecimalParse = { ok: true; value: string } | { ok: false; reason: string };

/**
 * Parses an amount as written in an export: "1,234.56", "1 234,56", "0.000001", "1.234.567,8", "1e-7" (Etherscan
 * sometimes writes tiny values in exponent form). Rules: when both ',' and '.' occur, the last one is the decimal
 * separator; a lone ',' followed by exactly three digits in every group ("1,234,567") is a thousands separator,
 * otherwise it is a decimal comma. Negative amounts are refused (flows have a direction instead).
 */
export function parseDecimalAmount(raw: string): DecimalParse {
  let s = raw.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: false, reason: 'the amount is empty' };
  if (s.startsWith('-')) return { ok: false, reason: `negative amount "${raw.trim()}"` };
  if (s.startsWith('+')) s = s.slice(1);
  const exp = /^(\d+(?:\.\d+)?)[eE]([+-]?\d+)$/.exec(s);
  if (exp) return { ok: true, value: shiftDecimal(exp[1]!, Number(exp[2])) };
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let intPart: string;
  let frac: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const dec = lastComma > lastDot ? ',' : '.';
    const thousands = dec === ',' ? '.' : ',';
    const [i, f = ''] = s.split(dec);
    if (s.split(dec).length > 2) return { ok: false, reason: `"${raw.trim()}" has more than one decimal separator` };
    if (!groupsOk(i!, thousands)) return { ok: false, reason: `"${raw.trim()}" has misplaced thousands separators` };
    intPart = i!.split(thousands).join('');
    frac = f;
  } else if (lastComma >= 0) {
    if (/^\d{1,3}(,\d{3})+$/.test(s)) {
      intPart = s.replace(/,/g, '');
      frac = '';
    } else if (s.split(',').length === 2) {
      [intPart, frac] = s.split(',') as [string, string];
    } else return { ok: false, reason: `"${raw.trim()}" is not a number` };
  } else if (s.split('.').length > 2) {
    if (!/^\d{1,3}(\.\d{3})+$/.test(s)) return { ok: false, reason: `"${raw.trim()}" is not a number` };
    intPart = s.replace(/\./g, '');
    frac = '';
  } else {
    [intPart, frac = ''] = s.split('.') as [string, string?];
  }
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(frac) || (intPart === '' && frac === '')) {
    return { ok: false, reason: `"${raw.trim()}" is not a number` };
  }
  return { ok: true, value: normalise(intPart || '0', frac) };
}

function groupsOk(intPart: string, sep: string): boolean {
  if (!intPart.includes(sep)) return /^\d+$/.test(intPart);
  return new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`).test(intPart);
}

function normalise(intPart: string, frac: string): string {
  const i = intPart.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f ? `${i}.${f}` : i;
}

function shiftDecimal(mantissa: string, exponent: number): string {
  const [i, f = ''] = mantissa.split('.') as [string, string?];
  const digits = i + f;
  const point = i.length + exponent;
  if (point <= 0) return normalise('0', '0'.repeat(-point) + digits);
  if (point >= digits.length) return normalise(digits + '0'.repeat(point - digits.length), '');
  return normalise(digits.slice(0, point), digits.slice(point));
}

/** "1500000" with 6 decimals → "1.5". Base units must be a non-negative integer string. */
export function scaleUnits(baseUnits: string, decimals: number): string | null {
  const s = baseUnits.trim();
  if (!/^\d+$/.test(s) || !Number.isInteger(decimals) || decimals < 0 || decimals > 36) return null;
  const padded = s.padStart(decimals + 1, '0');
  return normalise(padded.slice(0, padded.length - decimals), padded.slice(padded.length - decimals));
}

/** Satoshis → BTC decimal string. */
export const satsToBtc = (sats: number): string => scaleUnits(String(sats), 8)!;

/** Adds exact decimal strings (for totals in reports). */
export function addDecimals(a: string, b: string): string {
  const [ai, af = ''] = a.split('.') as [string, string?];
  const [bi, bf = ''] = b.split('.') as [string, string?];
  const scale = Math.max(af.length, bf.length);
  const sum = BigInt(ai + af.padEnd(scale, '0')) + BigInt(bi + bf.padEnd(scale, '0'));
  return scaleUnits(sum.toString(), scale)!;
}
