// Cases, entities, links, tasks, search and the dashboard (packages/core/src/cases/case.policy.ts):
// any system role may work in a case it is a member of; only investigators, analysts, prosecutors and social
// workers start cases; the lead manages members, closes and reopens.
import { CASE_CREATOR_ROLES } from '@trag/core/cases';
import type { AccessTable } from './access-table';

const member = { roles: 'all', membership: 'member' } as const;
const lead = { roles: 'all', membership: 'lead' } as const;

const table: AccessTable = {
  domain: 'cases',
  entries: [
    { route: 'GET /api/cases', allow: { roles: 'all' } },
    {
      route: 'POST /api/cases',
      allow: { roles: CASE_CREATOR_ROLES },
      request: (fx) => ({ payload: { title: `Matrix ${fx.unique}`, type: 'other' } }),
    },
    { route: 'GET /api/cases/:id', allow: member, request: (fx) => ({ url: `/api/cases/${fx.case.id}` }) },
    {
      route: 'PATCH /api/cases/:id',
      allow: member,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}`, payload: { tags: ['matrix'] } }),
    },
    {
      route: 'POST /api/cases/:id/close',
      allow: lead,
      fresh: true,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/close`, payload: {} }),
    },
    { route: 'POST /api/cases/:id/reopen', allow: lead, request: (fx) => ({ url: `/api/cases/${fx.case.id}/reopen` }) },
    {
      route: 'GET /api/cases/:id/activity',
      allow: member,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/activity` }),
    },
    {
      route: 'GET /api/cases/:id/members',
      allow: member,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/members` }),
    },
    {
      route: 'POST /api/cases/:id/members',
      allow: lead,
      fresh: true,
      request: (fx) => ({
        url: `/api/cases/${fx.case.id}/members`,
        payload: { userId: fx.peer.id, caseRole: 'analyst' },
      }),
    },
    {
      route: 'PATCH /api/cases/:id/members/:memberId',
      allow: lead,
      request: (fx) => ({
        url: `/api/cases/${fx.case.id}/members/${fx.case.memberId}`,
        payload: { caseRole: 'analyst' },
      }),
    },
    {
      route: 'DELETE /api/cases/:id/members/:memberId',
      allow: lead,
      fresh: true,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/members/${fx.case.memberId}` }),
    },
    { route: 'GET /api/cases/:id/notes', allow: member, request: (fx) => ({ url: `/api/cases/${fx.case.id}/notes` }) },
    {
      route: 'POST /api/cases/:id/notes',
      allow: member,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/notes`, payload: { body: 'Matrix note' } }),
    },
    { route: 'GET /api/cases/:id/tasks', allow: member, request: (fx) => ({ url: `/api/cases/${fx.case.id}/tasks` }) },
    {
      route: 'POST /api/cases/:id/tasks',
      allow: member,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/tasks`, payload: { title: 'Matrix task' } }),
    },
    { route: 'GET /api/tasks/:id', allow: member, request: (fx) => ({ url: `/api/tasks/${fx.case.taskId}` }) },
    {
      route: 'PATCH /api/tasks/:id',
      allow: member,
      request: (fx) => ({ url: `/api/tasks/${fx.case.taskId}`, payload: { status: 'done' } }),
    },
    {
      route: 'GET /api/cases/:id/entities',
      allow: member,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/entities` }),
    },
    {
      route: 'POST /api/cases/:id/entities',
      allow: member,
      request: (fx) => ({
        url: `/api/cases/${fx.case.id}/entities`,
        payload: { type: 'email', identifier: 'matrix@example.org' },
      }),
    },
    { route: 'GET /api/entities/:id', allow: member, request: (fx) => ({ url: `/api/entities/${fx.case.entityId}` }) },
    {
      route: 'PATCH /api/entities/:id',
      allow: member,
      request: (fx) => ({ url: `/api/entities/${fx.case.entityId}`, payload: { label: 'Renamed' } }),
    },
    {
      route: 'DELETE /api/entities/:id',
      allow: member,
      fresh: true,
      request: (fx) => ({ url: `/api/entities/${fx.case.otherEntityId}` }),
    },
    { route: 'GET /api/cases/:id/links', allow: member, request: (fx) => ({ url: `/api/cases/${fx.case.id}/links` }) },
    {
      route: 'POST /api/cases/:id/links',
      allow: member,
      request: (fx) => ({
        url: `/api/cases/${fx.case.id}/links`,
        payload: { fromEntityId: fx.case.otherEntityId, toEntityId: fx.case.entityId, type: 'related_to' },
      }),
    },
    {
      route: 'DELETE /api/links/:id',
      allow: member,
      fresh: true,
      request: (fx) => ({ url: `/api/links/${fx.case.linkId}` }),
    },
    // Search and the dashboard are open to everyone logged in; what they return is filtered to member cases
    // (tested in packages/core/src/search and cases.routes.test.ts).
    { route: 'GET /api/search', allow: { roles: 'all' }, request: () => ({ url: '/api/search?q=matrix' }) },
    { route: 'GET /api/dashboard', allow: { roles: 'all' } },
  ],
};

export default table;
