// Recruitment analysis (packages/core/src/recruitment/recruitment.service.ts): the public offer checker needs no
// login and stores nothing. Everything else is need-to-know through CaseAccess: reads (items, one item, network,
// network export, templates) need membership of any case role; writes (import, mark an item, add an identifier as an entity)
// need a case role that may write (queued imports and raw uploads too), which "member" (investigator) and "lead" both have. Item routes resolve the
// item's case first; a non-member gets the same 404 as for a missing item. Item and identifier routes get one
// imported ad (with a phone number) in the fixture case, imported by its lead; the evidence import gets a saved
// HTML page collected as evidence by the lead.
import { Readable } from 'node:stream';
import { EvidenceService } from '@trag/core/evidence';
import { RecruitmentService } from '@trag/core/recruitment';
import { caseLead, type AccessFixture, type AccessTable } from './access-table';

const member = { roles: 'all', membership: 'member' } as const;
const AD =
  'Posao u Njemačkoj, plata 2000 EUR mjesečno, smještaj i put plaćeni, pasoš čuvamo mi. Zovite +381 64 111 2222';

interface Imported {
  itemId: string;
  identifier: { type: string; value: string };
}
const imported = new Map<string, Promise<Imported>>();

/** One recruitment item (with an extracted phone number) in the fixture case, imported by its lead. */
function itemIn(fx: AccessFixture): Promise<Imported> {
  let made = imported.get(fx.case.id);
  if (!made) {
    made = (async () => {
      await new RecruitmentService(fx.t.core).importItems(await caseLead(fx), fx.case.id, {
        bytes: Buffer.from(AD, 'utf8'),
        format: 'text',
        mode: 'skip_bad',
      });
      const db = fx.t.database.db;
      const item = await db
        .selectFrom('recruitment_items')
        .select('id')
        .where('case_id', '=', fx.case.id)
        .executeTakeFirstOrThrow();
      const identifier = await db
        .selectFrom('recruitment_identifiers')
        .select(['type', 'value'])
        .where('case_id', '=', fx.case.id)
        .where('type', '=', 'phone')
        .executeTakeFirstOrThrow();
      return { itemId: item.id, identifier };
    })();
    imported.set(fx.case.id, made);
  }
  return made;
}

const pages = new Map<string, Promise<string>>();

/** One saved HTML page stored as evidence in the fixture case by its lead (the source of an evidence import). */
function pageIn(fx: AccessFixture): Promise<string> {
  let made = pages.get(fx.case.id);
  if (!made) {
    made = (async () => {
      const item = await new EvidenceService(fx.t.core).collect(
        await caseLead(fx),
        fx.case.id,
        { fileName: 'oglas.html', mediaType: 'text/html', description: 'Saved job ad' },
        Readable.from([Buffer.from(`<html><body><p>${AD}</p></body></html>`, 'utf8')]),
      );
      return item.id;
    })();
    pages.set(fx.case.id, made);
  }
  return made;
}

const base = (fx: AccessFixture) => `/api/cases/${fx.case.id}/recruitment`;

const table: AccessTable = {
  domain: 'recruitment',
  entries: [
    {
      route: 'POST /api/public/offer-check',
      allow: { public: true },
      request: () => ({ payload: { text: AD } }),
    },
    {
      route: 'POST /api/cases/:caseId/recruitment/imports',
      allow: member,
      request: (fx) => ({
        url: `${base(fx)}/imports`,
        payload: { format: 'text', mode: 'skip_bad', contentBase64: Buffer.from(AD, 'utf8').toString('base64') },
      }),
    },
    {
      route: 'POST /api/cases/:caseId/recruitment/imports/from-evidence',
      allow: member,
      request: async (fx) => ({
        url: `${base(fx)}/imports/from-evidence`,
        payload: { evidenceId: await pageIn(fx), mode: 'skip_bad' },
      }),
    },
    {
      route: 'POST /api/cases/:caseId/recruitment/import-jobs',
      allow: member,
      request: (fx) => ({
        url: `${base(fx)}/import-jobs`,
        payload: { format: 'text', mode: 'skip_bad', contentBase64: Buffer.from(AD, 'utf8').toString('base64') },
      }),
    },
    {
      route: 'POST /api/cases/:caseId/recruitment/import-jobs/upload',
      allow: member,
      request: (fx) => ({
        url: `${base(fx)}/import-jobs/upload?format=text&mode=skip_bad`,
        payload: Buffer.from(AD, 'utf8'),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    },
    {
      route: 'POST /api/cases/:caseId/recruitment/import-jobs/from-evidence',
      allow: member,
      request: async (fx) => ({
        url: `${base(fx)}/import-jobs/from-evidence`,
        payload: { evidenceId: await pageIn(fx), mode: 'skip_bad' },
      }),
    },
    {
      route: 'GET /api/cases/:caseId/recruitment/items',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/items` }),
    },
    {
      route: 'GET /api/recruitment/items/:itemId',
      allow: member,
      request: async (fx) => ({ url: `/api/recruitment/items/${(await itemIn(fx)).itemId}` }),
    },
    {
      route: 'POST /api/recruitment/items/:itemId/mark',
      allow: member,
      request: async (fx) => ({
        url: `/api/recruitment/items/${(await itemIn(fx)).itemId}/mark`,
        payload: { relevance: 'relevant' },
      }),
    },
    {
      route: 'GET /api/cases/:caseId/recruitment/network',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/network` }),
    },
    {
      route: 'GET /api/cases/:caseId/recruitment/templates',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/templates` }),
    },
    {
      route: 'GET /api/cases/:caseId/recruitment/network/export',
      allow: member,
      request: (fx) => ({ url: `${base(fx)}/network/export?format=csv` }),
    },
    {
      route: 'POST /api/cases/:caseId/recruitment/entities',
      allow: member,
      request: async (fx) => ({ url: `${base(fx)}/entities`, payload: (await itemIn(fx)).identifier }),
    },
  ],
};

export default table;
