// Route-test support: a full app over a fresh database of the given dialect.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '@trag/db/testing';
import type { DialectName } from '@trag/db';
import { fixedClock, systemActor, type AgencyKind, type CoreContext, type Role } from '@trag/core/shared';
import { actorFromUser, AgencyService, AuthService, UserService } from '@trag/core/identity';
import type { identity } from '@trag/contracts';
import { buildApp } from './app';
import { loadConfig } from './config';

export interface TestApp {
  app: FastifyInstance;
  core: CoreContext;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(dialect: DialectName): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-test-'));
  const core: CoreContext = { database, clock: fixedClock('2026-11-30T09:00:00.000Z'), dataDir };
  const config = loadConfig({}, { dataDir, webDist: undefined, demo: false });
  const app = await buildApp({ core, config });
  await app.ready();
  return {
    app,
    core,
    database,
    async close() {
      await app.close();
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// ---- identity helpers: agencies, users, bearer headers and cookie sessions for route tests ----------------------

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A password that passes the policy, used for every test user unless the test chooses one. */
export const TEST_PASSWORD = 'Amber-lantern-river-42';

export interface TestAgencyOptions {
  country?: string;
  kind?: AgencyKind;
  name?: string;
  requireTotp?: boolean;
}

/** Creates an agency (default: a police agency in BA). */
export async function createTestAgency(t: TestApp, options: TestAgencyOptions = {}): Promise<identity.Agency> {
  return new AgencyService(t.core).create(systemActor(), {
    name: options.name ?? unique('Test agency '),
    country: options.country ?? 'BA',
    kind: options.kind ?? 'police',
    requireTotp: options.requireTotp ?? false,
  });
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  agencyId: string;
  unitId: string | null;
  role: Role;
  displayName: string;
}

export interface TestUserOptions {
  role: Role;
  /** Default: a new agency of its own. */
  agencyId?: string;
  unitId?: string;
  username?: string;
  password?: string;
  displayName?: string;
}

export async function createTestUser(t: TestApp, options: TestUserOptions): Promise<TestUser> {
  const agencyId = options.agencyId ?? (await createTestAgency(t)).id;
  const password = options.password ?? TEST_PASSWORD;
  const user = await new UserService(t.core).create(systemActor(), {
    agencyId,
    username: options.username ?? unique(`${options.role.replace('_', '-')}-`),
    displayName: options.displayName ?? `Test ${options.role}`,
    role: options.role,
    unitId: options.unitId ?? null,
    password,
  });
  return {
    id: user.id,
    username: user.username,
    password,
    agencyId,
    unitId: user.unitId,
    role: options.role,
    displayName: user.displayName,
  };
}

const tokenCache = new WeakMap<TestApp, Map<string, string>>();

/** `{ authorization: 'Bearer trag_…' }` for the user (one personal API token per user and app, created once). */
export async function authHeaders(t: TestApp, user: Pick<TestUser, 'id'>): Promise<{ authorization: string }> {
  let cache = tokenCache.get(t);
  if (!cache) tokenCache.set(t, (cache = new Map()));
  let secret = cache.get(user.id);
  if (!secret) {
    const row = await new UserService(t.core).get(systemActor(), user.id);
    const actor = actorFromUser(
      {
        id: row.id,
        username: row.username,
        display_name: row.displayName,
        agency_id: row.agencyId,
        unit_id: row.unitId,
        role: row.role,
      },
      'token',
      '127.0.0.1',
    );
    secret = (await new AuthService(t.core).createToken(actor, { name: 'route tests' })).secret;
    cache.set(user.id, secret);
  }
  return { authorization: `Bearer ${secret}` };
}

export interface TestSession {
  /** Value for the Cookie header (session + CSRF cookies). */
  cookie: string;
  csrfToken: string;
  /** Both headers, ready for app.inject: `{ cookie, 'x-csrf-token' }`. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Logs in through POST /api/auth/login, as the web UI does. */
export async function sessionLogin(
  t: TestApp,
  user: Pick<TestUser, 'username' | 'password'>,
  totpCode?: string,
): Promise<TestSession> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password, ...(totpCode ? { totpCode } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`sessionLogin failed: ${response.statusCode} ${response.body}`);
  const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  const session = cookies.trag_session;
  const csrfToken = cookies.trag_csrf;
  if (!session || !csrfToken) throw new Error('sessionLogin: the login response set no session/CSRF cookies');
  const cookie = `trag_session=${session}; trag_csrf=${csrfToken}`;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
