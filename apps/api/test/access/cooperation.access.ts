// Cross-border cooperation (packages/core/src/cooperation/cooperation.policy.ts): partner management for supervisors
// and administrators, reading and receiving for operational roles, hit/no-hit queries for investigative roles,
// sending packages for writers of the case. Partner-facing routes have no user at all: they answer only requests
// signed by an accepted partner's key (covered end to end in apps/api/src/routes/cooperation.routes.test.ts), so
// here only the anonymous refusal is checked.
import path from 'node:path';
import { CooperationKeyring, buildPartnerCard } from '@trag/core/cooperation';
import { newId } from '@trag/core/shared';
import type { AccessEntry, AccessFixture, AccessTable } from './access-table';

const managers = { roles: ['supervisor', 'administrator'] } as const;
const readers = { roles: ['investigator', 'analyst', 'prosecutor', 'supervisor', 'administrator'] } as const;
const askers = { roles: ['investigator', 'analyst', 'prosecutor', 'supervisor'] } as const;
const member = { roles: 'all', membership: 'member' } as const;

async function card(fx: AccessFixture) {
  const identity = await new CooperationKeyring(path.join(fx.t.core.dataDir, 'access-partners', fx.unique)).get('p');
  return buildPartnerCard(identity, { name: `Partner ${fx.unique}`, country: 'RS', kind: 'police' }, null, null);
}

/** A partner of the actor's agency, written straight to the table (the probe is about the route, not the setup). */
async function partner(fx: AccessFixture, status: 'pending' | 'trusted'): Promise<string> {
  const c = await card(fx);
  const id = newId();
  await fx.t.core.database.db
    .insertInto('coop_partners')
    .values({
      id,
      agency_id: fx.actor.agencyId,
      fingerprint: c.fingerprint,
      name: c.agencyName,
      country: c.country,
      kind: c.kind,
      signing_key: c.signingKey,
      age_recipient: c.ageRecipient,
      matching_key: c.matchingKey,
      endpoint: null,
      contact: null,
      status,
      created_by: 'system',
      created_at: '2026-11-30T09:00:00.000Z',
      accepted_by: null,
      accepted_at: null,
      revoked_at: null,
    })
    .execute();
  return id;
}

/** A package row of the actor's agency, not tied to a case (inbox items are not need-to-know yet). */
async function packageRow(
  fx: AccessFixture,
  direction: 'in' | 'out',
  status: string,
): Promise<{ id: string; packageId: string }> {
  const id = newId();
  const packageId = newId();
  const file = path.join(fx.t.core.dataDir, `access-${id}.zip`);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(file, 'not a package');
  await fx.t.core.database.db
    .insertInto('coop_packages')
    .values({
      id,
      agency_id: fx.actor.agencyId,
      direction,
      package_id: packageId,
      partner_id: null,
      sender_fingerprint: '0'.repeat(64),
      case_id: null,
      status,
      handling_code: 'H0',
      envelope: JSON.stringify({
        packageId,
        handling: { code: 'H0', restrictions: '' },
        grading: { source: 'A', information: 1 },
        purpose: 'p',
        legalBasis: 'l',
        created: '2026-11-30T09:00:00.000Z',
        expires: '2026-12-30T09:00:00.000Z',
        partnerIds: [],
      }),
      file_path: file,
      size: 13,
      summary: JSON.stringify({ entities: 0, notes: 0, evidence: 0, deliveries: [] }),
      receipt: null,
      created_by: 'system',
      created_at: '2026-11-30T09:00:00.000Z',
      updated_at: '2026-11-30T09:00:00.000Z',
    })
    .execute();
  return { id, packageId };
}

const signedOnly = 'no user: answered only to requests signed by an accepted partner (cooperation.routes.test.ts)';

const entries: AccessEntry[] = [
  { route: 'GET /api/cooperation/card', allow: readers },
  { route: 'GET /api/cooperation/partners', allow: readers },
  {
    route: 'POST /api/cooperation/partners',
    allow: managers,
    request: async (fx) => ({ payload: { card: await card(fx) } }),
  },
  {
    route: 'POST /api/cooperation/partners/:id/accept',
    allow: managers,
    request: async (fx) => ({ url: `/api/cooperation/partners/${await partner(fx, 'pending')}/accept` }),
  },
  {
    route: 'POST /api/cooperation/partners/:id/revoke',
    allow: managers,
    request: async (fx) => ({ url: `/api/cooperation/partners/${await partner(fx, 'trusted')}/revoke` }),
  },
  {
    route: 'POST /api/cooperation/hits',
    allow: askers,
    request: async (fx) => ({
      payload: {
        partnerIds: [await partner(fx, 'trusted')],
        identifiers: [{ type: 'phone', value: '+38761000111' }],
        purpose: 'access probe',
      },
    }),
  },
  { route: 'POST /api/cooperation/index/refresh', allow: managers },
  { route: 'GET /api/cooperation/packages', allow: readers },
  {
    route: 'POST /api/cooperation/packages',
    allow: member,
    request: async (fx) => ({
      payload: {
        caseId: fx.case.id,
        partnerIds: [await partner(fx, 'trusted')],
        entityIds: [],
        noteIds: [],
        evidenceIds: [],
        handlingCode: 'H1',
        sourceGrade: 'B',
        informationGrade: 2,
        purpose: 'access probe',
        legalBasis: 'access probe',
        expiresInDays: 7,
      },
    }),
  },
  {
    route: 'POST /api/cooperation/packages/upload',
    allow: readers,
    request: () => ({ payload: Buffer.from('not a zip'), headers: { 'content-type': 'application/octet-stream' } }),
  },
  {
    route: 'GET /api/cooperation/packages/:id',
    allow: readers,
    request: async (fx) => ({ url: `/api/cooperation/packages/${(await packageRow(fx, 'in', 'inbox')).id}` }),
  },
  {
    route: 'GET /api/cooperation/packages/:id/file',
    allow: readers,
    request: async (fx) => ({ url: `/api/cooperation/packages/${(await packageRow(fx, 'out', 'built')).id}/file` }),
  },
  {
    route: 'POST /api/cooperation/packages/:id/deliver',
    allow: readers,
    request: async (fx) => ({ url: `/api/cooperation/packages/${(await packageRow(fx, 'out', 'built')).id}/deliver` }),
  },
  {
    route: 'POST /api/cooperation/packages/:id/import',
    allow: readers,
    request: async (fx) => ({
      url: `/api/cooperation/packages/${(await packageRow(fx, 'in', 'imported')).id}/import`,
      payload: { newCaseTitle: 'probe' },
    }),
  },
  {
    route: 'GET /api/cooperation/packages/:id/receipt',
    allow: readers,
    request: async (fx) => ({ url: `/api/cooperation/packages/${(await packageRow(fx, 'in', 'inbox')).id}/receipt` }),
  },
  {
    route: 'POST /api/cooperation/receipts',
    allow: readers,
    request: async (fx) => ({
      payload: {
        format: 'trag-receipt/1',
        packageId: (await packageRow(fx, 'out', 'delivered')).packageId,
        envelopeSha256: '0'.repeat(64),
        sender: '0'.repeat(64),
        recipient: '1'.repeat(64),
        receivedAt: '2026-11-30T09:00:00.000Z',
        evidence: [],
        signature: 'AA==',
      },
    }),
  },
  {
    route: 'GET /api/cases/:caseId/cooperation/material',
    allow: member,
    request: (fx) => ({ url: `/api/cases/${fx.case.id}/cooperation/material` }),
  },
  { route: 'GET /api/cooperation/agencies/:agencyId/index', allow: { roles: 'all' }, anonymousOnly: signedOnly },
  { route: 'POST /api/cooperation/agencies/:agencyId/evaluate', allow: { roles: 'all' }, anonymousOnly: signedOnly },
  { route: 'POST /api/cooperation/agencies/:agencyId/receipts', allow: { roles: 'all' }, anonymousOnly: signedOnly },
  { route: 'POST /api/cooperation/agencies/:agencyId/packages', allow: { roles: 'all' }, anonymousOnly: signedOnly },
];

const table: AccessTable = { domain: 'cooperation', entries };

export default table;
