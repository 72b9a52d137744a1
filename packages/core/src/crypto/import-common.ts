// Helpers shared by the importers: statistics, address and time checks that name file and line on failure.
import { validateAddress, type AddressChain } from './address';
import { parseDecimalAmount } from './decimal-amount';
import { importError } from './flow-record';

export interface ImportStats {
  /** Rows or items read from the file. */
  read: number;
  /** Flow records produced. */
  records: number;
  /** Rows deliberately left out, by reason (failed transactions, approvals, zero values …). */
  skipped: Record<string, number>;
  /** Rows left out for a reason the user should read (file, line, reason). */
  warnings: string[];
}

export const newStats = (): ImportStats => ({ read: 0, records: 0, skipped: {}, warnings: [] });
export function skip(stats: ImportStats, reason: string): void {
  stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1;
}

export function requireAddress(
  raw: string | undefined,
  chain: AddressChain,
  file: string,
  line: number,
  column: string,
): string {
  const value = (raw ?? '').trim();
  const v = validateAddress(value);
  if (!v.valid || v.chain !== chain) {
    const why = v.valid ? `is a ${v.chain} address, expected ${chain}` : `is not a valid address (${v.error})`;
    throw importError(file, line, `column ${column}: "${value.slice(0, 80)}" ${why}`, 'crypto_import_bad_address');
  }
  return v.normalized!;
}

export function requireAmount(raw: string | undefined, file: string, line: number, column: string): string {
  const r = parseDecimalAmount(raw ?? '');
  if (!r.ok) throw importError(file, line, `column ${column}: ${r.reason}`, 'crypto_import_bad_amount');
  return r.value;
}

/** Unix seconds or milliseconds, or a date-time text ("2023-01-05 12:34:56", taken as UTC) → ISO-8601 UTC. */
export function requireTime(raw: string | number | undefined, file: string, line: number, column: string): string {
  const s = String(raw ?? '').trim();
  let ms: number;
  if (/^\d{9,10}$/.test(s)) ms = Number(s) * 1000;
  else if (/^\d{12,13}$/.test(s)) ms = Number(s);
  else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(s)) {
    ms = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(s) ? s.replace(' ', 'T') : `${s.replace(' ', 'T')}Z`);
  } else ms = Number.NaN;
  if (!Number.isFinite(ms))
    throw importError(file, line, `column ${column}: "${s.slice(0, 40)}" is not a date/time`, 'crypto_import_bad_time');
  return new Date(ms).toISOString();
}

export const isZero = (decimal: string) => /^0(\.0*)?$/.test(decimal);
