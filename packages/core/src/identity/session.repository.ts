import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable } from '@trag/db';

export type SessionRow = Selectable<SessionsTable>;

/** A session or token joined with what authentication needs of its user and agency, in one query. */
export interface AuthenticatedRow {
  credential_id: string;
  expires_at: string | null;
  last_seen_at: string | null;
  user_id: string;
  username: string;
  display_name: string;
  agency_id: string;
  unit_id: string | null;
  role: string;
  disabled: number;
  totp_enabled: number;
  require_totp: number;
}

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(row: Insertable<SessionsTable>, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.insertInto('sessions').values(row).execute();
  }

  async getByTokenHash(tokenHash: string, trx: Kysely<Database> = this.db): Promise<AuthenticatedRow | undefined> {
    return trx
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'sessions.id as credential_id',
        'sessions.expires_at as expires_at',
        'sessions.last_seen_at as last_seen_at',
        'users.id as user_id',
        'users.username as username',
        'users.display_name as display_name',
        'users.agency_id as agency_id',
        'users.unit_id as unit_id',
        'users.role as role',
        'users.disabled as disabled',
        'users.totp_enabled as totp_enabled',
        'agencies.require_totp as require_totp',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
  }

  async touch(id: string, lastSeenAt: string, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id', '=', id).execute();
  }

  async delete(id: string, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteByTokenHash(tokenHash: string, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteForUser(userId: string, exceptId: string | null, trx: Kysely<Database> = this.db): Promise<void> {
    let query = trx.deleteFrom('sessions').where('user_id', '=', userId);
    if (exceptId) query = query.where('id', '!=', exceptId);
    await query.execute();
  }

  async deleteExpired(now: string, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.deleteFrom('sessions').where('expires_at', '<', now).execute();
  }
}
