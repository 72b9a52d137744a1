// The shipped scenarios: scenarios/<scenario-id>/scenario.yaml (id, version, titles, audience) and one <lang>.ink per
// language. Each is checked by scenarios.test.ts in every language.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { AppError } from '../shared/errors';

export const SCENARIO_LANGUAGES = ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'cnr', 'mk', 'sq'] as const;
export type ScenarioLanguage = (typeof SCENARIO_LANGUAGES)[number];

export const SHIPPED_SCENARIOS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');

export interface ScenarioMeta {
  id: string;
  version: number;
  title: Record<string, string>;
  summary: Record<string, string>;
  audience: string[];
  /** Scored with the child rubric (R21) as well. */
  child: boolean;
  country: string | null;
}

export interface ScenarioSource {
  meta: ScenarioMeta;
  /** language → ink source */
  sources: Record<string, string>;
}

function fail(id: string, message: string): never {
  throw new AppError('invalid', 'scenario_meta_invalid', `Scenario ${id}: ${message}`);
}

export function parseScenarioMeta(dirName: string, text: string): ScenarioMeta {
  const doc = parse(text) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') fail(dirName, 'scenario.yaml is not a mapping');
  if (doc.id !== dirName) fail(dirName, `id "${String(doc.id)}" must equal the folder name`);
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1)
    fail(dirName, 'version must be a positive integer');
  const title = doc.title as Record<string, string> | undefined;
  if (!title || typeof title.en !== 'string') fail(dirName, 'title needs at least an English text');
  return {
    id: dirName,
    version: doc.version,
    title,
    summary: (doc.summary as Record<string, string> | undefined) ?? {},
    audience: Array.isArray(doc.audience) ? doc.audience.map(String) : [],
    child: doc.child === true,
    country: typeof doc.country === 'string' ? doc.country : null,
  };
}

export function loadScenarioDir(dir: string): ScenarioSource {
  const id = path.basename(dir);
  const meta = parseScenarioMeta(id, readFileSync(path.join(dir, 'scenario.yaml'), 'utf8'));
  const sources: Record<string, string> = {};
  for (const lang of SCENARIO_LANGUAGES) {
    const file = path.join(dir, `${lang}.ink`);
    if (existsSync(file)) sources[lang] = readFileSync(file, 'utf8');
  }
  return { meta, sources };
}

export function loadShippedScenarios(dir = SHIPPED_SCENARIOS_DIR): ScenarioSource[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'scenario.yaml')))
    .map((e) => loadScenarioDir(path.join(dir, e.name)))
    .sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}
