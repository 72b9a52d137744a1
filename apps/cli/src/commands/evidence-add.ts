// `trag evidence add <case> <files…> --as <username> --description <text>`: collects files from disk into a case,
// streamed and hashed like an upload, acting as the named user (who must be a member of the case). With --import,
// Telegram/WhatsApp exports, WARC, HAR, MHTML and HTML are read too; a folder (a Telegram Desktop export) is
// packed into a ZIP first, and that ZIP is the collected original.
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { EvidenceService, formatFingerprint, timestampAuthorityFromEnv, zipFolder } from '@trag/core/evidence';
import { invalid } from '@trag/core/shared';
import { actingUserAndCase, withCoreContext } from '../cli-context';
import { action } from '../output';

interface Options {
  as: string;
  description: string;
  source?: string;
  legalBasis?: string;
  location?: string;
  device?: string;
  exhibit?: string;
  import?: boolean;
  json?: boolean;
}

export function registerEvidenceAdd(evidence: Command): void {
  evidence
    .command('add')
    .description(
      'Collect files into a case (streamed and hashed; each gets an exhibit number and a signed custody ledger).',
    )
    .argument('<case>', 'case id or reference')
    .argument('<files...>', 'files (or, with --import, export folders)')
    .requiredOption('--as <username>', 'the collecting user (must be a member of the case)')
    .requiredOption('--description <text>', 'what the item is and where it comes from')
    .option('--source <text>', 'where it was obtained (URL, phone, person)')
    .option('--legal-basis <text>', 'order or warrant number')
    .option('--location <text>', 'place of collection')
    .option('--device <text>', 'device it was taken from')
    .option('--exhibit <number>', 'exhibit number (only with a single file; default: the agency scheme)')
    .option('--import', 'read Telegram/WhatsApp exports, WARC, HAR, MHTML and HTML and index their content')
    .option('--json', 'print the collected items as JSON')
    .action(
      action(async (caseRef: string, files: string[], options: Options) => {
        if (options.exhibit && files.length > 1) {
          throw invalid('evidence_exhibit_single', '--exhibit can only be used with a single file.');
        }
        await withCoreContext(async (ctx) => {
          const { actor, caseId } = await actingUserAndCase(ctx, options.as, caseRef);
          const service = new EvidenceService(ctx, { tsa: timestampAuthorityFromEnv(process.env) });
          const results = [];
          for (const file of files) {
            const stat = await fs.stat(file).catch(() => null);
            if (!stat) throw invalid('evidence_file_missing', `There is no file ${file}.`);
            const input = {
              description: options.description,
              source: options.source,
              legalBasis: options.legalBasis,
              location: options.location,
              device: options.device,
              exhibitNumber: options.exhibit,
              import: options.import ?? false,
            };
            let item;
            if (stat.isDirectory()) {
              if (!options.import)
                throw invalid('evidence_folder', `${file} is a folder; add --import to collect an export folder.`);
              const tmp = mkdtempSync(path.join(tmpdir(), 'trag-export-'));
              try {
                const zip = path.join(tmp, `${path.basename(path.resolve(file))}.zip`);
                await zipFolder(file, zip);
                item = await service.collectPath(actor, caseId, zip, input);
              } finally {
                rmSync(tmp, { recursive: true, force: true });
              }
            } else {
              item = await service.collectPath(actor, caseId, file, input);
            }
            results.push(item);
            if (!options.json) {
              const extra = item.importFormat
                ? `  [${item.importFormat}: ${String(item.metadata.messages ?? (item.metadata.resources as unknown[] | undefined)?.length ?? 0)} records]`
                : '';
              const dup = item.duplicateOf.length ? `  (same content as ${item.duplicateOf.join(', ')})` : '';
              console.log(`${item.exhibitNumber}  ${item.sha256}  ${item.size} bytes  ${item.fileName}${extra}${dup}`);
            }
          }
          if (options.json) console.log(JSON.stringify({ items: results }, null, 2));
          else {
            const key = await service.agencyKey(actor);
            console.log(
              `Collected ${results.length} item(s); custody signed with key ${formatFingerprint(key.fingerprint)}.`,
            );
          }
        });
      }),
    );
}
