// Frozen: crypto imports, transfers, transactions, wallets, tags, cluster links and saved traces.
// Never import application code here.
import type { Kysely } from 'kysely';

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema
    .createTable('crypto_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('stats', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crypto_imports_file_idx')
    .on('crypto_imports')
    .columns(['case_id', 'kind', 'file_sha256'])
    .unique()
    .execute();

  await db.schema
    .createTable('crypto_transfers')
    .addColumn('seq', pg ? 'bigserial' : 'integer', (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('asset', 'text', (c) => c.notNull())
    .addColumn('token_contract', 'text')
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('transfer_key', 'text', (c) => c.notNull())
    .addColumn('from_node', 'text', (c) => c.notNull())
    .addColumn('to_node', 'text', (c) => c.notNull())
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('amount_value', pg ? 'double precision' : 'real', (c) => c.notNull())
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('time_ms', 'bigint', (c) => c.notNull())
    .addColumn('block_number', 'bigint')
    .addColumn('source_line', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crypto_transfers_key_idx')
    .on('crypto_transfers')
    .columns(['case_id', 'chain', 'tx_hash', 'transfer_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('crypto_transfers_from_idx')
    .on('crypto_transfers')
    .columns(['from_node', 'case_id'])
    .execute();
  await db.schema
    .createIndex('crypto_transfers_to_idx')
    .on('crypto_transfers')
    .columns(['to_node', 'case_id'])
    .execute();

  await db.schema
    .createTable('crypto_txs')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('block_number', 'bigint')
    .addColumn('time', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crypto_txs_pk', ['case_id', 'chain', 'tx_hash'])
    .execute();

  await db.schema
    .createTable('crypto_wallets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crypto_wallets_case_idx')
    .on('crypto_wallets')
    .columns(['case_id', 'address'])
    .unique()
    .execute();
  await db.schema.createIndex('crypto_wallets_address_idx').on('crypto_wallets').column('address').execute();

  await db.schema
    .createTable('crypto_tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('actor', 'text')
    .addColumn('source', 'text')
    .addColumn('confidence', 'text')
    .addColumn('is_cluster_definer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crypto_tags_unique_idx')
    .on('crypto_tags')
    .columns(['case_id', 'address', 'pack', 'label'])
    .unique()
    .execute();

  await db.schema
    .createTable('crypto_cluster_links')
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('address_a', 'text', (c) => c.notNull())
    .addColumn('address_b', 'text', (c) => c.notNull())
    .addColumn('tx_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('crypto_cluster_links_pk', ['case_id', 'address_a', 'address_b'])
    .execute();

  await db.schema
    .createTable('crypto_traces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('result_sha256', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('crypto_traces_case_idx')
    .on('crypto_traces')
    .columns(['case_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'crypto_traces',
    'crypto_cluster_links',
    'crypto_tags',
    'crypto_wallets',
    'crypto_txs',
    'crypto_transfers',
    'crypto_imports',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
