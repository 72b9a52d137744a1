// CSV rendering of audit entries (RFC 4180), safe to open in a spreadsheet.
//
// Spreadsheet programs execute cells that start with = + - @ (and tab / carriage return, which some treat the
// same way) as formulas, so a crafted record id or detail could run a formula on the supervisor's machine
// ("CSV injection"). Such cells are prefixed with a single quote, which spreadsheets show as text. The original
// value stays recoverable: strip one leading quote from cells that start with '= '+ '- '@ (and so on).
import type { ChainedAuditEntry } from './audit-chain';
import { canonicalJson } from '../shared/canonical-json';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || text !== text.trim()) text = `"${text.replaceAll('"', '""')}"`;
  return text;
}

export function csvRow(cells: Array<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'id',
  'at',
  'actor_user_id',
  'actor_username',
  'actor_agency_id',
  'ip',
  'action',
  'record_type',
  'record_id',
  'case_id',
  'details',
  'prev_hash',
  'hash',
] as const;

export function auditCsvHeader(): string {
  return csvRow([...AUDIT_CSV_COLUMNS]);
}

export function auditCsvRow(entry: ChainedAuditEntry & { actorUsername: string | null }): string {
  return csvRow([
    entry.seq,
    entry.id,
    entry.at,
    entry.actorUserId,
    entry.actorUsername,
    entry.actorAgencyId,
    entry.ip,
    entry.action,
    entry.recordType,
    entry.recordId,
    entry.caseId,
    canonicalJson(entry.details),
    entry.prevHash,
    entry.hash,
  ]);
}
