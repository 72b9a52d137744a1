// Frozen: thumbnails of image evidence. A derived artefact keyed by the SHA-256 of the original it was made from
// (identical originals share one), kept in the database rather than the blob store so that the blob store holds
// originals only and every API process sees the same thumbnails. Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_thumbnails')
    .addColumn('derived_from', 'text', (c) => c.primaryKey())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    // base64: the same column type on both engines; a thumbnail is a few kilobytes.
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evidence_thumbnails').execute();
}
