// Web page capture with Debian's headless Chromium, against a page served on loopback (no internet here).
import http from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@trag/db/testing';
import { CaseService } from '../cases';
import { buildActor, buildAgency } from '../cases/cases.builders';
import { fixedClock } from '../shared';
import { tempDir } from './evidence.builders';
import { EvidenceService } from './evidence.service';
import { captureWebPage, checkCaptureUrl } from './web-page-capture';
import { readWarc } from './web-capture';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
  'base64',
);

describe('web page capture', () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/logo.png') return response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><title>Posao u Beču – hitno</title><h1>Konobarice za Beč</h1><img src="/logo.png"><p>Viber +381 64 000 111</p>',
        );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/oglas/1`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses loopback and private addresses unless the deployment allows them', async () => {
    await expect(checkCaptureUrl(url, false)).rejects.toMatchObject({ code: 'capture_private_address' });
    await expect(checkCaptureUrl('http://10.1.2.3/', false)).rejects.toMatchObject({ code: 'capture_private_address' });
    await expect(checkCaptureUrl('file:///etc/passwd', true)).rejects.toMatchObject({ code: 'capture_url_invalid' });
  });

  it('writes a WARC of what was fetched, a full-page PNG and a PDF, with status and tool', async () => {
    const capture = await captureWebPage(url, { allowPrivateNetwork: true });
    expect(capture).toMatchObject({ status: 200, title: 'Posao u Beču – hitno', finalUrl: url });
    expect(capture.tool).toMatch(/Chromium \d+/);
    expect(capture.screenshot.subarray(1, 4).toString()).toBe('PNG');
    expect(capture.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const warc = await readWarc(Readable.from([capture.warc]), false);
    const responses = warc.resources.filter((r) => r.recordType === 'response');
    expect(responses.map((r) => [r.uri.replace(/:\d+/, ''), r.status, r.mediaType])).toEqual(
      expect.arrayContaining([
        ['http://127.0.0.1/oglas/1', 200, 'text/html'],
        ['http://127.0.0.1/logo.png', 200, 'image/png'],
      ]),
    );
  });

  it('collects the capture as three items with the URL, status and capturing user', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const ctx = { database, clock: fixedClock('2026-11-30T10:00:00.000Z'), dataDir: tempDir() };
      const agency = await buildAgency(database);
      const actor = await buildActor(database, { agencyId: agency.id, displayName: 'Amra Hodžić' });
      const caseId = (await new CaseService(ctx).create(actor, { title: 'Capture', type: 'other' })).id;
      const items = await new EvidenceService(ctx).captureUrl(
        actor,
        caseId,
        { url, description: 'Job advert', legalBasis: 'KPS-9/26' },
        { allowPrivateNetwork: true },
      );
      expect(items.map((i) => [i.kind, i.mediaType])).toEqual([
        ['web_capture', 'application/warc'],
        ['file', 'image/png'],
        ['file', 'application/pdf'],
      ]);
      expect(items[0]!.metadata).toMatchObject({ capture: { url, status: 200, capturedBy: 'Amra Hodžić' } });
      expect(items.every((i) => i.source === url)).toBe(true);
    } finally {
      await database.destroy();
    }
  });
});
