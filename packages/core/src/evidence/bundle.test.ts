import { promises as fs } from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { verifyBundle } from './bundle-verifier';
import { buildBundle, buildKey, tempDir } from './evidence.builders';
import { openArchive } from './zip-archive';

const contents = [
  Buffer.from('Oglas: posao konobarice u Budvi'),
  Buffer.from('Telegram: @recruiter_mk'),
  Buffer.from('IBAN ME25505000012345678951'),
];

async function flipByteOf(bundle: string, entryName: string, at = 3) {
  const archive = await openArchive(bundle);
  const entry = archive.byName.get(entryName)!;
  const offset = await archive.dataOffset(entry);
  archive.close();
  const handle = await fs.open(bundle, 'r+');
  const byte = Buffer.alloc(1);
  await handle.read(byte, 0, 1, offset + at);
  byte[0] = byte[0]! ^ 0x01;
  await handle.write(byte, 0, 1, offset + at);
  await handle.close();
}

async function rewriteZip(
  bundle: string,
  change: (name: string, data: Buffer) => Buffer | null,
  extra: [string, Buffer][] = [],
) {
  const archive = await openArchive(bundle);
  const zip = new yazl.ZipFile();
  for (const entry of archive.entries) {
    const chunks: Buffer[] = [];
    for await (const c of await archive.open(entry)) chunks.push(c as Buffer);
    const changed = change(entry.name, Buffer.concat(chunks));
    if (changed) zip.addBuffer(changed, entry.name, { compress: false });
  }
  for (const [name, data] of extra) zip.addBuffer(data, name);
  archive.close();
  zip.end();
  const out = `${bundle}.rewritten.zip`;
  await pipeline(zip.outputStream, createWriteStream(out));
  return out;
}

describe('court bundle', () => {
  it('round trip: an exported bundle verifies, item by item', async () => {
    const key = await buildKey();
    const bundle = await buildBundle(key, contents);
    const report = await verifyBundle(bundle);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.items.map((i) => [i.exhibit, i.ok])).toEqual([
      ['SIPA-EV-2026-0001', true],
      ['SIPA-EV-2026-0002', true],
      ['SIPA-EV-2026-0003', true],
    ]);
    const archive = await openArchive(bundle);
    const names = archive.entries.map((e) => e.name);
    archive.close();
    expect(names).toEqual(
      expect.arrayContaining([
        'manifest.json',
        'manifest.json.sig',
        'SHA256SUMS',
        'case-uco.jsonld',
        'report.pdf',
        `keys/${key.fingerprint}.pem`,
      ]),
    );
  });

  it('flipping one byte of an original names that item and only that item', async () => {
    const key = await buildKey();
    const bundle = await buildBundle(key, contents);
    await flipByteOf(bundle, 'originals/SIPA-EV-2026-0002/file-2.txt');
    const report = await verifyBundle(bundle);
    expect(report.ok).toBe(false);
    expect(report.items.filter((i) => !i.ok).map((i) => i.exhibit)).toEqual(['SIPA-EV-2026-0002']);
    expect(report.items[1]!.problems.map((p) => p.code)).toContain('original_hash_mismatch');
    expect(report.items[1]!.problems.map((p) => p.code)).toContain('ledger_blob_differs');
  });

  it('detects an edited ledger entry inside the bundle', async () => {
    const key = await buildKey();
    const bundle = await buildBundle(key, contents);
    const changed = await rewriteZip(bundle, (name, data) =>
      name === 'ledgers/SIPA-EV-2026-0001.jsonl'
        ? Buffer.from(data.toString().replace('Amra Hodžić', 'A. Nonymous'))
        : data,
    );
    const report = await verifyBundle(changed);
    expect(report.ok).toBe(false);
    expect(report.items[0]!.problems.map((p) => p.code)).toContain('ledger_entry_changed');
    expect(report.problems.map((p) => p.code)).toContain('bundle_file_changed');
  });

  it('detects a deleted ledger entry and a changed manifest', async () => {
    const key = await buildKey();
    const bundle = await buildBundle(key, contents);
    const changed = await rewriteZip(bundle, (name, data) => {
      if (name === 'ledgers/SIPA-EV-2026-0003.jsonl')
        return Buffer.from(
          data
            .toString()
            .split('\n')
            .filter((_, i) => i !== 1)
            .join('\n'),
        );
      if (name === 'manifest.json') return Buffer.from(data.toString().replace('Exhibit 1', 'Exhibit one'));
      return data;
    });
    const report = await verifyBundle(changed);
    expect(report.items[2]!.problems.map((p) => p.code)).toContain('ledger_sequence_gap');
    expect(report.problems.map((p) => p.code)).toContain('bundle_manifest_signature_invalid');
  });

  it('detects a file added after export and a removed original', async () => {
    const key = await buildKey();
    const bundle = await buildBundle(key, contents);
    const changed = await rewriteZip(
      bundle,
      (name, data) => (name === 'originals/SIPA-EV-2026-0001/file-1.txt' ? null : data),
      [['originals/extra.txt', Buffer.from('planted')]],
    );
    const report = await verifyBundle(changed);
    expect(report.items[0]!.problems.map((p) => p.code)).toContain('original_missing');
    expect(report.problems.map((p) => p.code)).toContain('bundle_file_unlisted');
  });

  it('reports a file that is not a bundle without throwing', async () => {
    const file = path.join(tempDir(), 'not.zip');
    await fs.writeFile(file, 'hello');
    const report = await verifyBundle(file);
    expect(report).toMatchObject({ ok: false, items: [], problems: [{ code: 'archive_corrupt' }] });
  });
});
