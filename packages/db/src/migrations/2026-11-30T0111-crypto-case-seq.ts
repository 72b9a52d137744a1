// Frozen: a trace's snapshot asks for the case's highest transfer seq. Without this index that is a scan of every
// index entry of the case (115 ms at 1 M transfers, over a second at 10 M); with it, one B-tree descent. Rows are
// appended in seq order, so keeping it costs an append, not a random insert. Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('crypto_transfers_case_seq_idx')
    .on('crypto_transfers')
    .columns(['case_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('crypto_transfers_case_seq_idx').execute();
}
