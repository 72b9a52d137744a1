// Frozen: cross-border cooperation — partner agencies (their public keys), packages sent and received (envelopes,
// receipts, quarantine), handling codes of received material, the hit/no-hit index of OPRF entries, the query log
// used for per-partner rate limits, and the nonces of signed requests (replay window).
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coop_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('signing_key', 'text', (c) => c.notNull())
    .addColumn('age_recipient', 'text', (c) => c.notNull())
    .addColumn('matching_key', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text')
    .addColumn('contact', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('revoked_at', 'text')
    .addUniqueConstraint('coop_partners_agency_fp_uq', ['agency_id', 'fingerprint'])
    .execute();

  await db.schema
    .createTable('coop_packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('package_id', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text')
    .addColumn('sender_fingerprint', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('handling_code', 'text', (c) => c.notNull())
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('file_path', 'text')
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('receipt', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('coop_packages_pkg_uq', ['agency_id', 'direction', 'package_id'])
    .execute();

  await db.schema
    .createTable('coop_material')
    .addColumn('record_id', 'text', (c) => c.primaryKey())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('package_row_id', 'text', (c) => c.notNull())
    .addColumn('handling_code', 'text', (c) => c.notNull())
    .addColumn('restrictions', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coop_material_case_idx').on('coop_material').column('case_id').execute();

  await db.schema
    .createTable('coop_index')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coop_index_pk', ['agency_id', 'entity_id'])
    .execute();
  await db.schema.createIndex('coop_index_entry_idx').on('coop_index').columns(['agency_id', 'entry']).execute();

  await db.schema
    .createTable('coop_queries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('hits', 'integer')
    .addColumn('user_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coop_queries_partner_idx')
    .on('coop_queries')
    .columns(['partner_id', 'direction', 'created_at'])
    .execute();

  await db.schema
    .createTable('coop_nonces')
    .addColumn('sender_fingerprint', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coop_nonces_pk', ['sender_fingerprint', 'nonce'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'coop_nonces',
    'coop_queries',
    'coop_index',
    'coop_material',
    'coop_packages',
    'coop_partners',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
