import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from './item-importer';
import { itemsFromHtml, itemsFromWarc } from './web-page-reader';

const evidenceFixture = (name: string) => readFileSync(new URL(`../evidence/fixtures/${name}`, import.meta.url));

/** One WARC record, built as ISO 28500 says: header lines, CRLF, block of Content-Length bytes, CRLF CRLF. */
function warcRecord(type: string, uri: string, id: string, block: Buffer, contentType: string): Buffer {
  const head =
    `WARC/1.1\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2026-11-20T08:00:00Z\r\n` +
    `WARC-Record-ID: <urn:uuid:${id}>\r\nContent-Type: ${contentType}\r\nContent-Length: ${block.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), block, Buffer.from('\r\n\r\n', 'latin1')]);
}

function httpResponse(body: Buffer, contentType: string, status = '200 OK'): Buffer {
  return Buffer.concat([
    Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`),
    body,
  ]);
}

const LISTING = `<!doctype html><html><head><title>Oglasi – posao</title></head><body>
<nav>Početna | Oglasi</nav>
<article><h2>Konobarice za Austriju</h2><time datetime="2026-11-18T10:00:00Z">18.11.</time>
<p>Plata 2500 EUR, smještaj i viza osigurani. <a href="https://wa.me/38761234567">Piši na WhatsApp</a></p></article>
<article><h2>Vozač C kategorije</h2><p>Firma Transporti d.o.o. Sarajevo, ugovor na neodređeno. Tel 033 123 456</p></article>
<script>var tracking = "+38760000000";</script>
</body></html>`;

describe('HTML pages', () => {
  it('gives one item per article with its position, posting time and link targets, and no script text', () => {
    const { items, errors } = itemsFromHtml(LISTING, { position: '', url: null, source: 'oglasi.html', idPrefix: '' });
    expect(errors).toEqual([]);
    expect(items.map((i) => i.position)).toEqual(['article 1 of 2', 'article 2 of 2']);
    expect(items[0]!.externalId).toBe('article-1');
    expect(items[0]!.postedAt).toBe('2026-11-18T10:00:00Z');
    expect(items[0]!.text).toContain('Konobarice za Austriju');
    expect(items[0]!.text).toContain('https://wa.me/38761234567');
    expect(items[1]!.postedAt).toBeNull();
    expect(items.some((i) => i.text.includes('tracking') || i.text.includes('Početna'))).toBe(false);
  });

  it('reads a browser-saved page (evidence fixture) as one item with its title and saved-from URL', async () => {
    const parsed = await parseImportFile({
      bytes: evidenceFixture('oglas.html'),
      format: 'html',
      fileName: 'oglas.html',
    });
    expect(parsed.items).toHaveLength(1);
    const [item] = parsed.items;
    expect(item!.position).toBe('page');
    expect(item!.url).toBe('http://oglasi.example.test/oglasi/12345');
    expect(item!.text.startsWith('Posao u inostranstvu – hitno\n\nKonobarice za Dubai')).toBe(true);
    expect(item!.text).not.toContain('alert');
    expect(item!.source).toBe('oglas.html');
  });

  it('decodes a Windows-1251 page by its meta charset', async () => {
    const html =
      '<html><head><meta charset="windows-1251"></head><body><p>Работа во Германија, виза обезбедена</p></body></html>';
    const parsed = await parseImportFile({ bytes: iconv.encode(html, 'windows-1251'), format: 'html' });
    expect(parsed.items[0]!.text).toBe('Работа во Германија, виза обезбедена');
  });
});

describe('WARC captures', () => {
  it('reads the evidence module’s wget capture, plain and gzip, pointing at the response record', async () => {
    for (const name of ['oglas.warc', 'oglas.warc.gz']) {
      const result = await itemsFromWarc(evidenceFixture(name), { source: name });
      expect(result.pages).toBe(1);
      expect(result.skipped).toBe(2); // warcinfo and request
      expect(result.items).toHaveLength(1);
      const [item] = result.items;
      expect(item!.position).toMatch(
        /^WARC record 3 <urn:uuid:5f9f3a2e-1c4b-4c7e-9a51-0c1f0e3f7a03> at byte \d+ · page$/,
      );
      expect(item!.url).toBe('http://oglasi.example.test/oglasi/12345');
      expect(item!.source).toBe(`${name} · captured 2026-11-14T20:30:00Z`);
      expect(item!.text).toContain('Viber +381641234567');
    }
  });

  it('takes HTML responses only, one item per article, with the byte offset of each record', async () => {
    const image = warcRecord(
      'response',
      'http://o.test/logo.png',
      '00000000-0000-4000-8000-000000000001',
      httpResponse(Buffer.from([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
      'application/http;msgtype=response',
    );
    const listing = warcRecord(
      'response',
      'http://o.test/oglasi',
      '00000000-0000-4000-8000-000000000002',
      httpResponse(Buffer.from(LISTING, 'utf8'), 'text/html; charset=utf-8'),
      'application/http;msgtype=response',
    );
    const missing = warcRecord(
      'response',
      'http://o.test/gone',
      '00000000-0000-4000-8000-000000000003',
      httpResponse(Buffer.from('<p>Not found</p>'), 'text/html', '404 Not Found'),
      'application/http;msgtype=response',
    );
    const warc = Buffer.concat([image, listing, missing]);
    const result = await itemsFromWarc(warc, { source: 'capture.warc' });
    expect(result.pages).toBe(1);
    expect(result.skipped).toBe(2);
    expect(result.items.map((i) => i.position)).toEqual([
      `WARC record 2 <urn:uuid:00000000-0000-4000-8000-000000000002> at byte ${image.length} · article 1 of 2`,
      `WARC record 2 <urn:uuid:00000000-0000-4000-8000-000000000002> at byte ${image.length} · article 2 of 2`,
    ]);
    expect(result.items[1]!.externalId).toBe('urn:uuid:00000000-0000-4000-8000-000000000002#article-2');
    // The byte offset really points at the record.
    expect(warc.subarray(image.length, image.length + 8).toString('latin1')).toBe('WARC/1.1');
    // Per-record gzip, as crawlers write .warc.gz, gives the same items.
    const gz = Buffer.concat([gzipSync(image), gzipSync(listing), gzipSync(missing)]);
    const fromGz = await itemsFromWarc(gz, { source: 'capture.warc.gz' });
    expect(fromGz.items.map((i) => i.text)).toEqual(result.items.map((i) => i.text));
  });

  it('refuses bytes that are not a WARC', async () => {
    await expect(itemsFromWarc(Buffer.from('just some text\r\n\r\n'), { source: null })).rejects.toMatchObject({
      code: 'import_warc_invalid',
    });
    await expect(itemsFromWarc(Buffer.alloc(0), { source: null })).rejects.toMatchObject({
      code: 'import_warc_invalid',
    });
  });
});
