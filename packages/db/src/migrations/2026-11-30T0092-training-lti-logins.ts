// Frozen: training — pending LTI 1.3 OIDC logins (between the login initiation and the launch that answers it), in
// the database so that any API process behind a load balancer can take the launch. One row per login: the SHA-256 of
// the state (the state itself travels only through the LMS), the nonce the id_token must carry, the registration
// and the target link the login named. A row is deleted when a launch takes it (once) and pruned after it expires.
// Never import application code here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_lti_logins')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('platform_id', 'text', (c) => c.notNull().references('training_lti_platforms.id'))
    .addColumn('target_link_uri', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('training_lti_logins_expires_idx')
    .on('training_lti_logins')
    .columns(['expires_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_lti_logins').execute();
}
