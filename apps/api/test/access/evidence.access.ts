// Evidence (packages/core/src/evidence/evidence.service.ts): every route is case-scoped need-to-know — any system
// role that is a member of the item's case may list, view, download, verify and export; writes (collect, custody
// events) need a case role that may write, which "member" (investigator) and "lead" both have. The signing-key
// route shows the caller's own agency key to any logged-in user.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { EvidenceService } from '@trag/core/evidence';
import { caseLead, type AccessFixture, type AccessTable } from './access-table';

const member = { roles: 'all', membership: 'member' } as const;
const BOUNDARY = '----trag-matrix';
const PHOTO = fileURLToPath(new URL('../../../../packages/core/src/evidence/fixtures/exif-photo.jpg', import.meta.url));

const items = new Map<string, Promise<{ itemId: string; imageId: string; exportId: string }>>();

/** One evidence item and one export in the fixture case, made by its lead. */
function evidenceIn(fx: AccessFixture) {
  let made = items.get(fx.case.id);
  if (!made) {
    made = (async () => {
      const lead = await caseLead(fx);
      const service = new EvidenceService(fx.t.core);
      const item = await service.collect(
        lead,
        fx.case.id,
        { fileName: 'matrix.txt', description: 'Matrix evidence' },
        Readable.from([Buffer.from(`matrix ${fx.case.id}`)]),
      );
      const image = await service.collect(
        lead,
        fx.case.id,
        { fileName: 'matrix.jpg', description: 'Matrix photo' },
        createReadStream(PHOTO),
      );
      const exported = await service.exportBundle(lead, fx.case.id, [item.id], { withoutReport: true });
      return { itemId: item.id, imageId: image.id, exportId: exported.id };
    })();
    items.set(fx.case.id, made);
  }
  return made;
}

function upload(): { payload: Buffer; headers: Record<string, string> } {
  const payload = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="description"\r\n\r\nMatrix upload\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="m.txt"\r\nContent-Type: text/plain\r\n\r\nmatrix\r\n` +
      `--${BOUNDARY}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

const table: AccessTable = {
  domain: 'evidence',
  entries: [
    {
      route: 'GET /api/cases/:caseId/evidence',
      allow: member,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/evidence` }),
    },
    {
      route: 'POST /api/cases/:caseId/evidence',
      allow: member,
      request: (fx) => ({ url: `/api/cases/${fx.case.id}/evidence`, ...upload() }),
    },
    {
      // A host that does not resolve: members get 400 (allowed), others 404 before anything is fetched.
      route: 'POST /api/cases/:caseId/evidence/capture',
      allow: member,
      request: (fx) => ({
        url: `/api/cases/${fx.case.id}/evidence/capture`,
        payload: { url: 'https://no-such-host.invalid/ad', description: 'Matrix capture' },
      }),
    },
    {
      route: 'GET /api/evidence/:id',
      allow: member,
      request: async (fx) => ({ url: `/api/evidence/${(await evidenceIn(fx)).itemId}` }),
    },
    {
      route: 'GET /api/evidence/:id/content',
      allow: member,
      request: async (fx) => ({ url: `/api/evidence/${(await evidenceIn(fx)).itemId}/content` }),
    },
    {
      route: 'GET /api/evidence/:id/thumbnail',
      allow: member,
      request: async (fx) => ({ url: `/api/evidence/${(await evidenceIn(fx)).imageId}/thumbnail` }),
    },
    {
      route: 'GET /api/evidence/:id/messages',
      allow: member,
      request: async (fx) => ({ url: `/api/evidence/${(await evidenceIn(fx)).itemId}/messages` }),
    },
    {
      route: 'POST /api/evidence/:id/custody',
      allow: member,
      request: async (fx) => ({
        url: `/api/evidence/${(await evidenceIn(fx)).itemId}/custody`,
        payload: { event: 'annotated', note: 'Matrix note' },
      }),
    },
    {
      route: 'POST /api/evidence/:id/verify',
      allow: member,
      request: async (fx) => ({ url: `/api/evidence/${(await evidenceIn(fx)).itemId}/verify` }),
    },
    {
      route: 'POST /api/cases/:caseId/evidence/exports',
      allow: member,
      request: async (fx) => ({
        url: `/api/cases/${fx.case.id}/evidence/exports`,
        payload: { itemIds: [(await evidenceIn(fx)).itemId] },
      }),
    },
    {
      route: 'GET /api/evidence/exports/:id',
      allow: member,
      request: async (fx) => ({ url: `/api/evidence/exports/${(await evidenceIn(fx)).exportId}` }),
    },
    {
      route: 'POST /api/cases/:caseId/evidence/preservation-request',
      allow: member,
      request: (fx) => ({
        url: `/api/cases/${fx.case.id}/evidence/preservation-request`,
        payload: {
          provider: 'Example provider',
          accounts: ['https://t.me/example'],
          from: '2026-11-01',
          to: '2026-11-30',
          offence: 'Trafficking in human beings',
          summary: 'Matrix',
          necessity: 'Matrix',
          mutualAssistanceToFollow: true,
          requestingAuthority: 'Matrix',
          contact: 'Matrix',
          format: 'text',
        },
      }),
    },
    { route: 'GET /api/evidence/signing-key', allow: { roles: 'all' } },
  ],
};

export default table;
