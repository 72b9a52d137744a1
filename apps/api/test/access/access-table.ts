// The format of the per-domain access tables read by ../authorization-matrix.test.ts.
//
// One file per domain: apps/api/test/access/<domain>.access.ts, default-exporting an AccessTable. The test picks
// every *.access.ts up by itself (no registry to edit). Each entry names one route exactly as registered
// ("METHOD /path/:param"; a trailing * matches a prefix, e.g. "GET /api/docs*") and says who gets through:
//
//   { route: 'GET /api/cases/:id', allow: { roles: 'all', membership: 'member' },
//     request: (fx) => ({ url: `/api/cases/${fx.case.id}` }) }
//
// - allow: { public: true }                         — no login needed (anonymous callers are allowed too)
// - allow: { roles: 'all' | [...roles] }            — logged-in users of these system roles, case membership ignored
// - allow: { roles, membership: 'member' | 'lead' } — case-scoped: additionally a member (any case role) / the lead
//   of the fixture case. The test then runs every role as lead, as member (case role "investigator") and as
//   non-member of a fresh case built for that role and membership (fx.case: case, two entities, a link, a note,
//   a task and an extra member).
// - request(fx): the URL and body to send (default: the route path as is). Bodies must pass the route's schema,
//   or an allowed caller gets 400 — which the test accepts as "allowed" (it only checks authorisation).
// - fresh: true — build a new fixture for every probe (for deletes and other one-shot writes).
// - anonymousOnly: '<why>' — only check that an anonymous caller gets 401 (streams, flows needing secrets).
//
// Allowed means any status except 401, 403, 404 and 5xx. Denied means 403 or 404 (need-to-know hides cases
// behind 404). Anonymous callers must get 401 on every non-public route.
import { actorFromUser } from '@trag/core/identity';
import type { Actor, Role } from '@trag/core/shared';
import type { TestApp, TestUser } from '../../src/testing';

export type Membership = 'lead' | 'member' | 'none';

export type AccessRule = { public: true } | { roles: 'all' | readonly Role[]; membership?: 'member' | 'lead' };

export interface CaseFixture {
  id: string;
  /** A person entity and a phone entity, linked by `linkId` (person uses phone). */
  entityId: string;
  otherEntityId: string;
  linkId: string;
  noteId: string;
  taskId: string;
  /** An extra member (an observer), removable by the lead. */
  memberId: string;
  /** The member record of the acting user (absent for non-members). */
  actorMemberId: string | null;
}

export interface AccessFixture {
  t: TestApp;
  actor: TestUser;
  role: Role;
  membership: Membership;
  /** Only for case-scoped entries. */
  case: CaseFixture;
  /** Another user of the actor's agency (investigator). */
  peer: TestUser;
  /** A string unique to this probe, for usernames and titles. */
  unique: string;
}

export interface Probe {
  url?: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface AccessEntry {
  route: string;
  allow: AccessRule;
  request?: (fx: AccessFixture) => Probe | Promise<Probe>;
  fresh?: boolean;
  anonymousOnly?: string;
}

export interface AccessTable {
  domain: string;
  entries: AccessEntry[];
}

export const ALL_ROLES: readonly Role[] = [
  'investigator',
  'analyst',
  'prosecutor',
  'social_worker',
  'supervisor',
  'trainer',
  'trainee',
  'administrator',
];

/** The fixture case's first lead, as an actor for calling core services directly when a probe needs data. */
export async function caseLead(fx: AccessFixture): Promise<Actor> {
  const row = await fx.t.database.db
    .selectFrom('case_members')
    .innerJoin('users', 'users.id', 'case_members.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.agency_id', 'users.unit_id', 'users.role'])
    .where('case_members.case_id', '=', fx.case.id)
    .where('case_members.case_role', '=', 'lead')
    .orderBy('case_members.added_at')
    .executeTakeFirstOrThrow();
  return actorFromUser(row, 'system', null);
}
