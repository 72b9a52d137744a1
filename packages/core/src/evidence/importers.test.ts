import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rawZip, tempDir, zipFolder } from './evidence.builders';
import { detectImportFormat, readImport } from './import-format';
import type { ChatImport } from './chat-message';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

async function chatOf(input: string): Promise<ChatImport> {
  const result = await readImport(input);
  if (result.kind !== 'chat') throw new Error('not a chat');
  result.source.close();
  return result.chat;
}

describe('Telegram Desktop export', () => {
  it('reads every message with author, UTC time, reply, and attachments that point into the export', async () => {
    const chat = await chatOf(path.join(fixtures, 'telegram-export'));
    expect(chat.format).toBe('telegram_desktop');
    expect(chat.title).toBe('Posao Njemačka 🇩🇪');
    expect(chat.messages).toHaveLength(7);
    const offer = chat.messages.find((m) => m.ref === 'telegram:1874432190/102')!;
    expect(offer).toMatchObject({
      author: 'Marko Job Agent',
      authorId: 'user5123456789',
      time: '2026-11-14T20:02:45.000Z',
      timeBasis: 'utc',
    });
    const question = chat.messages.find((m) => m.ref === 'telegram:1874432190/104')!;
    expect(question.text).toBe('Da li treba pasoš? Pišite na @marko_posao ili +387 61 234 567');
    expect(question.replyTo).toBe('telegram:1874432190/102');
    expect(chat.messages[2]!.attachments).toEqual([
      expect.objectContaining({ path: 'photos/photo_1@14-11-2026_21-04-10.jpg', kind: 'photo', omitted: false }),
    ]);
    expect(chat.messages[4]!.attachments[0]).toMatchObject({
      path: 'files/uslovi_rada.pdf',
      mediaType: 'application/pdf',
    });
    expect(chat.messages[4]!.edited).toBe('2026-11-14T20:08:12.000Z');
    expect(chat.messages[5]!.attachments[0]).toMatchObject({
      path: null,
      name: 'ugovor.mp4',
      kind: 'video',
      omitted: true,
    });
    expect(chat.messages[0]!.kind).toBe('service');
    expect(chat.messages[6]!.forwardedFrom).toBe('Dragana');
    expect(chat.notes.join(' ')).toMatch(/not included/);
  });

  it('reads the same export zipped with its top folder', async () => {
    const zip = await zipFolder(
      path.join(fixtures, 'telegram-export'),
      path.join(tempDir(), 'export.zip'),
      'ChatExport_2026-11-15/',
    );
    const chat = await chatOf(zip);
    expect(chat.messages).toHaveLength(7);
    expect(chat.messages[2]!.attachments[0]!.path).toBe('ChatExport_2026-11-15/photos/photo_1@14-11-2026_21-04-10.jpg');
  });

  it('refuses a result.json whose attachment path climbs out of the export', async () => {
    const dir = tempDir();
    await fs.writeFile(
      path.join(dir, 'result.json'),
      JSON.stringify({
        name: 'x',
        type: 'personal_chat',
        id: 1,
        messages: [
          { id: 1, type: 'message', date: '2026-01-01T00:00:00', from: 'a', photo: '../../etc/passwd', text: '' },
        ],
      }),
    );
    await expect(readImport(dir)).rejects.toMatchObject({ code: 'archive_unsafe_path' });
  });

  it('names a broken result.json', async () => {
    const dir = tempDir();
    await fs.writeFile(path.join(dir, 'result.json'), '{"name": "x", "messages": [');
    await expect(readImport(dir)).rejects.toMatchObject({ code: 'import_telegram_invalid' });
  });
});

describe('WhatsApp "Export chat"', () => {
  it('reads an Android export (day-first, 24 h) with multi-line messages, attachments and omitted media', async () => {
    const zip = await zipFolder(
      path.join(fixtures, 'whatsapp-android'),
      path.join(tempDir(), 'WhatsApp Chat with +381 64 1234567.zip'),
    );
    const chat = await chatOf(zip);
    expect(chat.format).toBe('whatsapp_android');
    expect(chat.title).toBe('WhatsApp chat with +381 64 1234567');
    expect(chat.messages).toHaveLength(7);
    expect(chat.messages[0]).toMatchObject({ kind: 'service', author: null });
    expect(chat.messages[2]).toMatchObject({
      author: '+381 64 1234567',
      authorId: '+381641234567',
      time: '2026-11-14T21:16:00',
      timeBasis: 'device_local',
      text: 'Zdravo Jovana. Posao je hostesa u hotelu, 3000 USD mjesečno.\nAvionska karta je plaćena, vraćaš kroz platu.',
    });
    expect(chat.messages[3]!.attachments).toEqual([
      expect.objectContaining({ path: 'IMG-20261114-WA0003.jpg', kind: 'photo', omitted: false }),
    ]);
    expect(chat.messages[3]!.text).toBe('Ovo je hotel');
    expect(chat.messages[4]!.attachments[0]).toMatchObject({ omitted: true, path: null });
    expect(chat.messages[6]!.time).toBe('2026-11-15T09:02:00');
  });

  it('reads an iOS export (month-first, 12 h, U+200E marks and U+202F before PM)', async () => {
    const zip = await zipFolder(
      path.join(fixtures, 'whatsapp-ios'),
      path.join(tempDir(), 'WhatsApp Chat - Agencija.zip'),
    );
    const chat = await chatOf(zip);
    expect(chat.format).toBe('whatsapp_ios');
    expect(chat.messages).toHaveLength(6);
    expect(chat.messages[0]).toMatchObject({ kind: 'service' });
    expect(chat.participants).toEqual(['Agencija Balkan Jobs', 'Petar']);
    expect(chat.messages[1]).toMatchObject({
      author: 'Agencija Balkan Jobs',
      time: '2026-11-14T21:15:40',
      text: 'Work in Slovenia, construction, 1800 EUR',
    });
    expect(chat.messages[3]!.attachments[0]).toMatchObject({
      path: '00000004-PHOTO-2026-11-14-21-17-30.jpg',
      omitted: false,
    });
    expect(chat.messages[4]!.text).toBe('Give your passport to the driver.\nWe keep it safe for you.');
    expect(chat.messages[5]).toMatchObject({ author: 'Petar', time: '2026-11-15T13:02:11' });
    expect(chat.messages[5]!.attachments[0]).toMatchObject({ omitted: true });
  });

  it('says when the date order cannot be decided', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'chat.txt');
    await fs.writeFile(file, '01/02/26, 10:00 - Ana: Zdravo\n01/02/26, 10:01 - Ivan: Zdravo\n');
    const chat = await chatOf(file);
    expect(chat.messages[0]!.time).toBe('2026-02-01T10:00:00');
    expect(chat.notes.join(' ')).toMatch(/day-first was assumed/);
  });
});

describe('archives we refuse', () => {
  it.each([
    ['zip-slip', '../../evil.txt', false, 'archive_unsafe_path'],
    ['absolute path', '/etc/cron.d/evil', false, 'archive_unsafe_path'],
    ['symlink', 'photos/link.jpg', true, 'archive_symlink'],
  ])('rejects a %s entry with a clear message', async (_label, name, symlink, code) => {
    const zip = await rawZip(path.join(tempDir(), 'bad.zip'), [
      { name: 'result.json', data: Buffer.from('{"name":"x","type":"personal_chat","id":1,"messages":[]}') },
      { name, data: Buffer.from('/etc/passwd'), symlink },
    ]);
    await expect(readImport(zip)).rejects.toMatchObject({ code });
  });

  it('rejects a corrupt archive', async () => {
    const file = path.join(tempDir(), 'corrupt.zip');
    await fs.writeFile(file, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
    await expect(readImport(file)).rejects.toMatchObject({ code: 'archive_corrupt' });
  });
});

describe('web captures', () => {
  it('lists the records of a WARC, plain and gzip-compressed', async () => {
    for (const name of ['oglas.warc', 'oglas.warc.gz']) {
      const result = await readImport(path.join(fixtures, name));
      if (result.kind !== 'web') throw new Error('not web');
      expect(result.capture.resources.map((r) => r.recordType)).toEqual(['warcinfo', 'request', 'response']);
      expect(result.capture).toMatchObject({
        pageUrl: 'http://oglasi.example.test/oglasi/12345',
        capturedAt: '2026-11-14T20:30:00Z',
      });
      expect(result.capture.resources[2]).toMatchObject({ status: 200, mediaType: 'text/html' });
    }
  });

  it('names a truncated WARC', async () => {
    const file = path.join(tempDir(), 'cut.warc');
    const full = await fs.readFile(path.join(fixtures, 'oglas.warc'));
    await fs.writeFile(file, full.subarray(0, full.length - 100));
    await expect(readImport(file)).rejects.toMatchObject({ code: 'import_warc_truncated' });
  });

  it('reads a HAR with statuses and content hashes', async () => {
    const result = await readImport(path.join(fixtures, 'oglas.har'));
    if (result.kind !== 'web') throw new Error('not web');
    expect(result.capture.title).toBe('Posao u inostranstvu – hitno');
    expect(result.capture.resources.map((r) => r.status)).toEqual([200, 404]);
    expect(result.capture.resources[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads an MHTML page saved by Chrome and a saved HTML page', async () => {
    const mhtml = await readImport(path.join(fixtures, 'oglas.mhtml'));
    if (mhtml.kind !== 'web') throw new Error('not web');
    expect(mhtml.capture).toMatchObject({
      format: 'mhtml',
      title: 'Posao u inostranstvu – hitno',
      pageUrl: 'http://oglasi.example.test/oglasi/12345',
      capturedAt: '2026-11-14T20:30:00.000Z',
    });
    expect(mhtml.capture.resources.map((r) => r.mediaType)).toEqual(['text/html', 'image/png']);
    const html = await readImport(path.join(fixtures, 'oglas.html'));
    if (html.kind !== 'web') throw new Error('not web');
    expect(html.capture).toMatchObject({ format: 'html', pageUrl: 'http://oglasi.example.test/oglasi/12345' });
  });
});

describe('unknown formats', () => {
  it('names a PDF as not importable, saying what it looks like', async () => {
    const pdf = path.join(fixtures, 'telegram-export/files/uslovi_rada.pdf');
    expect((await detectImportFormat(pdf)).format).toBeNull();
    await expect(readImport(pdf)).rejects.toMatchObject({
      code: 'import_unknown_format',
      message: expect.stringContaining('a PDF document'),
    });
  });

  it('names a ZIP that holds no chat export', async () => {
    const zip = await rawZip(path.join(tempDir(), 'photos.zip'), [{ name: 'a.jpg', data: Buffer.from('x') }]);
    await expect(readImport(zip)).rejects.toMatchObject({
      code: 'import_unknown_format',
      message: expect.stringContaining('without a Telegram or WhatsApp export'),
    });
  });
});
