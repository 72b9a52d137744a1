// Frozen: training — LTI 1.3 platform registrations (an LMS such as Moodle that launches Trag) and launches (one per
// resource-link launch: the pseudonymous LMS user, the attempt it plays, where its grade goes). Launches hold only the
// LMS's opaque user id (sub), never a name or e-mail, and no case data. Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_lti_platforms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('deployment_ids', 'text', (c) => c.notNull())
    .addColumn('authorization_endpoint', 'text', (c) => c.notNull())
    .addColumn('token_endpoint', 'text', (c) => c.notNull())
    .addColumn('jwks_url', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('training_lti_platforms_issuer_client_uq', ['issuer', 'client_id'])
    .execute();

  await db.schema
    .createTable('training_lti_launches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('training_lti_platforms.id'))
    .addColumn('lti_user_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('attempt_id', 'text', (c) => c.notNull())
    .addColumn('line_item', 'text')
    .addColumn('can_score', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('score_sent_at', 'text')
    .addColumn('score_error', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_lti_launches').execute();
  await db.schema.dropTable('training_lti_platforms').execute();
}
