// Frozen: cases, their members, notes, tasks, entities, entity links and the search documents (with SQLite FTS5 /
// PostgreSQL GIN full-text indexes). Never import application code here.
import { sql, type Kysely } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('jurisdiction', 'text')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('incident_from', 'text')
    .addColumn('incident_to', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_point', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_agency_reference_uq')
    .on('cases')
    .columns(['agency_id', 'reference'])
    .unique()
    .execute();
  await db.schema.createIndex('cases_updated_idx').on('cases').column('updated_at').execute();

  // Per-agency, per-year counter behind the reference scheme PREFIX-YEAR-NNNN.
  await db.schema
    .createTable('case_reference_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_reference_counters_pk', ['agency_id', 'year'])
    .execute();

  // A member is a user or a whole agency unit (exactly one of user_id / unit_id), with a case role.
  await db.schema
    .createTable('case_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('unit_id', 'text', (c) => c.references('agency_units.id'))
    .addColumn('case_role', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addCheckConstraint('case_members_one_subject', sql`(user_id IS NULL) <> (unit_id IS NULL)`)
    .execute();
  await db.schema
    .createIndex('case_members_case_user_uq')
    .on('case_members')
    .columns(['case_id', 'user_id'])
    .unique()
    .where(sql.ref('user_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('case_members_case_unit_uq')
    .on('case_members')
    .columns(['case_id', 'unit_id'])
    .unique()
    .where(sql.ref('unit_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('case_members_user_idx').on('case_members').columns(['user_id', 'case_id']).execute();
  await db.schema.createIndex('case_members_unit_idx').on('case_members').columns(['unit_id', 'case_id']).execute();

  await db.schema
    .createTable('case_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_notes_case_idx').on('case_notes').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema.createIndex('case_tasks_case_idx').on('case_tasks').columns(['case_id', 'status']).execute();
  await db.schema.createIndex('case_tasks_owner_idx').on('case_tasks').columns(['owner_user_id', 'status']).execute();

  await db.schema
    .createTable('entities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('identifier_key', 'text')
    .addColumn('identifier_display', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entities_case_idx').on('entities').columns(['case_id', 'entity_type']).execute();
  // One entity per identifier per case (idempotent adds); the second index finds the same identifier elsewhere (hits).
  await db.schema
    .createIndex('entities_case_key_uq')
    .on('entities')
    .columns(['case_id', 'entity_type', 'identifier_key'])
    .unique()
    .where(sql.ref('identifier_key'), 'is not', null)
    .execute();
  await db.schema.createIndex('entities_key_idx').on('entities').columns(['entity_type', 'identifier_key']).execute();

  await db.schema
    .createTable('entity_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('from_entity_id', 'text', (c) => c.notNull().references('entities.id'))
    .addColumn('to_entity_id', 'text', (c) => c.notNull().references('entities.id'))
    .addColumn('link_type', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entity_links_case_idx').on('entity_links').column('case_id').execute();
  await db.schema.createIndex('entity_links_from_idx').on('entity_links').column('from_entity_id').execute();
  await db.schema.createIndex('entity_links_to_idx').on('entity_links').column('to_entity_id').execute();

  // Search documents: folded, pre-tokenised text (words separated by single spaces) so both engines see the
  // same words. `title` is the original, shown in results.
  await db.schema
    .createTable('search_documents')
    .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('folded_title', 'text', (c) => c.notNull())
    .addColumn('folded_body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_documents_record_uq')
    .on('search_documents')
    .columns(['record_type', 'record_id'])
    .unique()
    .execute();
  await db.schema.createIndex('search_documents_case_idx').on('search_documents').column('case_id').execute();

  if (pg) {
    await sql`CREATE INDEX search_documents_fts_idx ON search_documents
      USING GIN (to_tsvector('simple'::regconfig, folded_title || ' ' || folded_body))`.execute(db);
  } else {
    // External-content FTS5 index kept in step by triggers, so it changes in the same transaction as the row.
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(folded_title, folded_body,
      content='search_documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
      INSERT INTO search_fts(rowid, folded_title, folded_body) VALUES (new.seq, new.folded_title, new.folded_body);
    END`.execute(db);
    await sql`CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, folded_title, folded_body)
        VALUES ('delete', old.seq, old.folded_title, old.folded_body);
    END`.execute(db);
    await sql`CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
      INSERT INTO search_fts(search_fts, rowid, folded_title, folded_body)
        VALUES ('delete', old.seq, old.folded_title, old.folded_body);
      INSERT INTO search_fts(rowid, folded_title, folded_body) VALUES (new.seq, new.folded_title, new.folded_body);
    END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS search_documents_au`.execute(db);
    await sql`DROP TRIGGER IF EXISTS search_documents_ad`.execute(db);
    await sql`DROP TRIGGER IF EXISTS search_documents_ai`.execute(db);
    await sql`DROP TABLE IF EXISTS search_fts`.execute(db);
  }
  await db.schema.dropTable('search_documents').execute();
  await db.schema.dropTable('entity_links').execute();
  await db.schema.dropTable('entities').execute();
  await db.schema.dropTable('case_tasks').execute();
  await db.schema.dropTable('case_notes').execute();
  await db.schema.dropTable('case_members').execute();
  await db.schema.dropTable('case_reference_counters').execute();
  await db.schema.dropTable('cases').execute();
}
