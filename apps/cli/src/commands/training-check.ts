// `trag training check <scenario dir | file.ink>`: the full scenario checker without a server — compiles every
// language, compares the structure across languages, walks every path to an end, checks the rule tags against the
// catalogue and the score bounds. Prints one line per finding (file:line: [code] message); exit 2 when any.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  checkScenario,
  iloIndicatorIds,
  loadRulesCatalogue,
  loadScenarioDir,
  SCENARIO_LANGUAGES,
  type CheckFinding,
  type CheckResult,
} from '@trag/core/training';
import { notFound } from '@trag/core/shared';
import { action } from '../output';

export interface LoadedSources {
  /** language → ink source */
  sources: Record<string, string>;
  /** language → the file it came from (for line-numbered messages) */
  files: Record<string, string>;
  meta: { id: string; version: number; title: string } | null;
}

/** A scenario folder (scenario.yaml + <lang>.ink) or one .ink file (its language from the name, else en). */
export function loadSources(target: string): LoadedSources {
  if (!existsSync(target)) throw notFound('training_path_not_found', `${target} does not exist.`);
  if (statSync(target).isDirectory()) {
    const files: Record<string, string> = {};
    let meta: LoadedSources['meta'] = null;
    let sources: Record<string, string>;
    if (existsSync(path.join(target, 'scenario.yaml'))) {
      const loaded = loadScenarioDir(path.resolve(target));
      sources = loaded.sources;
      meta = { id: loaded.meta.id, version: loaded.meta.version, title: loaded.meta.title.en ?? loaded.meta.id };
    } else {
      sources = {};
      for (const lang of SCENARIO_LANGUAGES) {
        const file = path.join(target, `${lang}.ink`);
        if (existsSync(file)) sources[lang] = readFileSync(file, 'utf8');
      }
    }
    for (const lang of Object.keys(sources)) files[lang] = path.join(target, `${lang}.ink`);
    return { sources, files, meta };
  }
  const base = path.basename(target).replace(/\.ink$/, '');
  const lang = (SCENARIO_LANGUAGES as readonly string[]).includes(base) ? base : 'en';
  return { sources: { [lang]: readFileSync(target, 'utf8') }, files: { [lang]: target }, meta: null };
}

export function runCheck(loaded: LoadedSources): CheckResult {
  return checkScenario(loaded.sources, loadRulesCatalogue(), {
    indicatorIds: iloIndicatorIds(),
    reference: 'en' in loaded.sources ? 'en' : undefined,
  });
}

/**
 * The line a finding is about: the checker's own line (compile errors), else the line of the choice or knot it names
 * in that language's source (the checker works on the compiled story, which keeps no line numbers).
 */
export function findingLine(f: CheckFinding, result: CheckResult, sources: Record<string, string>): number | null {
  if (f.line) return f.line;
  const source = f.language ? sources[f.language] : undefined;
  if (!source) return null;
  const lines = source.split('\n');
  const report = result.languages.find((l) => l.language === f.language);
  const choice = f.choiceId ? report?.choices.find((c) => c.choiceId === f.choiceId) : undefined;
  const knot = f.knot ?? choice?.knot ?? (f.choiceId ? f.choiceId.split('.')[0] : undefined);
  const knotLine = knot ? lines.findIndex((l) => new RegExp(`^\\s*={2,}\\s*${knot}\\b`).test(l)) : -1;
  if (choice) {
    const at = lines.findIndex((l, i) => i >= knotLine && /^\s*[*+]/.test(l) && l.includes(choice.text));
    if (at >= 0) return at + 1;
  }
  return knotLine >= 0 ? knotLine + 1 : null;
}

export function formatFinding(f: CheckFinding, result: CheckResult, loaded: LoadedSources): string {
  const where = f.language ? (loaded.files[f.language] ?? f.language) : '(all languages)';
  const line = findingLine(f, result, loaded.sources);
  const at = f.choiceId ? ` (${f.choiceId})` : f.knot ? ` (${f.knot})` : '';
  return `${where}${line ? `:${line}` : ''}: [${f.code}] ${f.message}${at}`;
}

export function registerTrainingCheck(group: Command): void {
  group
    .command('check')
    .argument('<scenario>', 'a scenario folder (scenario.yaml and <lang>.ink files) or a single .ink file')
    .description(
      'Check a scenario: compiles in every language, identical structure, every path ends, known rules, score bounds.',
    )
    .option('--json', 'print the checker result as JSON')
    .action(
      action(async (target: string, options: { json?: boolean }) => {
        const loaded = loadSources(target);
        if (Object.keys(loaded.sources).length === 0) {
          throw notFound('training_no_sources', `${target} holds no <lang>.ink file.`);
        }
        const result = runCheck(loaded);
        if (options.json) {
          const { languages, ...rest } = result;
          const summary = languages.map(({ json: _json, choices, ...l }) => ({ ...l, choices: choices.length }));
          console.log(JSON.stringify({ ...rest, languages: summary }, null, 2));
        } else {
          for (const f of result.findings) process.stderr.write(`${formatFinding(f, result, loaded)}\n`);
          const first = result.languages[0];
          console.log(
            `${result.ok ? 'ok' : 'FAILED'}: ${result.languages.length} language(s), ${first?.knots.length ?? 0} knots, ` +
              `${first?.choices.length ?? 0} choices, ${first?.endings ?? 0} endings, rules ${result.rules.join(' ')}, ` +
              `${result.findings.length} finding(s)`,
          );
        }
        return result.ok ? 0 : 2;
      }),
    );
}
