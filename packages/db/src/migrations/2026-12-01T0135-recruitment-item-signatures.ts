// Frozen: each recruitment item keeps the MinHash signature its import computed (base64 of 96 little-endian
// 32-bit values; '' for an item too short to compare; null for items imported before this migration), so the
// template view groups a case's items from stored signatures instead of re-reading and re-folding every text.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('recruitment_items').addColumn('minhash', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('recruitment_items').dropColumn('minhash').execute();
}
