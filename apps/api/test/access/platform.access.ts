// Platform routes: health, the OpenAPI document and its interactive page are public; live events and jobs need a
// login. Job and event visibility per case is tested by the platform's own route tests.
import type { AccessTable } from './access-table';

const table: AccessTable = {
  domain: 'platform',
  entries: [
    { route: 'GET /api/health', allow: { public: true } },
    { route: 'GET /api/openapi.json', allow: { public: true } },
    { route: 'GET /api/docs*', allow: { public: true }, anonymousOnly: 'static API documentation page' },
    { route: 'GET /api/events', allow: { roles: 'all' }, anonymousOnly: 'an endless event stream' },
    { route: 'GET /api/jobs', allow: { roles: 'all' } },
    { route: 'GET /api/jobs/:jobId', allow: { roles: 'all' }, anonymousOnly: 'own jobs only; platform.routes.test.ts' },
    {
      route: 'POST /api/jobs/:jobId/cancel',
      allow: { roles: 'all' },
      anonymousOnly: 'own jobs only; platform.routes.test.ts',
    },
  ],
};

export default table;
