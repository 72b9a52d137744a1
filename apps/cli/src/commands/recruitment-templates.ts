// `trag recruitment templates --json < items.jsonl`: one JSON line per cluster of two or more near-duplicate items
// {"cluster","ids","template","slots"}. Pure: no server and no database.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { findTemplates, parseItemsJsonl } from '@trag/core/recruitment';
import { invalid } from '@trag/core/shared';
import { action } from '../output';

export async function readInput(file: string | undefined): Promise<string> {
  if (file) return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerRecruitmentTemplates(group: Command): void {
  group
    .command('templates')
    .description(
      'Find template ads (near-duplicates across scripts) in JSON Lines items and show each template with its slots.',
    )
    .option('--json', 'print one JSON object per cluster (the default and only format)')
    .option('-i, --input <file>', 'read items from this file instead of stdin')
    .option('--threshold <number>', 'least similarity (0..1) of word triples to link two items', '0.5')
    .option('--strict', 'stop with an error if any line is malformed')
    .action(
      action(async (options: { input?: string; threshold: string; strict?: boolean }) => {
        const threshold = Number(options.threshold);
        if (!(threshold > 0 && threshold <= 1)) {
          throw invalid('threshold_invalid', 'The threshold must be a number above 0 and at most 1, e.g. 0.5.');
        }
        const { items, errors } = parseItemsJsonl(await readInput(options.input));
        for (const e of errors) process.stderr.write(`trag: line ${e.line}: ${e.message}\n`);
        if (errors.length > 0 && options.strict) {
          throw invalid(
            'items_malformed',
            `${errors.length} malformed line(s); nothing analysed. Fix them or drop --strict.`,
          );
        }
        const clusters = findTemplates(items, { threshold });
        const out = clusters.map((c) =>
          JSON.stringify({ cluster: c.cluster, ids: c.ids, template: c.template, slots: c.slots, reason: c.reason }),
        );
        if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
        return errors.length > 0 ? 2 : 0;
      }),
    );
}
