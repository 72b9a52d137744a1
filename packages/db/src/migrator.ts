import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import type { TragDatabase } from './database';

const migrationFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// Reads every migration file of the folder. The import happens in our own module (not inside Kysely) so that
// tsx and Vitest both load the TypeScript sources; the relative template literal lets esbuild bundle every file of
// the folder into the compiled server (scripts/build-server.mjs).
const folderMigrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    const names = (await fs.readdir(migrationFolder))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -'.ts'.length))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const name of names) {
      migrations[name] = (await import(`./migrations/${name}.ts`)) as Migration;
    }
    return migrations;
  },
};

export function createMigrator(database: TragDatabase): Migrator {
  return new Migrator({
    db: database.db,
    provider: folderMigrationProvider,
    // Dated names sort in order and a fresh database runs them in that order. Each domain adds its own files in its
    // own number range, so a file can land after a later-numbered one has already run on an existing database (an
    // instance updated between two changes); it then runs on the next start instead of stopping the server.
    allowUnorderedMigrations: true,
  });
}

export class MigrationError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    override readonly cause: unknown,
  ) {
    super(
      `Database migration ${migrationName ?? ''} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/** Runs every pending migration; throws MigrationError naming the one that failed. */
export async function migrateToLatest(database: TragDatabase): Promise<string[]> {
  const result: MigrationResultSet = await createMigrator(database).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
