// Frozen: each recruitment item keeps the MinHash signature its import computed (base64 of 96 little-endian
// 32-bit values; '' for an item too short to compare; null for items imported before this migration), so the
// template view groups a case's items from stored signatures instead of re-reading and re-folding every text.
// The items' list order (score, then import order) gets an index of its own: with only (case_id, score), listing a
// case of 100,000 items sorted every tie (most items of a flood share a score) on each page.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('recruitment_items').addColumn('minhash', 'text').execute();
  await db.schema
    .createIndex('recruitment_items_case_order_idx')
    .on('recruitment_items')
    .columns(['case_id', 'score desc', 'created_at', 'id'])
    .execute();
  await db.schema.dropIndex('recruitment_items_case_score_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('recruitment_items_case_score_idx')
    .on('recruitment_items')
    .columns(['case_id', 'score'])
    .execute();
  await db.schema.dropIndex('recruitment_items_case_order_idx').execute();
  await db.schema.alterTable('recruitment_items').dropColumn('minhash').execute();
}
