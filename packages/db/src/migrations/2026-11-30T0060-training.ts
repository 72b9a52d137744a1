// Frozen: training — scenarios (versioned ink sources per language, draft or published), sessions (a trainer's group
// run, joined with a short code), participants, attempts (server-side ink state and decisions) and xAPI statements.
// Training data never references cases: nothing here has a case_id.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_scenarios')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('child', 'integer', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('compiled', 'text')
    .addColumn('check_result', 'text')
    .addColumn('based_on', 'text')
    .addColumn('shipped', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('agency_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addUniqueConstraint('training_scenarios_slug_version_uq', ['slug', 'version'])
    .execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('scenario_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('released_step', 'integer')
    .addColumn('trainer_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();

  await db.schema
    .createTable('training_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('actor_key', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_participants_session_user_uq', ['session_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('training_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scenario_id', 'text', (c) => c.notNull().references('training_scenarios.id'))
    .addColumn('session_id', 'text')
    .addColumn('participant_id', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ink_state', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('current_knot', 'text')
    .addColumn('last_text', 'text', (c) => c.notNull())
    .addColumn('score', 'text')
    .addColumn('critical', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .execute();
  await db.schema
    .createIndex('training_attempts_session_idx')
    .on('training_attempts')
    .columns(['session_id'])
    .execute();
  await db.schema.createIndex('training_attempts_user_idx').on('training_attempts').columns(['user_id']).execute();

  await db.schema
    .createTable('training_xapi_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('attempt_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('verb', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('stored_at', 'text', (c) => c.notNull())
    .addColumn('forwarded_at', 'text')
    .execute();
  await db.schema
    .createIndex('training_xapi_attempt_idx')
    .on('training_xapi_statements')
    .columns(['attempt_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_xapi_statements').execute();
  await db.schema.dropTable('training_attempts').execute();
  await db.schema.dropTable('training_participants').execute();
  await db.schema.dropTable('training_sessions').execute();
  await db.schema.dropTable('training_scenarios').execute();
}
