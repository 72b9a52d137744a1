import type { Command } from 'commander';
import { migrateToLatest } from '@trag/db';
import { loadConfig } from '@trag/api/config';
import { openDatabase } from '@trag/api/main';
import { action } from '../output';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (SQLite in TRAG_DATA_DIR, or DATABASE_URL).')
    .action(
      action(async () => {
        const database = openDatabase(loadConfig(process.env));
        try {
          const applied = await migrateToLatest(database);
          console.log(
            applied.length
              ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
              : 'Database is up to date.',
          );
        } finally {
          await database.destroy();
        }
      }),
    );
}
