// Every query of the LTI registrations and launches. No HTTP, no rules.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, TrainingLtiLaunchesTable, TrainingLtiLoginsTable, TrainingLtiPlatformsTable } from '@trag/db';

export type LtiPlatformRow = Selectable<TrainingLtiPlatformsTable>;
export type LtiLaunchRow = Selectable<TrainingLtiLaunchesTable>;
export type LtiLoginRow = Selectable<TrainingLtiLoginsTable>;

type Db = Kysely<Database>;

export class LtiRepository {
  constructor(private readonly db: Db) {}

  getPlatform(id: string, trx: Db = this.db): Promise<LtiPlatformRow | undefined> {
    return trx.selectFrom('training_lti_platforms').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** By issuer, and by client id when the platform sent one (an issuer may register Trag more than once). */
  getPlatformByIssuer(issuer: string, clientId?: string, trx: Db = this.db): Promise<LtiPlatformRow | undefined> {
    let query = trx.selectFrom('training_lti_platforms').selectAll().where('issuer', '=', issuer);
    if (clientId) query = query.where('client_id', '=', clientId);
    return query.orderBy('created_at').executeTakeFirst();
  }

  listPlatforms(trx: Db = this.db): Promise<LtiPlatformRow[]> {
    return trx.selectFrom('training_lti_platforms').selectAll().orderBy('issuer').execute();
  }

  async createPlatform(row: Insertable<TrainingLtiPlatformsTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_lti_platforms').values(row).execute();
  }

  /** Removes the registration, its pending logins and its launches (their player links stop working). */
  async deletePlatform(id: string, trx: Db = this.db): Promise<void> {
    await trx.deleteFrom('training_lti_logins').where('platform_id', '=', id).execute();
    await trx.deleteFrom('training_lti_launches').where('platform_id', '=', id).execute();
    await trx.deleteFrom('training_lti_platforms').where('id', '=', id).execute();
  }

  getLaunchByTokenHash(tokenHash: string, trx: Db = this.db): Promise<LtiLaunchRow | undefined> {
    return trx.selectFrom('training_lti_launches').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  }

  async createLaunch(row: Insertable<TrainingLtiLaunchesTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_lti_launches').values(row).execute();
  }

  async updateLaunch(id: string, patch: Updateable<TrainingLtiLaunchesTable>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('training_lti_launches').set(patch).where('id', '=', id).execute();
  }

  async createLogin(row: Insertable<TrainingLtiLoginsTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_lti_logins').values(row).execute();
  }

  /** Deletes the login and returns it, in one statement: of two launches racing for a state, one gets the row. */
  takeLogin(stateHash: string, trx: Db = this.db): Promise<LtiLoginRow | undefined> {
    return trx
      .deleteFrom('training_lti_logins')
      .where('state_hash', '=', stateHash)
      .returning(['state_hash', 'nonce', 'platform_id', 'target_link_uri', 'created_at', 'expires_at'])
      .executeTakeFirst();
  }

  /** Deletes logins that expired before `now`; returns how many. */
  async pruneLogins(now: string, trx: Db = this.db): Promise<number> {
    const result = await trx.deleteFrom('training_lti_logins').where('expires_at', '<', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
