import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ApiTokensTable, Database } from '@trag/db';
import type { AuthenticatedRow } from './session.repository';

export type ApiTokenRow = Selectable<ApiTokensTable>;

const COLUMNS = [
  'id',
  'user_id',
  'name',
  'token_prefix',
  'token_hash',
  'created_at',
  'last_used_at',
  'expires_at',
  'revoked_at',
] as const;

export class ApiTokenRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(row: Insertable<ApiTokensTable>, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.insertInto('api_tokens').values(row).execute();
  }

  async get(id: string, trx: Kysely<Database> = this.db): Promise<ApiTokenRow | undefined> {
    return trx.selectFrom('api_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  async listForUser(userId: string, trx: Kysely<Database> = this.db): Promise<ApiTokenRow[]> {
    return trx
      .selectFrom('api_tokens')
      .select(COLUMNS)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async getActiveByHash(tokenHash: string, trx: Kysely<Database> = this.db): Promise<AuthenticatedRow | undefined> {
    return trx
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .innerJoin('agencies', 'agencies.id', 'users.agency_id')
      .select([
        'api_tokens.id as credential_id',
        'api_tokens.expires_at as expires_at',
        'api_tokens.last_used_at as last_seen_at',
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
      .where('api_tokens.token_hash', '=', tokenHash)
      .where('api_tokens.revoked_at', 'is', null)
      .executeTakeFirst();
  }

  async touch(id: string, at: string, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revoke(id: string, at: string, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
  }
}
