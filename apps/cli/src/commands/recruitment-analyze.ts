// `trag recruitment analyze --json < items.jsonl`: pure analysis, no server and no database.
// Output: one JSON line per item {"id","language","identifiers","indicators","score","flagged","reasons"}.
import type { Command } from 'commander';
import { RecruitmentAnalyzer, parseItemsJsonl, parseLexicon, type ItemAnalysis } from '@trag/core/recruitment';
import { readFile } from 'node:fs/promises';
import { invalid } from '@trag/core/shared';
import { action } from '../output';
import { readInput } from './recruitment-templates';

/** The stable CLI shape of one analysed item. */
export function toCliLine(r: ItemAnalysis): Record<string, unknown> {
  return {
    id: r.id,
    language: r.language,
    identifiers: r.identifiers.map((i) => ({ type: i.type, value: i.value, start: i.start, end: i.end })),
    indicators: r.indicators.map((i) => ({ id: i.id, family: i.family, start: i.start, end: i.end })),
    score: r.score,
    flagged: r.flagged,
    reasons: r.reasons.map((x) => x.text),
  };
}

export function registerRecruitmentAnalyze(group: Command): void {
  group
    .command('analyze')
    .description(
      'Analyse items (JSON Lines {"id","text"} on stdin or --input): language, identifiers, red-flag indicators, score and reasons.',
    )
    .option('--json', 'print one JSON object per item (the default and only format)')
    .option('-i, --input <file>', 'read items from this file instead of stdin')
    .option('--lexicon <file>', 'use another indicator lexicon (YAML)')
    .option('--strict', 'stop with an error if any line is malformed (default: skip bad lines, report them)')
    .option('--no-network', 'score items on their own, without shared-contact and template signals')
    .action(
      action(async (options: { input?: string; lexicon?: string; strict?: boolean; network: boolean }) => {
        const text = await readInput(options.input);
        const { items, errors } = parseItemsJsonl(text);
        for (const e of errors) process.stderr.write(`trag: line ${e.line}: ${e.message}\n`);
        if (errors.length > 0 && options.strict) {
          throw invalid(
            'items_malformed',
            `${errors.length} malformed line(s); nothing analysed. Fix them or drop --strict.`,
          );
        }
        const lexicon = options.lexicon ? parseLexicon(await readFile(options.lexicon, 'utf8')) : undefined;
        const analyzer = new RecruitmentAnalyzer(lexicon);
        const results = options.network ? analyzer.analyzeBatch(items) : items.map((item) => analyzer.analyze(item));
        const out: string[] = results.map((r) => JSON.stringify(toCliLine(r)));
        if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
        return errors.length > 0 ? 2 : 0;
      }),
    );
}
