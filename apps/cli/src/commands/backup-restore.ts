import type { Command } from 'commander';
import { restoreBackup } from '@trag/core/platform';
import { loadConfig } from '@trag/api/config';
import { action } from '../output';

export function registerBackupRestore(program: Command): void {
  program
    .command('restore')
    .argument('<file>', 'archive written by `trag backup`')
    .description(
      'Verify every file of a backup against its SHA-256 manifest and restore it into TRAG_DATA_DIR, which must be ' +
        'empty or absent. Stop the server first.',
    )
    .option('--force', 'replace a non-empty data folder (its current contents are moved aside, not deleted)')
    .action(
      action(async (file: string, options: { force?: boolean }) => {
        // Deliberately does not open the database: that would create a new, empty one in the target folder.
        const { dataDir } = loadConfig(process.env);
        const result = await restoreBackup(file, dataDir, { force: options.force });
        console.log(
          `Restored ${result.manifest.database ? 'the database and ' : ''}${result.manifest.files.length} file(s) ` +
            `from a backup of ${result.manifest.createdAt} into ${result.dataDir}. Every hash matched.`,
        );
        if (result.previousDataMovedTo) {
          console.log(`The previous contents were moved to ${result.previousDataMovedTo}; delete it when satisfied.`);
        }
        if (result.note) console.log(`NOTE: ${result.note}`);
      }),
    );
}
