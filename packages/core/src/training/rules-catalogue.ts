// The rules catalogue: a versioned data file (data/interview-rules.v1.yaml) that trainers can read and translate.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { AppError } from '../shared/errors';

export const DIMENSIONS = ['safety', 'consent_rights', 'question_quality', 'indicators'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface InterviewRule {
  id: string;
  dimension: Dimension;
  critical: boolean;
  title: string;
  rationale: string;
  sources: string[];
  /** Whether the rule was checked against the primary source text (see the data file's header). */
  checked: boolean;
  child: boolean;
}

export interface RulesCatalogue {
  version: number;
  sources: Record<string, string>;
  rules: Map<string, InterviewRule>;
}

function fail(message: string): never {
  throw new AppError('invalid', 'rules_catalogue_invalid', `The interview rules catalogue is invalid: ${message}`);
}

/** Parses and validates a catalogue document; every rule must name a dimension and known sources. */
export function parseRulesCatalogue(text: string): RulesCatalogue {
  const doc = parse(text) as unknown;
  if (typeof doc !== 'object' || doc === null) fail('not a YAML mapping');
  const { version, sources, rules } = doc as { version?: unknown; sources?: unknown; rules?: unknown };
  if (typeof version !== 'number') fail('"version" must be a number');
  if (typeof sources !== 'object' || sources === null) fail('"sources" must be a mapping');
  if (!Array.isArray(rules)) fail('"rules" must be a list');
  const sourceMap = sources as Record<string, string>;
  const map = new Map<string, InterviewRule>();
  for (const raw of rules as Array<Record<string, unknown>>) {
    const id = raw.id;
    if (typeof id !== 'string' || !/^R\d{2}$/.test(id)) fail(`rule id ${String(id)} is not of the form R01`);
    if (map.has(id)) fail(`rule ${id} appears twice`);
    const dimension = raw.dimension as Dimension;
    if (!DIMENSIONS.includes(dimension)) fail(`rule ${id} has unknown dimension ${String(raw.dimension)}`);
    const ruleSources = raw.sources;
    if (!Array.isArray(ruleSources) || ruleSources.length === 0) fail(`rule ${id} names no source`);
    for (const s of ruleSources) if (!(String(s) in sourceMap)) fail(`rule ${id} cites unknown source ${String(s)}`);
    if (typeof raw.title !== 'string' || typeof raw.rationale !== 'string')
      fail(`rule ${id} needs a title and a rationale`);
    map.set(id, {
      id,
      dimension,
      critical: raw.critical === true,
      title: raw.title,
      rationale: raw.rationale,
      sources: ruleSources.map(String),
      checked: raw.checked === true,
      child: raw.child === true,
    });
  }
  return { version, sources: sourceMap, rules: map };
}

let cached: RulesCatalogue | undefined;

/** The shipped catalogue. */
export function loadRulesCatalogue(): RulesCatalogue {
  cached ??= parseRulesCatalogue(
    readFileSync(fileURLToPath(new URL('./data/interview-rules.v1.yaml', import.meta.url)), 'utf8'),
  );
  return cached;
}
