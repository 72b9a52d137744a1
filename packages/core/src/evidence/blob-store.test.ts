import { createHash } from 'node:crypto';
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LocalBlobStore } from './blob-store';
import { tempDir } from './evidence.builders';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalBlobStore', () => {
  it('stores a stream under its SHA-256 in blobs/aa/bb/<sha256> and reads it back', async () => {
    const dir = tempDir();
    const store = new LocalBlobStore(dir);
    const data = Buffer.from('Posao u Njemačkoj, 2000 EUR mjesečno, smještaj plaćen');
    const result = await store.put(Readable.from([data.subarray(0, 10), data.subarray(10)]));
    expect(result).toEqual({ sha256: sha(data), size: data.length, existed: false });
    const file = path.join(dir, 'blobs', result.sha256.slice(0, 2), result.sha256.slice(2, 4), result.sha256);
    expect(await fs.readFile(file)).toEqual(data);
    expect(await read(await store.get(result.sha256))).toEqual(data);
    expect(await store.has(result.sha256)).toBe(true);
    expect((await store.verify(result.sha256)).ok).toBe(true);
  });

  it('recognises a duplicate and keeps one copy', async () => {
    const store = new LocalBlobStore(tempDir());
    const data = Buffer.from('same bytes');
    await store.put(Readable.from([data]));
    const again = await store.put(Readable.from([data]));
    expect(again.existed).toBe(true);
    expect(readdirSync(path.join(store.root, 'tmp'))).toEqual([]);
  });

  it('leaves nothing behind when the upload stream aborts midway', async () => {
    const store = new LocalBlobStore(tempDir());
    const source = new Readable({ read() {} });
    const put = store.put(source);
    source.push(Buffer.alloc(1000, 1));
    setTimeout(() => source.destroy(new Error('client went away')), 5);
    await expect(put).rejects.toThrow('client went away');
    expect(readdirSync(path.join(store.root, 'tmp'))).toEqual([]);
    expect(readdirSync(store.root).filter((d) => d !== 'tmp')).toEqual([]);
  });

  it('refuses content over the size limit and stores nothing', async () => {
    const store = new LocalBlobStore(tempDir());
    await expect(store.put(Readable.from([Buffer.alloc(2048)]), { maxBytes: 1024 })).rejects.toMatchObject({
      code: 'evidence_too_large',
    });
    expect(readdirSync(store.root).filter((d) => d !== 'tmp')).toEqual([]);
  });

  it('refuses content that does not match the expected hash', async () => {
    const store = new LocalBlobStore(tempDir());
    await expect(
      store.put(Readable.from([Buffer.from('abc')]), { expectedSha256: '0'.repeat(64) }),
    ).rejects.toMatchObject({ code: 'evidence_hash_mismatch' });
  });

  it('detects a changed or missing blob on verify', async () => {
    const store = new LocalBlobStore(tempDir());
    const { sha256 } = await store.put(Readable.from([Buffer.from('original bytes')]));
    const file = store.pathOf(sha256);
    await fs.chmod(file, 0o600);
    await fs.writeFile(file, 'tampered bytes');
    expect(await store.verify(sha256)).toMatchObject({ ok: false, problem: 'hash_mismatch' });
    await fs.rm(file);
    expect(await store.verify(sha256)).toMatchObject({ ok: false, problem: 'missing' });
  });

  it('sweeps temporary files left by a crash', async () => {
    const store = new LocalBlobStore(tempDir());
    await fs.mkdir(path.join(store.root, 'tmp'), { recursive: true });
    await fs.writeFile(path.join(store.root, 'tmp', 'x.part'), 'half');
    expect(await store.sweepTemporary()).toBe(1);
  });

  it('rejects a path-like hash', async () => {
    const store = new LocalBlobStore(tempDir());
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'evidence_bad_hash' });
  });
});
