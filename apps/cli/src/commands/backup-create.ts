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
        'TRAG_DATA_DIR (evidence blobs, keys) except the victim-data key vault, which is backed up on its own. On PostgreSQL, copies the files and tells you to run pg_dump for the database.',
    )
    .option('--force', 'overwrite the archive if it exists')
    .option('--key-vault-only', 'back up only the victim-data key vault (keep these copies for a short time)')
    .option('--include-key-vault', 'also put the key vault into this archive (erasures then do not reach it)')
    .action(
      action(async (file: string, options: { force?: boolean; keyVaultOnly?: boolean; includeKeyVault?: boolean }) => {
        const keyVault = options.keyVaultOnly ? 'only' : options.includeKeyVault ? 'include' : 'exclude';
        const result = await withCoreContext((ctx) => createBackup(ctx, file, { force: options.force, keyVault }));
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
