// Content-addressed storage of evidence originals, by SHA-256.
//
// The interface is what the rest of Trag relies on; LocalBlobStore is the default implementation on local disk.
// An S3-compatible store implements the same interface: `put` streams to a multipart upload under a temporary key
// while hashing, then copies to `blobs/aa/bb/<sha256>` (or uses the hash as key directly with a conditional put,
// `If-None-Match: *`) and deletes the temporary object; `get` is a ranged GET stream; `has` is a HEAD; `verify`
// re-reads the object and re-hashes it. Nothing outside this file knows where the bytes live.
//
// Guarantees of `put`: the bytes are hashed while they are written (never buffered whole; a large file on a worker
// thread, see sha256-thread.ts), the file is fsync'ed and only then renamed into place, so a crash or an aborted
// stream never leaves a partial blob under a hash name.
// Identical content is stored once; the caller keeps separate custody records per item.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../shared/errors';
import { ThreadedHashingStream } from './sha256-thread';

export interface PutResult {
  sha256: string;
  size: number;
  /** True if identical content was already stored (a duplicate upload). */
  existed: boolean;
}

export interface BlobVerifyResult {
  sha256: string;
  ok: boolean;
  /** 'missing' when the blob is absent, 'hash_mismatch' when its bytes changed. */
  problem: 'missing' | 'hash_mismatch' | null;
  actualSha256: string | null;
  size: number | null;
}

export interface PutOptions {
  /** Abort (and store nothing) once more than this many bytes arrived. */
  maxBytes?: number;
  /** If given, the content must hash to this value or nothing is stored. */
  expectedSha256?: string;
}

export interface BlobStore {
  put(source: Readable, options?: PutOptions): Promise<PutResult>;
  get(sha256: string, range?: { start: number; end: number }): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
  size(sha256: string): Promise<number | null>;
  verify(sha256: string): Promise<BlobVerifyResult>;
  /** Removes a blob; only for a blob that no item references (cleanup after a failed registration). */
  remove(sha256: string): Promise<void>;
  /** Runs `fn` with a local file holding the blob (importers read files); an S3 store downloads to a temp file. */
  withLocalFile<T>(sha256: string, fn: (file: string) => Promise<T>): Promise<T>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) {
    throw new AppError('invalid', 'evidence_bad_hash', 'That is not a SHA-256 hash (64 lower-case hex digits).');
  }
}

/** A pass-through stream that hashes and counts what flows through it, and enforces a size limit. */
export class HashingStream extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly maxBytes = Number.POSITIVE_INFINITY) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: (error?: Error | null, data?: Buffer) => void) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      callback(
        new AppError('too_large', 'evidence_too_large', `The file is larger than the allowed ${this.maxBytes} bytes.`),
      );
      return;
    }
    this.hash.update(chunk);
    callback(null, chunk);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** SHA-256 of a stream, read in constant memory. */
export async function sha256OfStream(source: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    hash.update(buffer);
  }
  return { sha256: hash.digest('hex'), size };
}

export class LocalBlobStore implements BlobStore {
  readonly root: string;
  private readonly tmpDir: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'blobs');
    this.tmpDir = path.join(this.root, 'tmp');
  }

  /** `<dataDir>/blobs/aa/bb/<sha256>` */
  pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: Readable, options: PutOptions = {}): Promise<PutResult> {
    await fs.mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, `${randomUUID()}.part`);
    const hasher = new ThreadedHashingStream(options.maxBytes);
    try {
      const handle = await fs.open(tmp, 'wx', 0o600);
      try {
        await pipeline(source, hasher, new SyncingFileWriter(handle));
        await handle.sync();
      } finally {
        await handle.close();
      }
      const sha256 = await hasher.digest();
      if (options.expectedSha256 && options.expectedSha256 !== sha256) {
        throw new AppError(
          'invalid',
          'evidence_hash_mismatch',
          'The received file does not match the expected SHA-256; nothing was stored. Send the file again.',
        );
      }
      const final = this.pathOf(sha256);
      if (await exists(final)) {
        await fs.rm(tmp, { force: true });
        return { sha256, size: hasher.bytes, existed: true };
      }
      await fs.mkdir(path.dirname(final), { recursive: true });
      await fs.chmod(tmp, 0o400);
      await fs.rename(tmp, final);
      await syncDirectory(path.dirname(final));
      return { sha256, size: hasher.bytes, existed: false };
    } catch (error) {
      await fs.rm(tmp, { force: true });
      throw error;
    }
  }

  async get(sha256: string, range?: { start: number; end: number }): Promise<Readable> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) {
      throw new AppError('not_found', 'evidence_blob_missing', 'The stored original is missing from the blob store.');
    }
    return createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }

  async has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async size(sha256: string): Promise<number | null> {
    try {
      return (await fs.stat(this.pathOf(sha256))).size;
    } catch {
      return null;
    }
  }

  async verify(sha256: string): Promise<BlobVerifyResult> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) return { sha256, ok: false, problem: 'missing', actualSha256: null, size: null };
    const actual = await sha256OfStream(createReadStream(file));
    const ok = actual.sha256 === sha256;
    return { sha256, ok, problem: ok ? null : 'hash_mismatch', actualSha256: actual.sha256, size: actual.size };
  }

  async remove(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }

  async withLocalFile<T>(sha256: string, fn: (file: string) => Promise<T>): Promise<T> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) {
      throw new AppError('not_found', 'evidence_blob_missing', 'The stored original is missing from the blob store.');
    }
    return fn(file);
  }

  /** Every stored hash with its file's age (for the orphan sweep after a crash). */
  async *list(): AsyncGenerator<{ sha256: string; mtimeMs: number }> {
    const level = async (dir: string) =>
      (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{2}$/.test(n));
    for (const a of await level(this.root)) {
      for (const b of await level(path.join(this.root, a))) {
        const dir = path.join(this.root, a, b);
        for (const name of await fs.readdir(dir)) {
          if (!SHA256_HEX.test(name)) continue;
          const stat = await fs.stat(path.join(dir, name)).catch(() => null);
          if (stat) yield { sha256: name, mtimeMs: stat.mtimeMs };
        }
      }
    }
  }

  /** Deletes temporary files left by a crash (kill -9) mid-upload. Run at startup. */
  async sweepTemporary(olderThanMs = 0): Promise<number> {
    let removed = 0;
    let names: string[] = [];
    try {
      names = await fs.readdir(this.tmpDir);
    } catch {
      return 0;
    }
    const now = Date.now();
    for (const name of names) {
      const file = path.join(this.tmpDir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && now - stat.mtimeMs >= olderThanMs) {
        await fs.rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

/** Flush to disk after every this many bytes written, so the final fsync has little left to wait for. */
const SYNC_EVERY_BYTES = 64 * 1024 * 1024;

/**
 * Writes a stream to an open file and, while it writes, asks the disk to flush what is already written (one
 * fdatasync at a time, not awaited). Without it the whole upload sat in the page cache and the final fsync waited
 * for all of it (about 2 s per GiB here); this way most of it reaches the disk while the rest is still arriving.
 * The handle stays the caller's: it syncs and closes it after the stream finished.
 */
class SyncingFileWriter extends Writable {
  private unsynced = 0;
  private syncing: Promise<void> | null = null;
  private syncError: Error | null = null;

  constructor(private readonly handle: FileHandle) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _writev(chunks: Array<{ chunk: Buffer }>, callback: (error?: Error | null) => void) {
    this.writeAll(chunks.map((entry) => entry.chunk)).then(
      () => callback(),
      (error: Error) => callback(error),
    );
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, callback: (error?: Error | null) => void) {
    this.writeAll([chunk]).then(
      () => callback(),
      (error: Error) => callback(error),
    );
  }

  override _final(callback: (error?: Error | null) => void) {
    Promise.resolve(this.syncing).then(
      () => callback(this.syncError),
      (error: Error) => callback(error),
    );
  }

  private async writeAll(buffers: Buffer[]): Promise<void> {
    if (this.syncError) throw this.syncError;
    let pending = buffers;
    for (;;) {
      const total = pending.reduce((sum, buffer) => sum + buffer.length, 0);
      const { bytesWritten } = await this.handle.writev(pending);
      this.unsynced += bytesWritten;
      if (bytesWritten >= total) break;
      pending = remainderAfter(pending, bytesWritten);
    }
    if (this.unsynced >= SYNC_EVERY_BYTES && !this.syncing) {
      this.unsynced = 0;
      this.syncing = this.handle
        .datasync()
        .catch((error: Error) => {
          this.syncError = error;
        })
        .finally(() => {
          this.syncing = null;
        });
    }
  }
}

/** The buffers left after the first `written` bytes (a short writev). */
function remainderAfter(buffers: Buffer[], written: number): Buffer[] {
  const rest: Buffer[] = [];
  for (const buffer of buffers) {
    if (written >= buffer.length) {
      written -= buffer.length;
      continue;
    }
    rest.push(written > 0 ? buffer.subarray(written) : buffer);
    written = 0;
  }
  return rest;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  }
}
