// Frozen: crypto imports commit in chunks. An import row is written first with status 'incomplete' and records how
// far it got (records committed, transfers added, the highest transfer seq that existed before it started); a re-run
// of the same source resumes from there, and only 'complete' imports are part of a trace's data snapshot.
// Existing rows were written by the old all-in-one-transaction path, so they are complete. Never import app code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('crypto_imports')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('complete'))
    .execute();
  await db.schema
    .alterTable('crypto_imports')
    .addColumn('committed', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('crypto_imports')
    .addColumn('added', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('crypto_imports')
    .addColumn('base_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['base_seq', 'added', 'committed', 'status']) {
    await db.schema.alterTable('crypto_imports').dropColumn(column).execute();
  }
}
