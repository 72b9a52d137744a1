// Crypto tracing (packages/core/src/crypto/crypto.service.ts): the address check is a pure calculation open to any
// logged-in user (no case data). Everything under /api/cases/:caseId/crypto is need-to-know through CaseAccess:
// reads (imports, transfers, wallets, cluster explanation, live trace, saved traces, verify, export) need
// membership of any case role; writes (import, add wallet, cluster, save trace) need a case role that may write,
// which "member" (investigator) and "lead" both have. No system role gets past a case it is not a member of.
// Trace routes get a saved trace (made by the case lead on the empty fixture case).
import { CryptoService } from '@trag/core/crypto';
import { caseLead, type AccessFixture, type AccessTable } from './access-table';

const member = { roles: 'all', membership: 'member' } as const;
const ADDRESS = '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa';
const OTHER = '12c6DSiU4Rq3P4ZxziKxzrGuDMTSU7nUpE';
const TRACE = {
  seed: { address: ADDRESS },
  direction: 'forward',
  method: 'fifo',
  maxHops: 2,
  maxNodes: 50,
} as const;
const TAGS = `address,label,category,source\n${ADDRESS},Matrix tag,exchange,matrix\n`;

const traces = new Map<string, Promise<string>>();

/** One saved trace in the fixture case, made by its lead. */
function traceIn(fx: AccessFixture): Promise<string> {
  let made = traces.get(fx.case.id);
  if (!made) {
    made = (async () =>
      (await new CryptoService(fx.t.core).saveTrace(await caseLead(fx), fx.case.id, 'Matrix trace', { ...TRACE }))
        .id)();
    traces.set(fx.case.id, made);
  }
  return made;
}

const base = (fx: AccessFixture) => `/api/cases/${fx.case.id}/crypto`;

const table: AccessTable = {
  domain: 'crypto',
  entries: [
    {
      route: 'GET /api/crypto/address/:address',
      allow: { roles: 'all' },
      request: () => ({ url: `/api/crypto/address/${ADDRESS}` }),
    },
    {
      route: 'GET /api/crypto/connectors',
      allow: { roles: 'all' },
      request: () => ({ url: '/api/crypto/connectors' }),
    },
    {
      // No source is configured in tests: an allowed caller gets 400 crypto_connector_missing after the case check.
      route: 'POST /api/cases/:caseId/crypto/fetch',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/fetch`, payload: { kind: 'address', address: ADDRESS } }),
    },
    {
      // Four bytes are no block: an allowed caller gets 400 naming the file after the case check.
      route: 'POST /api/cases/:caseId/crypto/blocks',
      allow: member,
      request: (fx) => ({
        url: `${base(fx)}/blocks?fileName=blk00000.dat&watch=all`,
        payload: Buffer.from('f9beb4d9', 'hex'),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    },
    {
      route: 'GET /api/cases/:caseId/crypto/imports',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/imports` }),
    },
    {
      route: 'POST /api/cases/:caseId/crypto/imports',
      allow: member,
      request: (fx) => ({
        url: `${base(fx)}/imports`,
        payload: { kind: 'tag_csv', fileName: 'matrix-tags.csv', content: TAGS },
      }),
    },
    {
      route: 'GET /api/cases/:caseId/crypto/transfers',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/transfers` }),
    },
    {
      route: 'GET /api/cases/:caseId/crypto/wallets',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/wallets` }),
    },
    {
      route: 'POST /api/cases/:caseId/crypto/wallets',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/wallets`, payload: { address: ADDRESS, label: 'Matrix wallet' } }),
    },
    {
      route: 'POST /api/cases/:caseId/crypto/cluster',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/cluster` }),
    },
    {
      route: 'GET /api/cases/:caseId/crypto/cluster/explain',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/cluster/explain?a=${ADDRESS}&b=${OTHER}` }),
    },
    {
      route: 'POST /api/cases/:caseId/crypto/trace',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/trace`, payload: TRACE }),
    },
    { route: 'GET /api/cases/:caseId/crypto/traces', allow: member, request: (fx) => ({ url: `${base(fx)}/traces` }) },
    {
      route: 'POST /api/cases/:caseId/crypto/traces',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/traces`, payload: { title: 'Matrix saved trace', request: TRACE } }),
    },
    {
      route: 'GET /api/cases/:caseId/crypto/traces/:traceId',
      allow: member,
      request: async (fx) => ({ url: `${base(fx)}/traces/${await traceIn(fx)}` }),
    },
    {
      route: 'POST /api/cases/:caseId/crypto/traces/:traceId/verify',
      allow: member,
      request: async (fx) => ({ url: `${base(fx)}/traces/${await traceIn(fx)}/verify` }),
    },
    {
      route: 'GET /api/cases/:caseId/crypto/traces/:traceId/export',
      allow: member,
      request: async (fx) => ({ url: `${base(fx)}/traces/${await traceIn(fx)}/export?format=csv` }),
    },
  ],
};

export default table;
