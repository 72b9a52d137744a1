import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { ROLES, systemClock, type CoreContext } from '../shared';
import { AuthService } from './auth.service';
import { loadIdentityDemo } from './identity.demo';

describeEachDialect('identity demo', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = { database, clock: systemClock, dataDir: '/nonexistent' };
  });
  afterEach(async () => database.destroy());

  it('creates marked agencies in BA, ME, MK and RS and one account per role that can log in', async () => {
    const demo = await loadIdentityDemo(ctx);
    expect(new Set(demo.agencies.map((a) => a.country))).toEqual(new Set(['BA', 'ME', 'MK', 'RS']));
    expect(demo.agencies.every((a) => a.name.startsWith('DEMO '))).toBe(true);
    expect(demo.accounts.map((a) => a.role).sort()).toEqual([...ROLES].sort());
    const auth = new AuthService(ctx);
    for (const account of demo.accounts) {
      const result = await auth.login({ username: account.username, password: account.password, ip: null });
      expect(result.user.role).toBe(account.role);
    }
  });
});
