// The authorisation matrix: every /api route of the app × every role × (for case-scoped routes) lead, member and
// non-member of a case, against the expectations in ./access/<domain>.access.ts (format: ./access/access-table.ts).
//
// To add your domain: create apps/api/test/access/<domain>.access.ts default-exporting an AccessTable with one
// entry per route you register. Nothing else to edit: this test loads every *.access.ts. A route registered by the
// app without an entry FAILS the suite ("routes without an access entry"), and so does an entry whose route no
// longer exists.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { InjectOptions } from 'fastify';
import { describeEachDialect } from '@trag/db/testing';
import { CaseService, EntityService } from '@trag/core/cases';
import type { Actor } from '@trag/core/shared';
import {
  authHeaders,
  createTestAgency,
  createTestApp,
  createTestUser,
  type TestApp,
  type TestUser,
} from '../src/testing';
import {
  ALL_ROLES,
  type AccessEntry,
  type AccessFixture,
  type AccessRule,
  type AccessTable,
  type CaseFixture,
  type Membership,
} from './access/access-table';

// Every route the app registers, collected by an onRoute hook added to each Fastify instance at creation.
const registered = vi.hoisted(() => new Set<string>());
vi.mock('fastify', async (importOriginal) => {
  const mod = await importOriginal<typeof import('fastify')>();
  const create = ((options?: unknown) => {
    const app = (mod.default as unknown as (o?: unknown) => import('fastify').FastifyInstance)(options);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods)
        if (method !== 'HEAD' && route.url.startsWith('/api')) registered.add(`${method} ${route.url}`);
    });
    return app;
  }) as unknown as typeof mod.default;
  return { ...mod, default: create, fastify: create };
});

const tables = Object.values(import.meta.glob<{ default: AccessTable }>('./access/*.access.ts', { eager: true })).map(
  (m) => m.default,
);
const entries: AccessEntry[] = tables.flatMap((t) => t.entries);

function matches(entry: AccessEntry, route: string): boolean {
  return entry.route.endsWith('*') ? route.startsWith(entry.route.slice(0, -1)) : entry.route === route;
}

function expectedAllowed(rule: AccessRule, role: string, membership: Membership): boolean {
  if ('public' in rule) return true;
  if (rule.roles !== 'all' && !(rule.roles as readonly string[]).includes(role)) return false;
  if (rule.membership === 'member') return membership !== 'none';
  if (rule.membership === 'lead') return membership === 'lead';
  return true;
}

const isAllowedStatus = (status: number) => ![401, 403, 404].includes(status) && status < 500;
const isDeniedStatus = (status: number) => status === 403 || status === 404;

function toActor(user: TestUser): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    agencyId: user.agencyId,
    unitId: user.unitId,
    role: user.role,
    ip: null,
    via: 'session',
  };
}

describeEachDialect('authorization matrix', (dialect) => {
  let t: TestApp;
  let owner: TestUser;
  let observer: TestUser;
  let peer: TestUser;
  const users = new Map<string, TestUser>();
  const fixtures = new Map<string, CaseFixture>();
  let counter = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const home = await createTestAgency(t, { country: 'BA' });
    const elsewhere = await createTestAgency(t, { country: 'ME' });
    owner = await createTestUser(t, { role: 'investigator', agencyId: elsewhere.id });
    observer = await createTestUser(t, { role: 'analyst', agencyId: elsewhere.id });
    peer = await createTestUser(t, { role: 'investigator', agencyId: home.id });
    for (const role of ALL_ROLES) users.set(role, await createTestUser(t, { role, agencyId: home.id }));
  });
  afterAll(async () => t?.close());

  async function buildCase(actor: TestUser, membership: Membership): Promise<CaseFixture> {
    const cases = new CaseService(t.core);
    const entities = new EntityService(t.core);
    const lead = toActor(owner);
    const c = await cases.create(lead, { title: 'Matrix case', type: 'other' });
    const person = await entities.create(lead, c.id, { type: 'person', label: 'Matrix person' });
    const phone = await entities.create(lead, c.id, { type: 'phone', identifier: '+387 61 000 111' });
    const link = await entities.createLink(lead, c.id, {
      fromEntityId: person.entity.id,
      toEntityId: phone.entity.id,
      type: 'uses',
    });
    const note = await cases.addNote(lead, c.id, 'Matrix note');
    const task = await cases.addTask(lead, c.id, { title: 'Matrix task' });
    const extra = await cases.addMember(lead, c.id, { userId: observer.id, caseRole: 'observer' });
    let actorMemberId: string | null = null;
    if (membership !== 'none') {
      const m = await cases.addMember(lead, c.id, {
        userId: actor.id,
        caseRole: membership === 'lead' ? 'lead' : 'investigator',
      });
      actorMemberId = m.id;
    }
    return {
      id: c.id,
      entityId: person.entity.id,
      otherEntityId: phone.entity.id,
      linkId: link.id,
      noteId: note.id,
      taskId: task.id,
      memberId: extra.id,
      actorMemberId,
    };
  }

  async function fixtureFor(entry: AccessEntry, role: string, membership: Membership): Promise<AccessFixture> {
    const actor = users.get(role)!;
    const scoped = !('public' in entry.allow) && entry.allow.membership !== undefined;
    const key = `${role}/${membership}`;
    let caseFixture = fixtures.get(key);
    // One-shot writes get a fresh case when they are expected to succeed; a refused one changes nothing (and if it
    // wrongly succeeds, its status already fails the test).
    const fresh = entry.fresh === true && expectedAllowed(entry.allow, role, membership);
    if (scoped && (fresh || !caseFixture)) {
      caseFixture = await buildCase(actor, membership);
      if (!fresh) fixtures.set(key, caseFixture);
    }
    return {
      t,
      actor,
      role: actor.role,
      membership,
      case: caseFixture ?? (undefined as unknown as CaseFixture),
      peer,
      unique: `${Date.now().toString(36)}${(counter++).toString(36)}`,
    };
  }

  async function probe(entry: AccessEntry, fx: AccessFixture | null, headers: Record<string, string>) {
    const [method, path] = entry.route.split(' ') as [string, string];
    const request = fx && entry.request ? await entry.request(fx) : {};
    const options: InjectOptions = {
      method: method as InjectOptions['method'],
      url: request.url ?? path.replace(/\*$/, ''),
      headers: { ...headers, ...request.headers },
    };
    if (request.payload !== undefined) options.payload = request.payload as InjectOptions['payload'];
    const response = await t.app.inject(options);
    return { status: response.statusCode, body: response.body.slice(0, 300) };
  }

  it('has an access entry for every registered /api route, and no entry for a route that does not exist', () => {
    const routes = [...registered].sort();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.filter((r) => !entries.some((e) => matches(e, r)));
    expect(missing, 'routes without an access entry (add them to apps/api/test/access/<domain>.access.ts)').toEqual([]);
    const stale = entries.filter((e) => !routes.some((r) => matches(e, r))).map((e) => e.route);
    expect(stale, 'access entries for routes the app does not register').toEqual([]);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    const wrong: string[] = [];
    for (const entry of entries) {
      const { status } = await probe(entry, null, {});
      const ok = 'public' in entry.allow ? status !== 401 && status !== 403 : status === 401;
      if (!ok) wrong.push(`${entry.route}: anonymous got ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  // The full sweep runs on SQLite; on PostgreSQL (same rules, different SQL engine) two roles that differ on almost
  // every rule keep the run short: a case-creating role and the administrator.
  const sweepRoles = dialect === 'sqlite' ? ALL_ROLES : (['investigator', 'administrator'] as const);

  it('allows and denies each role and case membership as the access tables say', async () => {
    const wrong: string[] = [];
    for (const entry of entries) {
      if (entry.anonymousOnly || 'public' in entry.allow) continue;
      const memberships: Membership[] = entry.allow.membership ? ['lead', 'member', 'none'] : ['none'];
      for (const role of sweepRoles) {
        for (const membership of memberships) {
          const fx = await fixtureFor(entry, role, membership);
          const { status, body } = await probe(entry, fx, await authHeaders(t, fx.actor));
          const allowed = expectedAllowed(entry.allow, role, membership);
          const ok = allowed ? isAllowedStatus(status) : isDeniedStatus(status);
          if (!ok)
            wrong.push(
              `${entry.route} as ${role}/${membership}: expected ${allowed ? 'allow' : 'deny'}, got ${status} ${body}`,
            );
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 240_000);
});
