import type { Command } from 'commander';
import { createBackup } from '@trag/core/platform';
import { withCoreContext } from '../cli-context';
import { action } from '../output';

export function registerBackupCreate(program: Command): void {
  program
    .command('backup')
    .argument('<file>', 'archive to write (ZIP with manifest.json of SHA-256 hashes)')
    .description(
      'Write a consistent online backup: the SQLite database (safe while the server runs) and every file under ' +
        'TRAG_DATA_DIR (evidence blobs, keys). On PostgreSQL, copies the files and tells you to run pg_dump for the database.',
    )
    .option('--force', 'overwrite the archive if it exists')
    .action(
      action(async (file: string, options: { force?: boolean }) => {
        const result = await withCoreContext((ctx) => createBackup(ctx, file, { force: options.force }));
        const { manifest } = result;
        const bytes = manifest.files.reduce((n, f) => n + f.bytes, manifest.database?.bytes ?? 0);
        console.log(
          `Backup written to ${result.archivePath}: ${manifest.database ? 'database + ' : ''}` +
            `${manifest.files.length} file(s), ${bytes} bytes before compression.`,
        );
        if (result.note) console.log(`NOTE: ${result.note}`);
      }),
    );
}
