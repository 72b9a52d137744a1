import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, UsersTable } from '@trag/db';

export type UserRow = Selectable<UsersTable>;

const USER_COLUMNS = [
  'id',
  'agency_id',
  'unit_id',
  'username',
  'display_name',
  'email',
  'role',
  'password_hash',
  'locale',
  'disabled',
  'totp_secret',
  'totp_enabled',
  'totp_last_step',
  'failed_logins',
  'locked_until',
  'created_at',
  'updated_at',
] as const;

export interface DirectoryRow {
  id: string;
  display_name: string;
  role: string;
  agency_id: string;
  agency_name: string;
  agency_country: string;
}

export class UserRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(id: string, trx: Kysely<Database> = this.db): Promise<UserRow | undefined> {
    return trx.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** Usernames are stored lower-cased, so this lookup is exact. */
  async getByUsername(username: string, trx: Kysely<Database> = this.db): Promise<UserRow | undefined> {
    return trx.selectFrom('users').select(USER_COLUMNS).where('username', '=', username).executeTakeFirst();
  }

  async list(filter: { agencyId?: string | undefined }, trx: Kysely<Database> = this.db): Promise<UserRow[]> {
    let query = trx.selectFrom('users').select(USER_COLUMNS);
    if (filter.agencyId) query = query.where('agency_id', '=', filter.agencyId);
    return query.orderBy('username').execute();
  }

  /** Active users for the cross-agency directory; matches display name or username, case-insensitively. */
  async directory(q: string | undefined, limit: number, trx: Kysely<Database> = this.db): Promise<DirectoryRow[]> {
    let query = trx
      .selectFrom('users')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'users.id as id',
        'users.display_name as display_name',
        'users.role as role',
        'agencies.id as agency_id',
        'agencies.name as agency_name',
        'agencies.country as agency_country',
      ])
      .where('users.disabled', '=', 0);
    if (q) {
      const pattern = `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(
        sql<boolean>`(lower(users.display_name) like ${pattern} escape '\\' or users.username like ${pattern} escape '\\')`,
      );
    }
    return query.orderBy('users.display_name').limit(limit).execute();
  }

  async create(row: Insertable<UsersTable>, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.insertInto('users').values(row).execute();
  }

  /** Adds one failed login atomically (several API processes may count at once) and returns the new count. */
  async incrementFailedLogins(id: string, trx: Kysely<Database> = this.db): Promise<number> {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', id)
      .returning('failed_logins')
      .executeTakeFirst();
    return Number(row?.failed_logins ?? 0);
  }

  async update(id: string, changes: Updateable<UsersTable>, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.updateTable('users').set(changes).where('id', '=', id).execute();
  }
}
