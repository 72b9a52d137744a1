// SHA-256 of large uploads on a worker thread. Receiving an upload (socket reads, multipart parsing) and writing it
// to disk already keep the event loop busy; hashing on the same thread made ingest cost the sum of the three, and
// the event loop could serve nobody else meanwhile. Here the event loop only copies each chunk into one of a few
// shared slots and the worker hashes them in order, so hashing runs beside the I/O on another core.
//
// Small streams never reach the worker: the first THREAD_FROM_BYTES are only held, and a stream that ends before
// then is hashed inline (starting a thread costs more than hashing a few megabytes).
import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import { AppError } from '../shared/errors';

const SLOT_BYTES = 1024 * 1024;
/** Two slots per stream: the event loop fills one while the worker hashes the other. */
const SLOTS_PER_STREAM = 2;
/** Streams shorter than this are hashed on the calling thread. */
export const THREAD_FROM_BYTES = 4 * 1024 * 1024;
/** An idle worker ends after this long, so a quiet server does not keep its memory. */
const IDLE_MS = 10_000;

// Evaluated as a CommonJS script in the worker, so it needs no file of its own beside the bundled server.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (message) => {
  const job = jobs.get(message.job);
  switch (message.type) {
    case 'open':
      jobs.set(message.job, { hash: createHash('sha256'), slots: message.slots.map((shared) => Buffer.from(shared)) });
      break;
    case 'data':
      if (!job) break;
      job.hash.update(job.slots[message.slot].subarray(0, message.length));
      parentPort.postMessage({ type: 'free', job: message.job, slot: message.slot });
      break;
    case 'end':
      if (!job) break;
      jobs.delete(message.job);
      parentPort.postMessage({ type: 'digest', job: message.job, hex: job.hash.digest('hex') });
      break;
    case 'drop':
      jobs.delete(message.job);
      break;
  }
});
`;

type WorkerMessage = { type: 'free'; job: number; slot: number } | { type: 'digest'; job: number; hex: string };

interface JobEvents {
  free(slot: number): void;
  digest(hex: string): void;
  fail(error: AppError): void;
}

function threadFailed(reason: string): AppError {
  return new AppError(
    'internal',
    'evidence_hash_thread_failed',
    `Hashing the file failed (${reason}); nothing was stored. Send the file again.`,
  );
}

/** The process's one hashing worker: started on first use, ended after IDLE_MS without work. */
class Sha256Thread {
  private worker: Worker | null = null;
  private jobs = new Map<number, JobEvents>();
  private nextJob = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  open(slots: SharedArrayBuffer[], events: JobEvents): number {
    const worker = this.ensureWorker();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.jobs.size === 0) worker.ref();
    const job = this.nextJob++;
    this.jobs.set(job, events);
    worker.postMessage({ type: 'open', job, slots });
    return job;
  }

  post(message: { type: 'data'; job: number; slot: number; length: number } | { type: 'end'; job: number }): void {
    if (!this.worker || !this.jobs.has(message.job)) throw threadFailed('the hashing thread stopped');
    this.worker.postMessage(message);
  }

  /** Forgets a job (finished or abandoned); the worker goes idle when none is left. */
  close(job: number, dropInWorker: boolean): void {
    if (!this.jobs.delete(job)) return;
    if (dropInWorker) this.worker?.postMessage({ type: 'drop', job });
    if (this.jobs.size > 0 || !this.worker) return;
    this.worker.unref();
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
    this.idleTimer.unref();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // The worker only hashes native buffers: a small heap and the process's environment shared instead of copied
    // keep its cost to the server's memory at about 12 MiB while it lives.
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      env: SHARE_ENV,
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, stackSizeMb: 1 },
    });
    worker.on('message', (message: WorkerMessage) => {
      const events = this.jobs.get(message.job);
      if (!events) return;
      if (message.type === 'free') events.free(message.slot);
      else events.digest(message.hex);
    });
    const fail = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const jobs = [...this.jobs.values()];
      this.jobs.clear();
      for (const events of jobs) events.fail(threadFailed(reason));
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`the hashing thread exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    const worker = this.worker;
    if (!worker || this.jobs.size > 0) return;
    this.worker = null;
    void worker.terminate();
  }
}

let thread: Sha256Thread | null = null;

/** One stream's hash on the worker: its own slots, filled in order and handed over when full. */
class ThreadedSha256 {
  private readonly slots: Buffer[];
  private readonly freeSlots: number[] = [];
  private slotWaiter: { resolve: (slot: number) => void; reject: (error: Error) => void } | null = null;
  private digestWaiter: { resolve: (hex: string) => void; reject: (error: Error) => void } | null = null;
  private failure: AppError | null = null;
  private current = -1;
  private filled = 0;
  private readonly job: number;

  constructor() {
    const shared = Array.from({ length: SLOTS_PER_STREAM }, () => new SharedArrayBuffer(SLOT_BYTES));
    this.slots = shared.map((buffer) => Buffer.from(buffer));
    this.freeSlots = shared.map((_, index) => index);
    thread ??= new Sha256Thread();
    this.job = thread.open(shared, {
      free: (slot) => {
        if (this.slotWaiter) {
          const waiter = this.slotWaiter;
          this.slotWaiter = null;
          waiter.resolve(slot);
        } else this.freeSlots.push(slot);
      },
      digest: (hex) => this.digestWaiter?.resolve(hex),
      fail: (error) => {
        this.failure = error;
        this.slotWaiter?.reject(error);
        this.digestWaiter?.reject(error);
      },
    });
  }

  async update(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.current < 0) {
        this.current = await this.takeSlot();
        this.filled = 0;
      }
      const copied = chunk.copy(this.slots[this.current]!, this.filled, offset);
      this.filled += copied;
      offset += copied;
      if (this.filled === SLOT_BYTES) this.handOver();
    }
  }

  async digest(): Promise<string> {
    if (this.failure) throw this.failure;
    if (this.current >= 0 && this.filled > 0) this.handOver();
    const hex = await new Promise<string>((resolve, reject) => {
      this.digestWaiter = { resolve, reject };
      thread!.post({ type: 'end', job: this.job });
    });
    thread!.close(this.job, false);
    return hex;
  }

  abandon(): void {
    thread?.close(this.job, true);
  }

  private handOver(): void {
    thread!.post({ type: 'data', job: this.job, slot: this.current, length: this.filled });
    this.current = -1;
  }

  private takeSlot(): Promise<number> {
    if (this.failure) return Promise.reject(this.failure);
    const free = this.freeSlots.pop();
    if (free !== undefined) return Promise.resolve(free);
    return new Promise<number>((resolve, reject) => (this.slotWaiter = { resolve, reject }));
  }
}

/**
 * A pass-through stream that hashes (SHA-256) and counts what flows through it, and enforces a size limit, like
 * HashingStream, but hashes on a worker thread once the stream is larger than THREAD_FROM_BYTES.
 */
export class ThreadedHashingStream extends Transform {
  bytes = 0;
  private held: Buffer[] = [];
  private hash: ThreadedSha256 | null = null;
  private finished = false;

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
    if (!this.hash && this.bytes <= THREAD_FROM_BYTES) {
      this.held.push(chunk);
      callback(null, chunk);
      return;
    }
    this.forward(chunk).then(
      () => callback(null, chunk),
      (error: Error) => callback(error),
    );
  }

  /** The hex SHA-256 of everything that passed, once the stream has ended. */
  async digest(): Promise<string> {
    if (!this.hash) {
      const hash = createHash('sha256');
      for (const chunk of this.held) hash.update(chunk);
      this.held = [];
      return hash.digest('hex');
    }
    const hex = await this.hash.digest();
    this.finished = true;
    return hex;
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void) {
    // A stream that ended normally is destroyed before its owner asks for the digest; only an aborted one lets go.
    if (error || !this.writableEnded) {
      if (this.hash && !this.finished) this.hash.abandon();
      this.held = [];
    }
    callback(error);
  }

  private async forward(chunk: Buffer): Promise<void> {
    if (!this.hash) {
      this.hash = new ThreadedSha256();
      const held = this.held;
      this.held = [];
      for (const piece of held) await this.hash.update(piece);
    }
    await this.hash.update(chunk);
  }
}
