// Loads and checks the indicator lexicon (a versioned YAML data file analysts can read and extend without code).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { invalid } from '@trag/core/shared';

export const FAMILIES = [
  'forced_labour',
  'deceptive_recruitment',
  'sexual_exploitation',
  'smuggling',
  'network',
] as const;
export type IndicatorFamily = (typeof FAMILIES)[number];

export const LEXICON_LANGUAGES = ['en', 'hbs', 'mk', 'sq', 'de'] as const;
export type LexiconLanguage = (typeof LEXICON_LANGUAGES)[number];

export const DETECTORS = [
  'high_salary',
  'obfuscated_contact',
  'shared_contact',
  'template_reuse',
  'account_history',
] as const;
export type DetectorName = (typeof DETECTORS)[number];

export interface IndicatorDefinition {
  id: string;
  /** Number of the indicator in /work/shared/data/recruitment/indicators.md. */
  ref: number;
  family: IndicatorFamily;
  title: string;
  weight: number;
  rationale: string;
  source: string;
  patterns: Partial<Record<LexiconLanguage, string[]>>;
  detector?: DetectorName;
  detectorConfig?: Record<string, unknown>;
  /** Identifier types that must also be present for a phrase match to count (e.g. an amount for "per person"). */
  requires?: string[];
}

export interface Lexicon {
  version: number;
  threshold: number;
  minIndicators: number;
  indicators: IndicatorDefinition[];
}

export const DEFAULT_LEXICON_PATH = fileURLToPath(new URL('./lexicon/indicators.v1.yaml', import.meta.url));

function fail(message: string): never {
  throw invalid('lexicon_invalid', `The indicator lexicon is not valid: ${message}. Fix the YAML file and retry.`);
}

/** Parses and validates lexicon YAML; every problem names the indicator it is in. */
export function parseLexicon(yamlText: string): Lexicon {
  const doc = parse(yamlText) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') fail('the file is empty');
  const version = doc.version;
  if (typeof version !== 'number') fail('"version" must be a number');
  const scoring = (doc.scoring ?? {}) as Record<string, unknown>;
  const threshold = typeof scoring.threshold === 'number' ? scoring.threshold : 4;
  const minIndicators = typeof scoring.min_indicators === 'number' ? scoring.min_indicators : 2;
  if (!Array.isArray(doc.indicators)) fail('"indicators" must be a list');
  const seen = new Set<string>();
  const indicators = (doc.indicators as unknown[]).map((raw, index): IndicatorDefinition => {
    const item = raw as Record<string, unknown>;
    const where = `indicator #${index + 1}${typeof item.id === 'string' ? ` (${item.id})` : ''}`;
    if (typeof item.id !== 'string' || !/^[a-z0-9_]+$/.test(item.id)) fail(`${where}: "id" must be snake_case`);
    if (seen.has(item.id)) fail(`${where}: duplicate id`);
    seen.add(item.id);
    if (!FAMILIES.includes(item.family as IndicatorFamily)) fail(`${where}: unknown family "${String(item.family)}"`);
    for (const key of ['title', 'rationale', 'source'] as const) {
      if (typeof item[key] !== 'string' || (item[key] as string).trim() === '') fail(`${where}: "${key}" is required`);
    }
    if (typeof item.weight !== 'number') fail(`${where}: "weight" must be a number`);
    if (typeof item.ref !== 'number') fail(`${where}: "ref" must be the number in indicators.md`);
    const patterns: Partial<Record<LexiconLanguage, string[]>> = {};
    const rawPatterns = (item.patterns ?? {}) as Record<string, unknown>;
    for (const [language, list] of Object.entries(rawPatterns)) {
      if (!LEXICON_LANGUAGES.includes(language as LexiconLanguage)) fail(`${where}: unknown language "${language}"`);
      if (!Array.isArray(list) || list.some((p) => typeof p !== 'string' || p.trim() === '')) {
        fail(`${where}: patterns for ${language} must be a list of phrases`);
      }
      patterns[language as LexiconLanguage] = (list as string[]).map((p) => p.trim());
    }
    const detector = item.detector as DetectorName | undefined;
    if (detector !== undefined && !DETECTORS.includes(detector))
      fail(`${where}: unknown detector "${String(detector)}"`);
    if (detector === undefined && Object.keys(patterns).length === 0) fail(`${where}: needs patterns or a detector`);
    const requires = item.requires;
    if (requires !== undefined && (!Array.isArray(requires) || requires.some((r) => typeof r !== 'string'))) {
      fail(`${where}: "requires" must be a list of identifier types`);
    }
    return {
      id: item.id,
      ref: item.ref,
      family: item.family as IndicatorFamily,
      title: item.title as string,
      weight: item.weight,
      rationale: item.rationale as string,
      source: item.source as string,
      patterns,
      ...(detector ? { detector } : {}),
      ...(item.detector_config ? { detectorConfig: item.detector_config as Record<string, unknown> } : {}),
      ...(requires ? { requires: requires as string[] } : {}),
    };
  });
  return { version, threshold, minIndicators, indicators };
}

let cached: Lexicon | undefined;

/** The lexicon shipped with Trag (lexicon/indicators.v1.yaml), parsed once. */
export function defaultLexicon(): Lexicon {
  cached ??= parseLexicon(readFileSync(DEFAULT_LEXICON_PATH, 'utf8'));
  return cached;
}
