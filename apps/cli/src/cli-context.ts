// Opens the local database for operator commands (run on the server host), migrating it first.
import { migrateToLatest } from '@trag/db';
import { systemClock, type CoreContext } from '@trag/core/shared';
import { loadConfig } from '@trag/api/config';
import { openDatabase } from '@trag/api/main';

export async function withCoreContext<T>(fn: (ctx: CoreContext) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const database = openDatabase(config);
  try {
    await migrateToLatest(database);
    return await fn({ database, clock: systemClock, dataDir: config.dataDir });
  } finally {
    await database.destroy();
  }
}
