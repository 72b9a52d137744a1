// Frozen: training — hands-on exercises on sandbox data. An exercise is (kind, seed) inside a session: its synthetic
// material is generated again from the seed whenever needed, so no material is stored. Work rows hold each
// trainee's sandbox state (the bundle they exported, whether they verified it) and their last checked answer.
// Like all training tables these never reference cases: the sandbox has no case_id to leak through.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_exercises')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_exercises_session_idx')
    .on('training_exercises')
    .columns(['session_id'])
    .execute();

  await db.schema
    .createTable('training_exercise_work')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('exercise_id', 'text', (c) => c.notNull().references('training_exercises.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('bundle_sha256', 'text')
    .addColumn('bundle_verified', 'integer', (c) => c.notNull())
    .addColumn('submissions', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('verdict', 'text')
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_exercise_work_exercise_user_uq', ['exercise_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_exercise_work').execute();
  await db.schema.dropTable('training_exercises').execute();
}
