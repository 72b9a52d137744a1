// Screening forms are data: versioned YAML files in ./data/screening (shipped) and, for administrators,
// <dataDir>/victims/screening (local additions or newer versions). Each file is validated on load; a malformed
// file is reported with its name and the problem, never half-loaded.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { invalid } from '../shared/errors';

export type Localised = Record<string, string>;

export interface ScreeningIndicator {
  id: string;
  number: number;
  label: Localised;
  hint?: Localised | undefined;
  sources?: string[] | undefined;
}

export type SuggestionCondition = { present_at_least: number } | { unknown_at_least: number } | { always: true };

export interface ScreeningSuggestion {
  id: string;
  when: SuggestionCondition;
  text: Localised;
}

export interface ScreeningForm {
  id: string;
  version: number;
  title: Localised;
  source: string;
  sourceRef: string;
  note: Localised | null;
  indicators: ScreeningIndicator[];
  suggestions: ScreeningSuggestion[];
}

export const SHIPPED_FORMS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'screening');

function fail(file: string, problem: string): never {
  throw invalid('screening_form_invalid', `The screening form file ${path.basename(file)} is not valid: ${problem}.`, {
    file: path.basename(file),
  });
}

function localised(file: string, value: unknown, where: string): Localised {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    fail(file, `${where} must be a map of language → text`);
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.every(([, v]) => typeof v === 'string' && v.trim() !== '')) fail(file, `${where} has an empty text`);
  if (!('en' in (value as object))) fail(file, `${where} needs at least an English ("en") text`);
  return value as Localised;
}

export function parseScreeningForm(file: string, text: string): ScreeningForm {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    fail(file, `YAML syntax error (${error instanceof Error ? error.message.split('\n')[0] : 'unreadable'})`);
  }
  if (!doc || typeof doc !== 'object') fail(file, 'it is empty');
  const d = doc as Record<string, unknown>;
  if (typeof d.id !== 'string' || !/^[a-z0-9-]+$/.test(d.id))
    fail(file, '"id" must be lower-case letters, digits and dashes');
  if (!Number.isInteger(d.version) || (d.version as number) < 1) fail(file, '"version" must be a whole number from 1');
  if (typeof d.source !== 'string' || d.source.trim() === '')
    fail(file, '"source" must name where the indicators come from');
  if (!Array.isArray(d.indicators) || d.indicators.length === 0) fail(file, '"indicators" must be a non-empty list');
  const seen = new Set<string>();
  const indicators = d.indicators.map((raw, i): ScreeningIndicator => {
    const ind = raw as Record<string, unknown>;
    if (typeof ind.id !== 'string' || !/^[a-z0-9_]+$/.test(ind.id))
      fail(file, `indicator ${i + 1} needs an id of a-z, 0-9 and _`);
    if (seen.has(ind.id)) fail(file, `indicator id "${ind.id}" appears twice`);
    seen.add(ind.id);
    if (!Number.isInteger(ind.number)) fail(file, `indicator "${ind.id}" needs its number in the source list`);
    return {
      id: ind.id,
      number: ind.number as number,
      label: localised(file, ind.label, `indicator "${ind.id}" label`),
      hint: ind.hint === undefined ? undefined : localised(file, ind.hint, `indicator "${ind.id}" hint`),
      sources: Array.isArray(ind.sources) ? ind.sources.map(String) : undefined,
    };
  });
  if (!Array.isArray(d.suggestions) || d.suggestions.length === 0) fail(file, '"suggestions" must be a non-empty list');
  const suggestions = d.suggestions.map((raw, i): ScreeningSuggestion => {
    const s = raw as Record<string, unknown>;
    const when = s.when as Record<string, unknown> | undefined;
    if (typeof s.id !== 'string') fail(file, `suggestion ${i + 1} needs an id`);
    let condition: SuggestionCondition;
    if (when && Number.isInteger(when.present_at_least))
      condition = { present_at_least: when.present_at_least as number };
    else if (when && Number.isInteger(when.unknown_at_least))
      condition = { unknown_at_least: when.unknown_at_least as number };
    else if (when && when.always === true) condition = { always: true };
    else fail(file, `suggestion "${s.id}" needs "when": present_at_least, unknown_at_least or always`);
    return { id: s.id, when: condition, text: localised(file, s.text, `suggestion "${s.id}" text`) };
  });
  if (!suggestions.some((s) => 'always' in s.when))
    fail(file, 'the last suggestion must be "always: true" so every screening gets one');
  return {
    id: d.id,
    version: d.version as number,
    title: localised(file, d.title, 'title'),
    source: d.source,
    sourceRef: typeof d.source_ref === 'string' ? d.source_ref : '',
    note: d.note === undefined ? null : localised(file, d.note, 'note'),
    indicators,
    suggestions,
  };
}

/** Every form version from the shipped folder and the optional administrator folder, keyed "id@version". */
export function loadScreeningForms(dirs: string[] = [SHIPPED_FORMS_DIR]): Map<string, ScreeningForm> {
  const forms = new Map<string, ScreeningForm>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((n) => /\.(ya?ml|json)$/.test(n))
      .sort()) {
      const file = path.join(dir, name);
      const form = parseScreeningForm(file, readFileSync(file, 'utf8'));
      forms.set(`${form.id}@${form.version}`, form);
    }
  }
  return forms;
}

/** The newest version of each form. */
export function latestForms(forms: Map<string, ScreeningForm>): ScreeningForm[] {
  const latest = new Map<string, ScreeningForm>();
  for (const form of forms.values()) {
    const current = latest.get(form.id);
    if (!current || current.version < form.version) latest.set(form.id, form);
  }
  return [...latest.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function localise(text: Localised, lang: string): string {
  return text[lang] ?? text.en ?? Object.values(text)[0] ?? '';
}
