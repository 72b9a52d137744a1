// Frozen: victim records (pseudonymous code, non-identifying classification, sealed field groups), access log,
// screenings, interview plans, consents, referrals, statistics releases. Protected content is stored only as
// AES-256-GCM boxes; the data keys live in a separate vault file, never in this database.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('victim_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('data_key_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_body', 'text')
    .addColumn('status_date', 'text')
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('is_child', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('exploitation_types', 'text', (c) => c.notNull())
    .addColumn('recruitment_method', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('registration_year', 'integer', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .addColumn('erased_by', 'text')
    .addColumn('erasure_reason', 'text')
    .addUniqueConstraint('victim_records_agency_code_uq', ['agency_id', 'code'])
    .execute();
  await db.schema.createIndex('victim_records_case_idx').on('victim_records').column('case_id').execute();
  await db.schema
    .createIndex('victim_records_stats_idx')
    .on('victim_records')
    .columns(['registration_year', 'erased_at'])
    .execute();

  await db.schema
    .createTable('victim_field_groups')
    .addColumn('record_id', 'text', (c) => c.notNull().references('victim_records.id'))
    .addColumn('field_group', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('victim_field_groups_pk', ['record_id', 'field_group'])
    .execute();

  await db.schema
    .createTable('victim_code_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('victim_code_counters_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('victim_access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('field_groups', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema
    .createIndex('victim_access_log_record_idx')
    .on('victim_access_log')
    .columns(['record_id', 'at'])
    .execute();

  await db.schema
    .createTable('victim_screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('victim_records.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version', 'integer', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('victim_screenings_record_idx').on('victim_screenings').column('record_id').execute();

  await db.schema
    .createTable('victim_interview_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('victim_records.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('planned_for', 'text', (c) => c.notNull())
    .addColumn('checklist', 'text', (c) => c.notNull())
    .addColumn('complete', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('victim_interview_plans_record_idx')
    .on('victim_interview_plans')
    .column('record_id')
    .execute();

  await db.schema
    .createTable('victim_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('victim_records.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('interpreter_used', 'integer', (c) => c.notNull())
    .addColumn('recorded_how', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('victim_consents_record_idx')
    .on('victim_consents')
    .columns(['record_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('victim_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('victim_records.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('provider_name', 'text', (c) => c.notNull())
    .addColumn('provider_agency_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('consent_id', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('shared_groups', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('victim_referrals_record_idx').on('victim_referrals').column('record_id').execute();
  await db.schema
    .createIndex('victim_referrals_open_idx')
    .on('victim_referrals')
    .columns(['state', 'created_at'])
    .execute();

  await db.schema
    .createTable('victim_referral_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('referral_id', 'text', (c) => c.notNull().references('victim_referrals.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note_sealed', 'text')
    .execute();
  await db.schema
    .createIndex('victim_referral_events_ref_idx')
    .on('victim_referral_events')
    .column('referral_id')
    .execute();

  await db.schema
    .createTable('victim_stat_releases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('victim_stat_releases_uq', ['scope', 'year', 'k'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'victim_stat_releases',
    'victim_referral_events',
    'victim_referrals',
    'victim_consents',
    'victim_interview_plans',
    'victim_screenings',
    'victim_access_log',
    'victim_code_counters',
    'victim_field_groups',
    'victim_records',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
