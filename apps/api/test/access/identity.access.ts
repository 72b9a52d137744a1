// Accounts, agencies and authentication (packages/core/src/identity/identity.policy.ts): agencies and the user
// directory are readable by everyone logged in; an agency's administrators manage it and its users; supervisors
// also read their agency's accounts. Every probe targets the actor's own agency (fx.actor.agencyId, fx.peer).
import { TEST_PASSWORD } from '../../src/testing';
import type { AccessTable } from './access-table';

const admins = { roles: ['administrator'] } as const;
const overseers = { roles: ['administrator', 'supervisor'] } as const;

const table: AccessTable = {
  domain: 'identity',
  entries: [
    {
      route: 'POST /api/auth/login',
      allow: { public: true },
      anonymousOnly: 'public: logs in; covered by auth.routes.test.ts',
    },
    { route: 'POST /api/auth/logout', allow: { roles: 'all' }, anonymousOnly: 'would end the probe session' },
    { route: 'GET /api/auth/me', allow: { roles: 'all' } },
    { route: 'PATCH /api/auth/me', allow: { roles: 'all' }, request: () => ({ payload: { locale: 'bs' } }) },
    { route: 'POST /api/auth/password', allow: { roles: 'all' }, anonymousOnly: 'changes the probe user password' },
    { route: 'POST /api/auth/totp/setup', allow: { roles: 'all' }, anonymousOnly: 'starts TOTP enrolment' },
    { route: 'POST /api/auth/totp/enable', allow: { roles: 'all' }, anonymousOnly: 'needs a live TOTP code' },
    { route: 'POST /api/auth/totp/disable', allow: { roles: 'all' }, anonymousOnly: 'needs a live TOTP code' },
    { route: 'GET /api/auth/tokens', allow: { roles: 'all' } },
    { route: 'POST /api/auth/tokens', allow: { roles: 'all' }, request: () => ({ payload: { name: 'matrix' } }) },
    {
      route: 'DELETE /api/auth/tokens/:id',
      allow: { roles: 'all' },
      anonymousOnly: 'own tokens only; auth.routes.test.ts',
    },
    { route: 'GET /api/agencies', allow: { roles: 'all' } },
    {
      route: 'GET /api/agencies/:id',
      allow: { roles: 'all' },
      request: (fx) => ({ url: `/api/agencies/${fx.actor.agencyId}` }),
    },
    {
      route: 'PATCH /api/agencies/:id',
      allow: admins,
      request: (fx) => ({ url: `/api/agencies/${fx.actor.agencyId}`, payload: { requireTotp: false } }),
    },
    {
      route: 'GET /api/agencies/:id/units',
      allow: { roles: 'all' },
      request: (fx) => ({ url: `/api/agencies/${fx.actor.agencyId}/units` }),
    },
    {
      route: 'POST /api/agencies/:id/units',
      allow: admins,
      request: (fx) => ({ url: `/api/agencies/${fx.actor.agencyId}/units`, payload: { name: `Unit ${fx.unique}` } }),
    },
    { route: 'GET /api/users/directory', allow: { roles: 'all' } },
    {
      route: 'GET /api/users',
      allow: overseers,
      request: (fx) => ({ url: `/api/users?agencyId=${fx.actor.agencyId}` }),
    },
    {
      route: 'POST /api/users',
      allow: admins,
      request: (fx) => ({
        payload: {
          username: `matrix-${fx.unique}`.toLowerCase(),
          displayName: 'Matrix user',
          role: 'trainee',
          password: TEST_PASSWORD,
        },
      }),
    },
    { route: 'GET /api/users/:id', allow: overseers, request: (fx) => ({ url: `/api/users/${fx.peer.id}` }) },
    {
      route: 'PATCH /api/users/:id',
      allow: admins,
      request: (fx) => ({ url: `/api/users/${fx.peer.id}`, payload: { displayName: 'Peer renamed' } }),
    },
    // Disable before enable: the peer ends the run enabled.
    {
      route: 'POST /api/users/:id/disable',
      allow: admins,
      request: (fx) => ({ url: `/api/users/${fx.peer.id}/disable` }),
    },
    {
      route: 'POST /api/users/:id/enable',
      allow: admins,
      request: (fx) => ({ url: `/api/users/${fx.peer.id}/enable` }),
    },
    {
      route: 'POST /api/users/:id/reset-totp',
      allow: admins,
      request: (fx) => ({ url: `/api/users/${fx.peer.id}/reset-totp` }),
    },
    {
      route: 'POST /api/users/:id/reset-password',
      allow: admins,
      request: (fx) => ({ url: `/api/users/${fx.peer.id}/reset-password`, payload: { newPassword: TEST_PASSWORD } }),
    },
  ],
};

export default table;
