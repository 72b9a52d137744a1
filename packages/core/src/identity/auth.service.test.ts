import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { fixedClock, systemActor, type CoreContext } from '../shared';
import { AgencyService } from './agency.service';
import { AuthService } from './auth.service';
import { AUTH_SETTINGS } from './auth-settings';
import { UserService } from './user.service';

const PASSWORD = 'Amber-lantern-river-42';

describeEachDialect('identity store', (dialect) => {
  let database: TestDatabase;
  let clock: ReturnType<typeof fixedClock>;
  let ctx: CoreContext;
  let auth: AuthService;
  let agencyId: string;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    clock = fixedClock('2026-11-30T10:00:00Z');
    ctx = { database, clock, dataDir: '/nonexistent' };
    auth = new AuthService(ctx);
    agencyId = (
      await new AgencyService(ctx).create(systemActor(), { name: 'Test police', country: 'RS', kind: 'police' })
    ).id;
    await new UserService(ctx).create(systemActor(), {
      agencyId,
      username: 'Milica',
      displayName: 'Milica Test',
      role: 'investigator',
      password: PASSWORD,
    });
  });
  afterEach(async () => database.destroy());

  const login = (username: string, password: string, ip = '10.0.0.1') => auth.login({ username, password, ip });

  it('stores only hashes: the session token and the password are nowhere in the database', async () => {
    const result = await login('milica', PASSWORD);
    const user = await database.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const sessions = await database.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(sessions)).not.toContain(result.sessionToken);
    expect((await auth.authenticateSession(result.sessionToken, null)).status).toBe('ok');
  });

  it('ends a session after its maximum age even when it is used all the time', async () => {
    const { sessionToken } = await login('milica', PASSWORD);
    for (let elapsed = 0; elapsed < AUTH_SETTINGS.sessionMaxAgeMs; elapsed += 30 * 60 * 1000) {
      clock.advance(30 * 60 * 1000);
      const status = (await auth.authenticateSession(sessionToken, null)).status;
      if (elapsed + 30 * 60 * 1000 >= AUTH_SETTINGS.sessionMaxAgeMs) expect(status).toBe('expired');
      else expect(status).toBe('ok');
    }
  });

  it('shares sessions between two service instances (two API processes)', async () => {
    const { sessionToken } = await login('milica', PASSWORD);
    const other = new AuthService({ ...ctx });
    expect((await other.authenticateSession(sessionToken, null)).status).toBe('ok');
  });

  it('refuses further attempts from an IP address after too many failures, whatever the username', async () => {
    for (let i = 0; i < AUTH_SETTINGS.maxFailuresPerIp; i++) {
      await expect(login(`someone${i}`, 'Wrong-password-x1', '10.9.9.9')).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
    }
    await expect(login('milica', PASSWORD, '10.9.9.9')).rejects.toMatchObject({ code: 'login_rate_limited' });
    await expect(login('milica', PASSWORD, '10.9.9.9')).rejects.toMatchObject({ code: 'login_rate_limited' });
    // Audited once, when the limit was reached, not once per refused request.
    const limited = await database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.login_rate_limited')
      .execute();
    expect(limited).toHaveLength(1);
    expect(limited[0]!.details).toContain('10.9.9.9');
    await expect(login('milica', PASSWORD, '10.0.0.2')).resolves.toBeDefined();
  });

  it('locks unknown usernames like real ones, so a lockout does not reveal which accounts exist', async () => {
    for (let i = 0; i < AUTH_SETTINGS.maxFailuresPerAccount; i++) {
      await expect(login('ghost', 'Wrong-password-x1', `10.1.0.${i}`)).rejects.toMatchObject({
        code: 'invalid_credentials',
      });
    }
    await expect(login('ghost', 'Wrong-password-x1')).rejects.toMatchObject({ code: 'account_locked' });
  });

  it('counts failures that arrive at the same time (several API processes) without losing any', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: AUTH_SETTINGS.maxFailuresPerAccount }, (_, i) =>
        new AuthService({ ...ctx }).login({ username: 'milica', password: `Wrong-password-${i}`, ip: `10.2.0.${i}` }),
      ),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    await expect(login('milica', PASSWORD)).rejects.toMatchObject({ code: 'account_locked' });
  });

  it('unlocks the account when the lockout time has passed', async () => {
    for (let i = 0; i < AUTH_SETTINGS.maxFailuresPerAccount; i++) {
      await expect(login('milica', 'Wrong-password-x1')).rejects.toMatchObject({ code: 'invalid_credentials' });
    }
    await expect(login('milica', PASSWORD)).rejects.toMatchObject({ code: 'account_locked' });
    clock.advance(AUTH_SETTINGS.lockoutMs + 1000);
    await expect(login('milica', PASSWORD)).resolves.toBeDefined();
  });

  it('rejects an expired API token', async () => {
    const actor = (await auth.authenticateSession((await login('milica', PASSWORD)).sessionToken, null)) as {
      actor: Parameters<AuthService['createToken']>[0];
    };
    const { secret } = await auth.createToken(actor.actor, { name: 'short', expiresInDays: 1 });
    expect((await auth.authenticateToken(secret, null)).status).toBe('ok');
    clock.advance(25 * 60 * 60 * 1000);
    expect((await auth.authenticateToken(secret, null)).status).toBe('expired');
  });

  it('lists users of an agency and finds them in the directory by display name, ignoring case', async () => {
    const users = new UserService(ctx);
    expect((await users.list(systemActor(), { agencyId })).map((u) => u.username)).toEqual(['milica']);
    const found = await users.directory(systemActor(), 'MILICA');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ displayName: 'Milica Test', agency: { country: 'RS' } });
    expect(await users.directory(systemActor(), '_')).toEqual([]);
  });
});
