// The audit browser (packages/core/src/audit/audit.policy.ts): supervisors and administrators, own agency's staff.
import type { AccessTable } from './access-table';

const table: AccessTable = {
  domain: 'audit',
  entries: [
    { route: 'GET /api/audit', allow: { roles: ['supervisor', 'administrator'] } },
    { route: 'GET /api/audit/export.csv', allow: { roles: ['supervisor', 'administrator'] } },
  ],
};

export default table;
