// Frozen: "list my cases" reads the member cases' (id, updated_at) to sort them and picks one page. Without this index
// each of the ~1,000 member cases of a heavy user costs a read of the whole (wide) cases row; with it the sort key,
// and the optional status/type filters, come from the index alone (covering index; SQLite names it in the page query,
// PostgreSQL can use an index-only scan). Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('cases_member_list_idx')
    .on('cases')
    .columns(['id', 'updated_at', 'status', 'case_type'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_member_list_idx').execute();
}
