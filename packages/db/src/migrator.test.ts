import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from './testing';
import { migrateToLatest } from './migrator';

describeEachDialect('migrations', (dialect) => {
  it('runs a migration that arrived after later-numbered ones had already run, instead of refusing to start', async () => {
    const database = await createTestDatabase(dialect);
    try {
      // An instance updated between two changes: it has run everything except one file of the middle of the range.
      const missing = '2026-11-30T0090-training-exercises';
      const module = (await import(`./migrations/${missing}.ts`)) as { down(db: unknown): Promise<void> };
      await module.down(database.db);
      await sql`delete from kysely_migration where name = ${missing}`.execute(database.db);
      expect(await migrateToLatest(database)).toEqual([missing]);
      await sql`select count(*) from training_exercises`.execute(database.db);
    } finally {
      await database.destroy();
    }
  });
});
