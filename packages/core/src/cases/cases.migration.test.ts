import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '@trag/db';
import { createTestDatabase, describeEachDialect } from '@trag/db/testing';

describeEachDialect('cases migration', (dialect) => {
  it('migrates up from an empty database and the full-text index follows the documents', async () => {
    const database = await createTestDatabase(dialect, { migrate: false });
    try {
      const applied = await migrateToLatest(database);
      expect(applied).toEqual(expect.arrayContaining(['2026-11-30T0004-cases', '2026-11-30T0005-cases-search-vector']));
      for (const table of [
        'cases',
        'case_members',
        'case_notes',
        'case_tasks',
        'entities',
        'entity_links',
        'search_documents',
      ] as const) {
        await expect(database.db.selectFrom(table).selectAll().execute()).resolves.toEqual([]);
      }
      await database.db
        .insertInto('search_documents')
        .values({
          record_type: 'case',
          record_id: 'r1',
          case_id: 'c1',
          title: 'Посао',
          folded_title: 'posao',
          folded_body: 'njemacka',
          updated_at: '2026-11-30T00:00:00Z',
        })
        .execute();
      const match =
        dialect === 'sqlite'
          ? sql<{ n: number }>`select count(*) as n from search_fts where search_fts match '"njemacka"'`
          : sql<{ n: number }>`select count(*) as n from search_documents
              where search_vector @@ to_tsquery('simple', 'njemacka')`;
      expect(Number((await match.execute(database.db)).rows[0]?.n)).toBe(1);
      await database.db.deleteFrom('search_documents').execute();
      expect(Number((await match.execute(database.db)).rows[0]?.n)).toBe(0);
    } finally {
      await database.destroy();
    }
  });
});
