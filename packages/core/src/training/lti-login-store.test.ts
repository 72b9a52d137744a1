// Pending LTI logins in the database, on both engines: taken once, refused when expired, pruned, shared between
// connections (two API processes), and handed to only one of two launches racing for the same state.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDatabase, type TragDatabase } from '@trag/db';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { fixedClock } from '../shared/clock';
import { LOGIN_TTL_MS, LtiLoginDatabaseStore } from './lti-login-store';
import { LtiRepository } from './lti.repository';

describeEachDialect('LTI pending logins in the database', (dialect) => {
  let database: TestDatabase;
  let second: TragDatabase;
  const clock = fixedClock('2026-11-30T09:00:00.000Z');
  let store: LtiLoginDatabaseStore;
  const login = (n: number) => ({
    nonce: `nonce-${n}`,
    platformId: 'reg-1',
    targetLinkUri: 'https://trag.example.org/training',
  });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // On PostgreSQL a second pool stands for a second API process; SQLite in memory has one connection to share.
    second = database.url ? createDatabase({ databaseUrl: database.url, poolSize: 2 }) : database;
    store = new LtiLoginDatabaseStore({ database, clock });
    await new LtiRepository(database.db).createPlatform({
      id: 'reg-1',
      issuer: 'https://moodle.example.edu',
      client_id: 'trag-client',
      deployment_ids: '["dep-1"]',
      authorization_endpoint: 'https://moodle.example.edu/auth',
      token_endpoint: 'https://moodle.example.edu/token',
      jwks_url: 'https://moodle.example.edu/jwks',
      agency_id: 'agency-1',
      created_by: 'admin-1',
      created_at: '2026-11-30T08:00:00.000Z',
    });
  });
  afterAll(async () => {
    if (second !== database) await second.destroy();
    await database.destroy();
  });

  const rows = () => database.db.selectFrom('training_lti_logins').selectAll().execute();

  it('keeps only the hash of the state and hands the login out once, to any process', async () => {
    await store.save('state-one-0000000000000000', login(1));
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain('state-one');
    expect(stored[0]).toMatchObject({ nonce: 'nonce-1', platform_id: 'reg-1', expires_at: '2026-11-30T09:05:00.000Z' });

    const elsewhere = new LtiLoginDatabaseStore({ database: second, clock });
    expect(await elsewhere.take('state-one-0000000000000000')).toEqual(login(1));
    expect(await store.take('state-one-0000000000000000')).toBeNull();
    expect(await elsewhere.take('state-one-0000000000000000')).toBeNull();
    expect(await store.take('never-issued')).toBeNull();
    expect(await rows()).toHaveLength(0);
  });

  it('gives a state to only one of two launches racing for it', async () => {
    const other = new LtiLoginDatabaseStore({ database: second, clock });
    for (let i = 0; i < 10; i++) {
      await store.save(`race-${i}-000000000000000000`, login(i));
      const results = await Promise.all([
        store.take(`race-${i}-000000000000000000`),
        other.take(`race-${i}-000000000000000000`),
      ]);
      expect(results.filter((r) => r !== null)).toEqual([login(i)]);
    }
  });

  it('refuses an expired login (and deletes it) and prunes expired logins when a new one is saved', async () => {
    await store.save('old-a-00000000000000000000', login(2));
    await store.save('old-b-00000000000000000000', login(3));
    clock.advance(LOGIN_TTL_MS + 1);
    expect(await store.take('old-a-00000000000000000000')).toBeNull();
    expect((await rows()).map((r) => r.nonce)).toEqual(['nonce-3']);
    await store.save('fresh-000000000000000000000', login(4));
    expect((await rows()).map((r) => r.nonce)).toEqual(['nonce-4']);
    clock.advance(LOGIN_TTL_MS - 1);
    expect(await store.take('fresh-000000000000000000000')).toEqual(login(4));
  });

  it('drops the pending logins of a registration that is removed', async () => {
    await store.save('gone-0000000000000000000000', login(5));
    await new LtiRepository(database.db).deletePlatform('reg-1');
    expect(await rows()).toHaveLength(0);
  });
});
