// Retention rules per record kind and country (data: ./data/retention-rules.yaml, overridable by the administrator
// at <dataDir>/victims/retention-rules.yaml). Pure: which records are due for review.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { invalid } from '../shared/errors';

export const RETENTION_KINDS = ['victim_record', 'screening', 'consent', 'referral', 'access_log'] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export interface RetentionRules {
  version: number;
  confirmedByDpo: boolean;
  default: Record<RetentionKind, number>;
  countries: Record<string, Partial<Record<RetentionKind, number>>>;
  file: string;
}

export const SHIPPED_RETENTION_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'data',
  'retention-rules.yaml',
);

export function loadRetentionRules(dataDir?: string): RetentionRules {
  const local = dataDir ? path.join(dataDir, 'victims', 'retention-rules.yaml') : null;
  const file = local && existsSync(local) ? local : SHIPPED_RETENTION_FILE;
  const doc = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const bad = (why: string) =>
    invalid('retention_rules_invalid', `The retention rules file ${path.basename(file)} is not valid: ${why}.`);
  const months = (v: unknown, where: string) => {
    if (!Number.isInteger(v) || (v as number) < 1) throw bad(`${where} must be a whole number of months`);
    return v as number;
  };
  const def = doc.default as Record<string, unknown> | undefined;
  if (!def) throw bad('"default" is missing');
  const defaults = Object.fromEntries(RETENTION_KINDS.map((k) => [k, months(def[k], `default.${k}`)])) as Record<
    RetentionKind,
    number
  >;
  const countries: RetentionRules['countries'] = {};
  for (const [country, values] of Object.entries(
    (doc.countries as Record<string, Record<string, unknown>> | undefined) ?? {},
  )) {
    if (!/^[A-Z]{2}$/.test(country)) throw bad(`"${country}" is not a two-letter country code`);
    countries[country] = {};
    for (const [kind, v] of Object.entries(values ?? {})) {
      if (!(RETENTION_KINDS as readonly string[]).includes(kind)) throw bad(`unknown record kind "${kind}"`);
      countries[country][kind as RetentionKind] = months(v, `${country}.${kind}`);
    }
  }
  return {
    version: Number(doc.version ?? 1),
    confirmedByDpo: doc.confirmed_by_dpo === true,
    default: defaults,
    countries,
    file,
  };
}

export function retentionMonths(rules: RetentionRules, country: string, kind: RetentionKind): number {
  return rules.countries[country]?.[kind] ?? rules.default[kind];
}

/** The moment a record becomes due: last change + the retention period (calendar months, UTC). */
export function dueAt(lastChangeIso: string, months: number): Date {
  const d = new Date(lastChangeIso);
  const due = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()),
  );
  return due;
}
