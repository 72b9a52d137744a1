// `trag recruitment import <case> [file] --as <username>`: imports items into a case and analyses them, in one
// transaction, acting as the named user (who must be allowed to write in the case). The items come from a file
// (JSONL, CSV, text, Telegram result.json, WhatsApp .txt, HTML, WARC) or, with --evidence, from a saved HTML page
// or WARC capture already collected as evidence in the case (by id or exhibit number). For CSV and JSON Lines,
// --text-column, --id-column, --url-column, --date-column and --source-column name the columns (keys) that hold each
// field, over the default mapping text, id, url, posted_at, source. Progress goes to stderr; Ctrl-C cancels and
// leaves nothing imported.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { importFormatOfFileName } from '@trag/contracts/recruitment';
import { EvidenceService } from '@trag/core/evidence';
import {
  columnMappingWith,
  IMPORT_FORMATS,
  RecruitmentService,
  type ColumnMapping,
  type ImportFormat,
  type ImportOutcome,
} from '@trag/core/recruitment';
import { invalid, type Actor, type CoreContext } from '@trag/core/shared';
import { actingUserAndCase, withCoreContext } from '../cli-context';
import { action } from '../output';

interface Options {
  as: string;
  evidence?: string;
  format?: string;
  skipBad?: boolean;
  json?: boolean;
  textColumn?: string;
  idColumn?: string;
  urlColumn?: string;
  dateColumn?: string;
  sourceColumn?: string;
}

/** The formats whose records have named columns (CSV header) or keys (JSON Lines). */
const MAPPED_FORMATS: readonly ImportFormat[] = ['csv', 'jsonl'];

/** The API's limit on a column name (contracts ColumnMapping). */
const MAX_COLUMN_NAME = 200;

const COLUMN_OPTIONS = [
  ['text', '--text-column', 'textColumn'],
  ['id', '--id-column', 'idColumn'],
  ['url', '--url-column', 'urlColumn'],
  ['postedAt', '--date-column', 'dateColumn'],
  ['source', '--source-column', 'sourceColumn'],
] as const;

/**
 * The column mapping the options ask for: undefined when no column option is given (the importer uses its default),
 * otherwise the default mapping with the given columns replaced. Refused for sources that have no columns.
 */
function columnMappingOf(options: Options, format: ImportFormat | null): ColumnMapping | undefined {
  const given = COLUMN_OPTIONS.filter(([, , key]) => options[key] !== undefined);
  if (given.length === 0) return undefined;
  const flags = given.map(([, flag]) => flag).join(', ');
  if (options.evidence || !format || !MAPPED_FORMATS.includes(format)) {
    const source = options.evidence || !format ? 'an evidence item (HTML or WARC)' : `a ${format} file`;
    throw invalid(
      'recruitment_import_mapping',
      `Column options (${flags}) apply only to files with columns (--format ${MAPPED_FORMATS.join('|')}), not to ${source}.`,
    );
  }
  const named: Partial<ColumnMapping> = {};
  for (const [field, flag, key] of given) {
    const name = options[key]!;
    if (name.trim() === '') throw invalid('recruitment_import_mapping', `${flag} needs a column name.`);
    if ([...name].length > MAX_COLUMN_NAME) {
      throw invalid('recruitment_import_mapping', `${flag} is longer than ${MAX_COLUMN_NAME} characters.`);
    }
    named[field] = name;
  }
  return columnMappingWith(named);
}

function progressBar(enabled: boolean) {
  let last = -1;
  return (done: number, total: number) => {
    if (!enabled) return;
    const percent = Math.floor((done / total) * 100);
    if (percent === last) return;
    last = percent;
    const filled = Math.round(percent / 4);
    process.stderr.write(`\ranalysing [${'#'.repeat(filled)}${'.'.repeat(25 - filled)}] ${percent}% ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  };
}

async function evidenceIdOf(ctx: CoreContext, actor: Actor, caseId: string, ref: string): Promise<string> {
  const { items } = await new EvidenceService(ctx).list(actor, caseId, { includeAttachments: true });
  const found = items.find((i) => i.id === ref || i.exhibitNumber === ref);
  if (!found) throw invalid('evidence_not_in_case', `The case has no evidence item ${ref}.`);
  return found.id;
}

export function registerRecruitmentImport(group: Command): void {
  group
    .command('import')
    .description(
      'Import items into a case and analyse them (one transaction; Ctrl-C leaves nothing imported). ' +
        'For CSV and JSON Lines, --text-column etc. name the columns that hold each field.',
    )
    .argument('<case>', 'case id or reference')
    .argument('[file]', 'file to import (not with --evidence)')
    .requiredOption('--as <username>', 'the importing user (must be able to write in the case)')
    .option('--evidence <id>', 'import a WARC capture or saved HTML page collected in the case (id or exhibit number)')
    .option('--format <format>', `file format: ${IMPORT_FORMATS.join(', ')} (default: from the file name)`)
    .option('--text-column <name>', 'CSV/JSONL: the column (key) holding the item text (default: text)')
    .option('--id-column <name>', 'CSV/JSONL: the column holding the item id (default: id)')
    .option('--url-column <name>', 'CSV/JSONL: the column holding the link (default: url)')
    .option('--date-column <name>', 'CSV/JSONL: the column holding the posting date (default: posted_at)')
    .option('--source-column <name>', 'CSV/JSONL: the column holding the source (default: source)')
    .option('--skip-bad', 'import the good records and report the malformed ones (default: all or nothing)')
    .option('--json', 'print the outcome as JSON')
    .action(
      action(async (caseRef: string, file: string | undefined, options: Options) => {
        if (Boolean(file) === Boolean(options.evidence)) {
          throw invalid(
            'recruitment_import_source',
            'Give either a file or --evidence <id>, not both and not neither.',
          );
        }
        const format = (options.format ?? (file ? importFormatOfFileName(file) : null)) as ImportFormat | null;
        if (file && (!format || !(IMPORT_FORMATS as readonly string[]).includes(format))) {
          throw invalid(
            'recruitment_import_format',
            `Say which format ${file} is: --format ${IMPORT_FORMATS.join('|')}.`,
          );
        }
        const mapping = columnMappingOf(options, format);
        const mode = options.skipBad ? 'skip_bad' : 'all_or_nothing';
        await withCoreContext(async (ctx) => {
          const { actor, caseId } = await actingUserAndCase(ctx, options.as, caseRef);
          const controller = new AbortController();
          const onSigint = () => controller.abort();
          process.once('SIGINT', onSigint);
          const importOptions = {
            signal: controller.signal,
            onProgress: progressBar(!options.json && process.stderr.isTTY === true),
          };
          const service = new RecruitmentService(ctx);
          let outcome: ImportOutcome;
          try {
            if (options.evidence) {
              const evidenceId = await evidenceIdOf(ctx, actor, caseId, options.evidence);
              outcome = await service.importFromEvidence(actor, caseId, evidenceId, { mode }, importOptions);
            } else {
              const stat = await fs.stat(file!).catch(() => null);
              if (!stat?.isFile()) throw invalid('recruitment_import_file_missing', `There is no file ${file}.`);
              outcome = await service.importItems(
                actor,
                caseId,
                {
                  bytes: await fs.readFile(file!),
                  format: format!,
                  mode,
                  fileName: path.basename(file!),
                  ...(mapping ? { mapping } : {}),
                },
                importOptions,
              );
            }
          } finally {
            process.off('SIGINT', onSigint);
          }
          if (options.json) {
            console.log(JSON.stringify(outcome));
            return;
          }
          console.log(
            `Imported ${outcome.itemsImported} item(s), ${outcome.flagged} flagged, ${outcome.linesRejected} rejected (import ${outcome.importId}).`,
          );
          for (const e of outcome.errors.slice(0, 20)) console.log(`  line ${e.line}: ${e.message}`);
        });
      }),
    );
}
