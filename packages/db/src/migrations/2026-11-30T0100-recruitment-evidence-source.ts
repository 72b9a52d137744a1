// Frozen: recruitment items imported from an evidence item of the case (an HTML page or a WARC capture stored as
// evidence) keep a pointer to that evidence item, on the import and on each item; NULL for uploaded files.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('recruitment_imports')
    .addColumn('evidence_id', 'text', (c) => c.references('evidence_items.id'))
    .execute();
  await db.schema
    .alterTable('recruitment_items')
    .addColumn('evidence_id', 'text', (c) => c.references('evidence_items.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('recruitment_items').dropColumn('evidence_id').execute();
  await db.schema.alterTable('recruitment_imports').dropColumn('evidence_id').execute();
}
