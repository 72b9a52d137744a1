// Frozen: recruitment imports, items with their analysis, extracted identifiers and analysts' relevance marks.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recruitment_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('items_imported', 'integer', (c) => c.notNull())
    .addColumn('lines_rejected', 'integer', (c) => c.notNull())
    .addColumn('errors', 'text', (c) => c.notNull())
    .addColumn('lexicon_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruitment_imports_case_idx').on('recruitment_imports').column('case_id').execute();

  await db.schema
    .createTable('recruitment_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('import_id', 'text', (c) => c.notNull().references('recruitment_imports.id'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('posted_at', 'text')
    .addColumn('source', 'text')
    .addColumn('source_position', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('flagged', 'integer', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull())
    .addColumn('relevance', 'text')
    .addColumn('marked_by', 'text')
    .addColumn('marked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruitment_items_case_score_idx')
    .on('recruitment_items')
    .columns(['case_id', 'score'])
    .execute();

  await db.schema
    .createTable('recruitment_identifiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('recruitment_items.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruitment_identifiers_case_value_idx')
    .on('recruitment_identifiers')
    .columns(['case_id', 'type', 'value'])
    .execute();
  await db.schema
    .createIndex('recruitment_identifiers_item_idx')
    .on('recruitment_identifiers')
    .column('item_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recruitment_identifiers').execute();
  await db.schema.dropTable('recruitment_items').execute();
  await db.schema.dropTable('recruitment_imports').execute();
}
