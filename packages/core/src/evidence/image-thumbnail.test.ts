import { createReadStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { CaseService } from '../cases';
import { buildActor, buildAgency } from '../cases/cases.builders';
import { AuditService } from '../audit';
import { fixedClock, type Actor, type CoreContext } from '../shared';
import { EvidenceService } from './evidence.service';
import { tempDir, zipFolder } from './evidence.builders';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A phone photo as cameras write it: 1200×900 pixels stored sideways, EXIF orientation 6 and a GPS position. */
async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'DEMO Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 51/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '18/1 25/1 0/1' },
    })
    .toBuffer();
}

describeEachDialect('evidence thumbnails', (dialect) => {
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
    investigator = await buildActor(database, { agencyId: agency.id });
    outsider = await buildActor(database, { agencyId: agency.id });
    caseId = (await new CaseService(ctx).create(investigator, { title: 'Photos', type: 'labour_exploitation' })).id;
  });
  afterEach(async () => database.destroy());

  it('makes an upright WebP thumbnail of a photo that names its original and carries no EXIF or GPS', async () => {
    const photo = await phonePhoto();
    const item = await service.collect(
      investigator,
      caseId,
      { fileName: 'IMG_0412.jpg', description: 'Passport photo page' },
      Readable.from([photo]),
    );
    expect(item.metadata.thumbnail).toMatchObject({
      derivedFrom: item.sha256,
      mediaType: 'image/webp',
      // Orientation 6 turns the stored 1200×900 upright: 900×1200, scaled to fit 320.
      width: 240,
      height: 320,
      tool: expect.stringMatching(/^sharp \d+\.\d+\.\d+ \(libvips \d+\.\d+\.\d+\)$/),
    });
    const { mediaType, bytes } = await service.thumbnail(investigator, item.id);
    expect(mediaType).toBe('image/webp');
    const seen = await sharp(bytes).metadata();
    expect(seen).toMatchObject({ format: 'webp', width: 240, height: 320 });
    expect(seen.exif).toBeUndefined();
    // The original is untouched: same bytes, same hash.
    const stored = await service.download(investigator, item.id);
    const chunks: Buffer[] = [];
    for await (const chunk of stored.stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(photo)).toBe(true);
    expect((await new AuditService(ctx).list({ action: 'evidence.thumbnail' }, 10, 0)).entries).toHaveLength(1);
  });

  it('shows a thumbnail only to members of the case, with the same answer as a missing item', async () => {
    const item = await service.collect(
      investigator,
      caseId,
      { fileName: 'photo.jpg', description: 'Photo' },
      Readable.from([await phonePhoto()]),
    );
    await expect(service.thumbnail(outsider, item.id)).rejects.toMatchObject({ code: 'evidence_not_found' });
  });

  it('keeps a damaged image as evidence without a thumbnail, and says so when one is asked for', async () => {
    const item = await service.collect(
      investigator,
      caseId,
      { fileName: 'broken.jpg', description: 'Truncated photo' },
      Readable.from([(await phonePhoto()).subarray(0, 200)]),
    );
    expect(item.metadata.thumbnail).toBeUndefined();
    await expect(service.thumbnail(investigator, item.id)).rejects.toMatchObject({ code: 'evidence_no_thumbnail' });
  });

  it('makes no thumbnail for files that are not images', async () => {
    const item = await service.collect(
      investigator,
      caseId,
      { fileName: 'notes.txt', description: 'Notes' },
      Readable.from([Buffer.from('not an image')]),
    );
    expect(item.metadata.thumbnail).toBeUndefined();
  });

  it('gives the photos of an imported Telegram export their own thumbnails', async () => {
    const zip = await zipFolder(path.join(fixtures, 'telegram-export'), path.join(tempDir(), 'telegram.zip'));
    const item = await service.collect(
      investigator,
      caseId,
      { fileName: 'telegram.zip', description: 'Telegram export', import: true },
      createReadStream(zip),
    );
    const detail = await service.view(investigator, item.id);
    const photos = detail.attachments.filter((a) => a.mediaType === 'image/jpeg');
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) {
      expect(photo.metadata.thumbnail).toMatchObject({ derivedFrom: photo.sha256, mediaType: 'image/webp' });
      expect((await service.thumbnail(investigator, photo.id)).bytes.length).toBeGreaterThan(0);
    }
  });
});
