// Frozen: PostgreSQL keeps each search document's tsvector in a stored generated column with a GIN index, so a query
// does not recompute to_tsvector for every candidate row. SQLite is unchanged (FTS5 already stores its index).
// Never import application code here.
import { sql, type Kysely } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DROP INDEX IF EXISTS search_documents_fts_idx`.execute(db);
  await sql`ALTER TABLE search_documents ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, folded_title || ' ' || folded_body)) STORED`.execute(db);
  await sql`CREATE INDEX search_documents_vector_idx ON search_documents USING GIN (search_vector)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`DROP INDEX IF EXISTS search_documents_vector_idx`.execute(db);
  await sql`ALTER TABLE search_documents DROP COLUMN search_vector`.execute(db);
  await sql`CREATE INDEX search_documents_fts_idx ON search_documents
    USING GIN (to_tsvector('simple'::regconfig, folded_title || ' ' || folded_body))`.execute(db);
}
