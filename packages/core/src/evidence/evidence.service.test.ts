import { createReadStream, promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { CaseService } from '../cases';
// Builders of the cases domain, for tests only.
import { buildActor, buildAgency } from '../cases/cases.builders';
import { AuditService } from '../audit';
import { fixedClock, type Actor, type CoreContext } from '../shared';
import { verifyBundle } from './bundle-verifier';
import { EvidenceService } from './evidence.service';
import { LocalBlobStore } from './blob-store';
import { tempDir, zipFolder } from './evidence.builders';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const input = {
  fileName: 'oglas.png',
  description: 'Screenshot of a job advert',
  legalBasis: 'Order KPS-77/26',
  location: 'Sarajevo',
};

describeEachDialect('evidence service', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  let service: EvidenceService;
  let investigator: Actor;
  let outsider: Actor;
  let caseId: string;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = { database, clock: fixedClock('2026-11-30T10:00:00.000Z'), dataDir: tempDir() };
    service = new EvidenceService(ctx);
    const agency = await buildAgency(database, { prefix: 'SIPA' });
    investigator = await buildActor(database, { agencyId: agency.id, displayName: 'Amra Hodžić' });
    outsider = await buildActor(database, { agencyId: agency.id });
    caseId = (await new CaseService(ctx).create(investigator, { title: 'Fake job ads', type: 'sexual_exploitation' }))
      .id;
  });
  afterEach(async () => database.destroy());

  async function audits(action: string) {
    return (await new AuditService(ctx).list({ action }, 100, 0)).entries;
  }

  it('collects an upload under its SHA-256 with an exhibit number and a signed "collected" entry', async () => {
    const item = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('PNG bytes')]));
    expect(item).toMatchObject({
      exhibitNumber: 'SIPA-EV-2026-0001',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      size: 9,
      kind: 'file',
      legalBasis: 'Order KPS-77/26',
      collectedByName: 'Amra Hodžić',
      custodyEntries: 1,
    });
    expect(await service.blobs.has(item.sha256)).toBe(true);
    expect(await audits('evidence.collected')).toHaveLength(1);
    const second = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('other')]));
    expect(second.exhibitNumber).toBe('SIPA-EV-2026-0002');
  });

  it('recognises a duplicate upload: one blob, two items with their own custody', async () => {
    const a = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('same')]));
    const b = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('same')]));
    expect(b.sha256).toBe(a.sha256);
    expect(b.duplicateOf).toEqual([a.exhibitNumber]);
    const list = await service.list(investigator, caseId);
    expect(list.items).toHaveLength(2);
  });

  it('an aborted upload leaves no item, no custody entry and no blob', async () => {
    const source = new Readable({ read() {} });
    const pending = service.collect(investigator, caseId, input, source);
    source.push(Buffer.alloc(4096, 1));
    setTimeout(() => source.destroy(new Error('connection reset')), 5);
    await expect(pending).rejects.toThrow('connection reset');
    expect((await service.list(investigator, caseId)).items).toEqual([]);
    const blobs = new LocalBlobStore(ctx.dataDir);
    expect(readdirSync(blobs.root).filter((d) => d !== 'tmp')).toEqual([]);
    expect(await database.db.selectFrom('evidence_custody').selectAll().execute()).toEqual([]);
  });

  it('a failed registration removes the new blob again', async () => {
    await service.collect(
      investigator,
      caseId,
      { ...input, exhibitNumber: 'X-1' },
      Readable.from([Buffer.from('one')]),
    );
    await expect(
      service.collect(investigator, caseId, { ...input, exhibitNumber: 'X-1' }, Readable.from([Buffer.from('two')])),
    ).rejects.toMatchObject({ code: 'evidence_exhibit_taken' });
    const blobs = new LocalBlobStore(ctx.dataDir);
    const count = readdirSync(blobs.root, { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))).length;
    expect(count).toBe(1);
  });

  it('non-members can neither collect, list, view, download, verify nor export, and cannot tell the item exists', async () => {
    const item = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('secret')]));
    await expect(service.collect(outsider, caseId, input, Readable.from([Buffer.from('x')]))).rejects.toMatchObject({
      code: 'case_not_found',
    });
    await expect(service.list(outsider, caseId)).rejects.toMatchObject({ code: 'case_not_found' });
    await expect(service.view(outsider, item.id)).rejects.toMatchObject({ code: 'evidence_not_found' });
    await expect(service.view(outsider, 'no-such-id')).rejects.toMatchObject({ code: 'evidence_not_found' });
    await expect(service.download(outsider, item.id)).rejects.toMatchObject({ code: 'evidence_not_found' });
    await expect(service.verify(outsider, item.id)).rejects.toMatchObject({ code: 'evidence_not_found' });
    await expect(service.exportBundle(outsider, caseId, [item.id])).rejects.toMatchObject({ code: 'case_not_found' });
    const entries = await database.db.selectFrom('evidence_custody').select('event').execute();
    expect(entries.map((e) => e.event)).toEqual(['collected']);
  });

  it('every view and download lands in the custody ledger and the audit', async () => {
    const item = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('bytes')]));
    const detail = await service.view(investigator, item.id);
    expect(detail.custody.map((c) => c.event)).toEqual(['collected', 'viewed']);
    const { stream } = await service.download(investigator, item.id);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('bytes');
    expect((await service.view(investigator, item.id)).custody.map((c) => c.event)).toEqual([
      'collected',
      'viewed',
      'downloaded',
      'viewed',
    ]);
    expect(await audits('evidence.viewed')).toHaveLength(2);
    expect(await audits('evidence.downloaded')).toHaveLength(1);
  });

  it('records transfer, seal and disposal; nothing after disposal', async () => {
    const other = await buildAgency(database, { prefix: 'MUP' });
    const item = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('x')]));
    await service.recordEvent(investigator, item.id, { event: 'sealed', reference: 'Seal 0042' });
    const moved = await service.recordEvent(investigator, item.id, { event: 'transferred', toAgencyId: other.id });
    expect(moved.item.agencyId).toBe(other.id);
    const done = await service.recordEvent(investigator, item.id, {
      event: 'disposed',
      reference: 'Court order K-1/27',
    });
    expect(done.item.status).toBe('disposed');
    await expect(service.recordEvent(investigator, item.id, { event: 'annotated', note: 'x' })).rejects.toMatchObject({
      code: 'evidence_disposed',
    });
    expect((await service.verify(investigator, item.id)).ok).toBe(true);
  });

  it('verify detects a changed blob and an edited custody row', async () => {
    const item = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('original')]));
    await service.view(investigator, item.id);
    expect(await service.verify(investigator, item.id)).toMatchObject({ ok: true, entries: 2, problems: [] });
    const file = new LocalBlobStore(ctx.dataDir).pathOf(item.sha256);
    await fs.chmod(file, 0o600);
    await fs.writeFile(file, 'changed!');
    const blobCheck = await service.verify(investigator, item.id);
    expect(blobCheck.problems.map((p) => p.code)).toEqual(['original_hash_mismatch', 'ledger_blob_differs']);
    if (dialect === 'postgres')
      await sql`DROP TRIGGER evidence_custody_no_change ON evidence_custody`.execute(database.db);
    else await sql`DROP TRIGGER evidence_custody_no_update`.execute(database.db);
    await database.db
      .updateTable('evidence_custody')
      .set({ actor_name: 'Someone else' })
      .where('seq', '=', 2)
      .execute();
    const ledgerCheck = await service.verify(investigator, item.id);
    expect(ledgerCheck.problems).toContainEqual(expect.objectContaining({ code: 'ledger_entry_changed', seq: 2 }));
  });

  it('imports a WhatsApp export: messages addressable, attachments become their own items', async () => {
    const zip = await zipFolder(path.join(fixtures, 'whatsapp-android'), path.join(tempDir(), 'chat.zip'));
    const item = await service.collect(
      investigator,
      caseId,
      { ...input, fileName: 'WhatsApp Chat.zip', import: true },
      createReadStream(zip),
    );
    expect(item).toMatchObject({ kind: 'chat_export', importFormat: 'whatsapp' });
    expect(item.metadata).toMatchObject({ messages: 7, format: 'whatsapp_android' });
    const detail = await service.view(investigator, item.id);
    expect(detail.attachments).toEqual([
      expect.objectContaining({
        exhibitNumber: `${item.exhibitNumber}/1`,
        fileName: 'IMG-20261114-WA0003.jpg',
        kind: 'attachment',
      }),
    ]);
    const { messages, total } = await service.messages(investigator, item.id);
    expect(total).toBe(7);
    expect(messages[3]).toMatchObject({
      author: '+381 64 1234567',
      attachments: [expect.objectContaining({ itemId: detail.attachments[0]!.id })],
    });
  });

  it('reads EXIF of a photo into metadata that names the original it came from', async () => {
    const item = await service.collect(
      investigator,
      caseId,
      { ...input, fileName: 'photo.jpg', mediaType: 'image/jpeg' },
      createReadStream(path.join(fixtures, 'exif-photo.jpg')),
    );
    expect(item.metadata.exif).toEqual({
      derivedFrom: item.sha256,
      tool: 'exifr 7',
      fields: expect.objectContaining({ Make: 'DEMO Phone', DateTimeOriginal: '2026:11:14 21:04:10', latitude: 43.85 }),
    });
  });

  it('refuses to import an unknown format and keeps nothing', async () => {
    await expect(
      service.collect(
        investigator,
        caseId,
        { ...input, import: true },
        Readable.from([Buffer.from('%PDF-1.4 not a chat')]),
      ),
    ).rejects.toMatchObject({ code: 'import_unknown_format' });
    expect((await service.list(investigator, caseId)).items).toEqual([]);
  });

  it('exports a court bundle that verifies offline, with the export in every ledger', async () => {
    const a = await service.collect(investigator, caseId, input, Readable.from([Buffer.from('first')]));
    const b = await service.collect(
      investigator,
      caseId,
      { ...input, fileName: 'note.txt' },
      Readable.from([Buffer.from('second')]),
    );
    const result = await service.exportBundle(investigator, caseId, [a.id, b.id]);
    expect(result.itemCount).toBe(2);
    const report = await verifyBundle(service.exportPath(result.id));
    expect(report.problems).toEqual([]);
    expect(report.items.map((i) => [i.exhibit, i.ok])).toEqual([
      ['SIPA-EV-2026-0001', true],
      ['SIPA-EV-2026-0002', true],
    ]);
    expect((await service.view(investigator, a.id)).custody.map((c) => c.event)).toContain('exported');
  });
});
