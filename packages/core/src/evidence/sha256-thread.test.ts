import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { THREAD_FROM_BYTES, ThreadedHashingStream } from './sha256-thread';

const sha = (buffers: Buffer[]) => {
  const hash = createHash('sha256');
  for (const buffer of buffers) hash.update(buffer);
  return hash.digest('hex');
};

/** Cuts `data` into chunks of the given sizes, repeated, the way sockets and parsers hand them over. */
function chunked(data: Buffer, sizes: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0, index = 0; offset < data.length; index++) {
    const size = sizes[index % sizes.length]!;
    chunks.push(data.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
}

async function hashThrough(chunks: Buffer[], maxBytes?: number): Promise<{ sha256: string; passed: Buffer }> {
  const hasher = new ThreadedHashingStream(maxBytes);
  const passed: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    hasher,
    new Writable({
      write(chunk: Buffer, _enc, callback) {
        passed.push(chunk);
        callback();
      },
    }),
  );
  return { sha256: await hasher.digest(), passed: Buffer.concat(passed) };
}

describe('ThreadedHashingStream', () => {
  it('hashes a small stream inline and passes it through unchanged', async () => {
    const data = Buffer.from('Sezonski posao u Austriji, smještaj i karta plaćeni');
    const result = await hashThrough([data.subarray(0, 7), data.subarray(7)]);
    expect(result.sha256).toBe(sha([data]));
    expect(result.passed.equals(data)).toBe(true);
  });

  it('hashes a stream larger than the threshold on the worker, whatever the chunk sizes', async () => {
    const data = randomBytes(THREAD_FROM_BYTES * 2 + 12345);
    // Socket-sized reads, odd sizes, and single chunks larger than a 1 MiB slot.
    const result = await hashThrough(chunked(data, [65536, 1, 3_000_001, 777, 2 * 1024 * 1024 + 5]));
    expect(result.sha256).toBe(sha([data]));
    expect(result.passed.equals(data)).toBe(true);
  });

  it('keeps concurrent streams apart', async () => {
    const files = [randomBytes(THREAD_FROM_BYTES + 1), randomBytes(THREAD_FROM_BYTES * 3), randomBytes(9_000_000)];
    const results = await Promise.all(files.map((data) => hashThrough(chunked(data, [65536, 100_003]))));
    expect(results.map((result) => result.sha256)).toEqual(files.map((data) => sha([data])));
  });

  it('lets go of an aborted stream, and the next stream still hashes correctly', async () => {
    const data = randomBytes(THREAD_FROM_BYTES * 2);
    const hasher = new ThreadedHashingStream();
    const source = new Readable({ read() {} });
    const sink = new Writable({ write: (_chunk, _enc, callback) => callback() });
    const done = pipeline(source, hasher, sink);
    source.push(data.subarray(0, THREAD_FROM_BYTES + 65536));
    await new Promise((resolve) => setTimeout(resolve, 50));
    source.destroy(new Error('client went away'));
    await expect(done).rejects.toThrow('client went away');

    const next = await hashThrough(chunked(data, [65536]));
    expect(next.sha256).toBe(sha([data]));
  });

  it('stops a stream over its size limit with a clear error', async () => {
    const data = randomBytes(THREAD_FROM_BYTES + 10);
    await expect(hashThrough(chunked(data, [65536]), THREAD_FROM_BYTES)).rejects.toMatchObject({
      code: 'evidence_too_large',
    });
  });
});
