// Frozen: hit/no-hit index entries carry the protocol they were computed with. Rows made before this migration were
// computed with trag-hit-v1 (RFC 9497 VOPRF over ristretto255); the application drops and recomputes every row whose
// protocol is not the current one, so an index is never served with entries of two versions.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('coop_index')
    .addColumn('protocol', 'text', (c) => c.notNull().defaultTo('trag-hit-v1'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('coop_index').dropColumn('protocol').execute();
}
