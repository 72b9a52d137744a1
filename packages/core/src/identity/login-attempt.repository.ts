import type { Kysely } from 'kysely';
import type { Database } from '@trag/db';

export class LoginAttemptRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(
    row: { id: string; at: string; ip: string | null; username: string; success: boolean },
    trx: Kysely<Database> = this.db,
  ): Promise<void> {
    await trx
      .insertInto('login_attempts')
      .values({ ...row, success: row.success ? 1 : 0 })
      .execute();
  }

  async countFailuresByIp(ip: string, since: string, trx: Kysely<Database> = this.db): Promise<number> {
    const row = await trx
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', ip)
      .where('at', '>=', since)
      .where('success', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countFailuresByUsername(username: string, since: string, trx: Kysely<Database> = this.db): Promise<number> {
    const row = await trx
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('username', '=', username)
      .where('at', '>=', since)
      .where('success', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Old attempts are useless for any window; keep the table small. */
  async deleteOlderThan(before: string, trx: Kysely<Database> = this.db): Promise<void> {
    await trx.deleteFrom('login_attempts').where('at', '<', before).execute();
  }
}
