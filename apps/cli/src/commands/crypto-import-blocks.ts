// `trag crypto import-blocks <case> <files…> --as <username> [--all | --watch <addresses>] [--json]`: raw Bitcoin
// blocks (blk*.dat, bare serialized blocks, optionally .bz2) into a case, acting as the named case member. By default
// only the transactions touching the case's Bitcoin wallets are kept.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CryptoService, type ImportSummary } from '@trag/core/crypto';
import { invalid } from '@trag/core/shared';
import { actingUserAndCase, withCoreContext } from '../cli-context';
import { action } from '../output';

export function printImport(summary: ImportSummary, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(JSON.stringify(summary) + '\n');
    return;
  }
  const skipped = Object.entries(summary.stats.skipped)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  process.stdout.write(
    `${summary.fileName}: ${summary.alreadyImported ? 'already imported' : `${summary.added} new of ${summary.records} transfers`} (import ${summary.importId})${skipped ? `; skipped: ${skipped}` : ''}\n`,
  );
  for (const w of summary.stats.warnings) process.stderr.write(`trag: warning: ${w}\n`);
}

export const parseWatch = (raw: string | undefined, all: boolean | undefined): 'wallets' | 'all' | string[] => {
  if (all && raw) throw invalid('crypto_watch_conflict', 'Give either --all or --watch, not both.');
  if (all) return 'all';
  if (raw)
    return raw
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
  return 'wallets';
};

export function registerCryptoImportBlocks(crypto: Command): void {
  crypto
    .command('import-blocks')
    .description('Import raw Bitcoin blocks (blk*.dat or bare blocks, optionally .bz2) into a case.')
    .argument('<case>', 'case id or reference')
    .argument('<files...>', 'block files')
    .requiredOption('--as <username>', 'the importing user (a writer of the case)')
    .option('--watch <addresses>', 'comma-separated Bitcoin addresses to keep (default: the case wallets)')
    .option('--all', 'keep every transaction of the blocks')
    .option('--json', 'one JSON import summary per file')
    .action(
      action(
        async (
          caseRef: string,
          files: string[],
          options: { as: string; watch?: string; all?: boolean; json?: boolean },
        ) => {
          const watch = parseWatch(options.watch, options.all);
          await withCoreContext(async (ctx) => {
            const { actor, caseId } = await actingUserAndCase(ctx, options.as, caseRef);
            const service = new CryptoService(ctx);
            for (const file of files) {
              const data = await fs.readFile(file).catch(() => {
                throw invalid('crypto_file_unreadable', `Cannot read ${file}: check the path and permissions.`);
              });
              printImport(
                await service.importBlocks(actor, caseId, { fileName: path.basename(file), data, watch }),
                options.json,
              );
            }
          });
        },
      ),
    );
}
