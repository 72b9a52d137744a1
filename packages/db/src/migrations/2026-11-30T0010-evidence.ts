// Frozen: evidence items, their custody ledgers (append-only), exhibit counters, signing keys, chat messages and
// exports. Never import application code here.
import { sql, type Kysely } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('exhibit_number', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('evidence_items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('legal_basis', 'text')
    .addColumn('location', 'text')
    .addColumn('device', 'text')
    .addColumn('collected_by', 'text', (c) => c.notNull())
    .addColumn('collected_by_name', 'text', (c) => c.notNull())
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('import_format', 'text')
    .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('ledger_head_seq', 'integer', (c) => c.notNull())
    .addColumn('ledger_head_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_items_case_idx')
    .on('evidence_items')
    .columns(['case_id', 'created_at'])
    .execute();
  await db.schema.createIndex('evidence_items_sha_idx').on('evidence_items').column('sha256').execute();
  await db.schema.createIndex('evidence_items_parent_idx').on('evidence_items').column('parent_id').execute();
  await db.schema
    .createIndex('evidence_items_exhibit_uq')
    .on('evidence_items')
    .columns(['agency_id', 'exhibit_number'])
    .unique()
    .execute();

  await db.schema
    .createTable('evidence_custody')
    .addColumn('item_id', 'text', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'text')
    .addPrimaryKeyConstraint('evidence_custody_pk', ['item_id', 'seq'])
    .execute();

  await db.schema
    .createTable('evidence_exhibit_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_exhibit_counters_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('evidence_signing_keys')
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('evidence_messages')
    .addColumn('item_id', 'text', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('author_id', 'text')
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('time_basis', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('forwarded_from', 'text')
    .addColumn('edited', 'text')
    .addPrimaryKeyConstraint('evidence_messages_pk', ['item_id', 'idx'])
    .execute();

  await db.schema
    .createTable('evidence_exports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('item_ids', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_exports_case_idx').on('evidence_exports').column('case_id').execute();

  // Custody entries are append-only at the engine level too.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION evidence_custody_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'evidence_custody is append-only'; END; $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER evidence_custody_no_change BEFORE UPDATE OR DELETE ON evidence_custody
      FOR EACH ROW EXECUTE FUNCTION evidence_custody_append_only()`.execute(db);
  } else {
    await sql`CREATE TRIGGER evidence_custody_no_update BEFORE UPDATE ON evidence_custody
      BEGIN SELECT RAISE(ABORT, 'evidence_custody is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER evidence_custody_no_delete BEFORE DELETE ON evidence_custody
      BEGIN SELECT RAISE(ABORT, 'evidence_custody is append-only'); END`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`DROP TRIGGER IF EXISTS evidence_custody_no_change ON evidence_custody`.execute(db);
    await sql`DROP FUNCTION IF EXISTS evidence_custody_append_only()`.execute(db);
  }
  await db.schema.dropTable('evidence_exports').execute();
  await db.schema.dropTable('evidence_messages').execute();
  await db.schema.dropTable('evidence_signing_keys').execute();
  await db.schema.dropTable('evidence_exhibit_counters').execute();
  await db.schema.dropTable('evidence_custody').execute();
  await db.schema.dropTable('evidence_items').execute();
}
