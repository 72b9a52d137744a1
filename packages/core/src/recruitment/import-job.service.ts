// Long imports as background jobs (the platform's job queue), so the UI can show progress and offer "cancel":
//  - enqueue checks that the caller may write in the case, stages the uploaded bytes in the data folder (the job
//    payload holds only ids and options, never content) and queues one `recruitment.import` job on the
//    `recruitment` queue; an upload streams to the staging file as it arrives, so a file of any size up to the
//    limit never sits in the server's memory before the job runs;
//  - the worker re-reads the user (a user disabled meanwhile is refused), runs the same one-transaction import as
//    the synchronous route, reports progress (analysing 0–90 %, saving 90–100 %), stops on cancel with nothing
//    imported, and deletes the staged bytes whatever the outcome.
import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CaseAccess } from '@trag/core/cases';
import { actorFromUserView, UserService } from '@trag/core/identity';
import { JobService, JobWorker, type JobContext, type JobView } from '@trag/core/platform';
import { AppError, invalid, systemActor, type Actor, type CoreContext } from '@trag/core/shared';
import { IMPORT_ENCODINGS, IMPORT_FORMATS, type ColumnMapping } from './item-importer';
import { RecruitmentService, type ImportInput, type ImportMode, type ImportOutcome } from './recruitment.service';

export const IMPORT_JOB_KIND = 'recruitment.import';
export const IMPORT_JOB_QUEUE = 'recruitment';
/** Staged uploads older than this are left-overs of a crashed worker and are removed when a worker starts. */
const STAGING_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** A 100,000-item import holds the SQLite connection for a while when saving: keep the lease well above that. */
const LEASE_MS = 10 * 60 * 1000;
/**
 * Largest upload staged for an import: room for the 200,000 items one import takes (MAX_IMPORT_ITEMS) at 1,000
 * characters each. Such an import peaks at about 1.8 GB on the server (100,000 items: 1.2–1.3 GB;
 * docs/benchmarks/recruitment.md).
 */
export const MAX_IMPORT_UPLOAD_BYTES = 256 * 1024 * 1024;

interface ImportJobPayload {
  userId: string;
  mode: ImportMode;
  /** A staged upload … */
  stagingId?: string;
  format?: string;
  encoding?: string;
  fileName?: string;
  mapping?: ColumnMapping;
  /** … or an evidence item of the case. */
  evidenceId?: string;
}

const STAGING_ID = /^[0-9a-f]{32}$/;

/** The refusal of a file larger than one import takes, with what to do instead. */
export function importTooLarge(maxBytes = MAX_IMPORT_UPLOAD_BYTES): AppError {
  const size =
    maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / 1024 / 1024)} MiB` : `${Math.floor(maxBytes / 1024)} KiB`;
  return new AppError(
    'too_large',
    'import_too_large',
    `The file is larger than ${size}, the most one import takes. Split it into several files (for JSON Lines or CSV, by lines) and import them one after the other.`,
    { details: { maxBytes } },
  );
}

export class ImportJobService {
  private readonly access: CaseAccess;
  private readonly stagingDir: string;
  private readonly maxUploadBytes: number;

  constructor(
    private readonly ctx: CoreContext,
    options: { maxUploadBytes?: number } = {},
  ) {
    this.access = new CaseAccess(ctx);
    this.stagingDir = path.join(ctx.dataDir, 'recruitment-staging');
    this.maxUploadBytes = options.maxUploadBytes ?? MAX_IMPORT_UPLOAD_BYTES;
  }

  /** Queues the import of a file already in memory (the base64 JSON route); the bytes wait in the data folder. */
  async enqueueFile(actor: Actor, caseId: string, input: Omit<ImportInput, 'evidenceId' | 'source'>): Promise<JobView> {
    await this.access.requireWriter(actor, caseId);
    if (input.bytes.length === 0) throw invalid('import_empty', 'The file holds no items to import.');
    if (input.bytes.length > this.maxUploadBytes) throw importTooLarge(this.maxUploadBytes);
    const { bytes, ...options } = input;
    return this.stageAndEnqueue(actor, caseId, options, (file) =>
      fs.writeFile(file, bytes, { mode: 0o600, flag: 'wx' }),
    );
  }

  /**
   * Queues the import of a file that arrives as a stream (the raw upload route). Access is checked before a byte is
   * read; a stream that breaks off, is empty or passes the size limit leaves no staged file and no job.
   */
  async enqueueUpload(
    actor: Actor,
    caseId: string,
    source: Readable,
    options: Omit<ImportInput, 'evidenceId' | 'source' | 'bytes'>,
  ): Promise<JobView> {
    await this.access.requireWriter(actor, caseId);
    const max = this.maxUploadBytes;
    return this.stageAndEnqueue(actor, caseId, options, async (file) => {
      let size = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          callback(size > max ? importTooLarge(max) : null, chunk);
        },
      });
      await pipeline(source, limit, createWriteStream(file, { mode: 0o600, flags: 'wx' }));
      if (size === 0) throw invalid('import_empty', 'The file holds no items to import.');
    });
  }

  private async stageAndEnqueue(
    actor: Actor,
    caseId: string,
    input: Omit<ImportInput, 'evidenceId' | 'source' | 'bytes'>,
    write: (file: string) => Promise<void>,
  ): Promise<JobView> {
    await fs.mkdir(this.stagingDir, { recursive: true, mode: 0o700 });
    const stagingId = randomBytes(16).toString('hex');
    const file = path.join(this.stagingDir, stagingId);
    try {
      await write(file);
      return await this.enqueue(actor, caseId, {
        userId: actor.userId,
        mode: input.mode,
        stagingId,
        format: input.format,
        ...(input.encoding ? { encoding: input.encoding } : {}),
        ...(input.fileName ? { fileName: input.fileName } : {}),
        ...(input.mapping ? { mapping: input.mapping } : {}),
      });
    } catch (error) {
      await fs.rm(file, { force: true });
      throw error;
    }
  }

  /** Queues the import of a WARC capture or saved HTML page held as evidence in the case. */
  async enqueueEvidence(actor: Actor, caseId: string, evidenceId: string, mode: ImportMode): Promise<JobView> {
    await this.access.requireWriter(actor, caseId);
    return this.enqueue(actor, caseId, { userId: actor.userId, mode, evidenceId });
  }

  private enqueue(actor: Actor, caseId: string, payload: ImportJobPayload): Promise<JobView> {
    return new JobService(this.ctx).enqueue(actor, {
      kind: IMPORT_JOB_KIND,
      queue: IMPORT_JOB_QUEUE,
      caseId,
      // An import that failed on its input would fail again; the user retries after fixing the file.
      maxAttempts: 1,
      payload: payload as unknown as Record<string, unknown>,
    });
  }

  /** Runs one queued import (the worker's handler). */
  async run(context: JobContext): Promise<ImportOutcome> {
    const payload = context.job.payload as unknown as ImportJobPayload;
    const caseId = context.job.caseId;
    const staged =
      typeof payload.stagingId === 'string' && STAGING_ID.test(payload.stagingId)
        ? path.join(this.stagingDir, payload.stagingId)
        : null;
    try {
      if (!caseId) throw invalid('import_job_invalid', 'The import job names no case.');
      const user = await new UserService(this.ctx).get(systemActor(), payload.userId);
      if (user.disabled) {
        throw new AppError('forbidden', 'user_disabled', 'The user who started this import has been disabled.');
      }
      const actor = actorFromUserView(user, 'system', null);
      // Progress writes are chained (in order) and throttled to whole percents.
      let last = '';
      let chain = Promise.resolve();
      const report = (percent: number, message: string) => {
        const whole = Math.floor(percent);
        if (`${whole} ${message}` === last) return;
        last = `${whole} ${message}`;
        chain = chain.then(() => context.progress(whole, message)).catch(() => undefined);
      };
      const options = {
        signal: context.signal,
        onProgress: (done: number, total: number) => report((done / total) * 90, 'analysing'),
        onSaving: () => report(90, 'saving'),
      };
      const service = new RecruitmentService(this.ctx);
      const outcome = payload.evidenceId
        ? await service.importFromEvidence(actor, caseId, payload.evidenceId, { mode: payload.mode }, options)
        : await service.importItems(
            actor,
            caseId,
            {
              bytes: await this.readStaged(staged),
              format: this.format(payload.format),
              mode: payload.mode,
              ...(payload.encoding ? { encoding: this.encoding(payload.encoding) } : {}),
              ...(payload.fileName ? { fileName: payload.fileName } : {}),
              ...(payload.mapping ? { mapping: payload.mapping } : {}),
            },
            options,
          );
      await chain;
      return { ...outcome, errors: outcome.errors.slice(0, 100) };
    } finally {
      if (staged) await fs.rm(staged, { force: true });
    }
  }

  private async readStaged(file: string | null): Promise<Buffer> {
    const bytes = file ? await fs.readFile(file).catch(() => null) : null;
    if (!bytes)
      throw invalid(
        'import_job_file_missing',
        'The uploaded file of this import is not in this server’s data folder: it was removed, or it was uploaded to another server process that does not share TRAG_DATA_DIR (see docs/operations.md). Upload it again.',
      );
    return bytes;
  }

  private format(value: string | undefined) {
    const format = IMPORT_FORMATS.find((f) => f === value);
    if (!format) throw invalid('import_job_invalid', 'The import job names no known format.');
    return format;
  }

  private encoding(value: string) {
    const encoding = IMPORT_ENCODINGS.find((e) => e === value);
    if (!encoding) throw invalid('import_job_invalid', 'The import job names no known encoding.');
    return encoding;
  }

  /** Removes staged uploads left by a worker that died mid-import (their jobs have failed by lease expiry). */
  async sweepStaging(): Promise<number> {
    const names = await fs.readdir(this.stagingDir).catch(() => [] as string[]);
    const cutoff = this.ctx.clock.now().getTime() - STAGING_MAX_AGE_MS;
    let removed = 0;
    for (const name of names) {
      if (!STAGING_ID.test(name)) continue;
      const file = path.join(this.stagingDir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && stat.mtimeMs < cutoff) {
        await fs.rm(file, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}

/** A worker for the `recruitment` queue (one per API process; claiming never gives a job to two workers). */
export function createImportWorker(ctx: CoreContext, options: { pollMs?: number } = {}): JobWorker {
  const jobs = new ImportJobService(ctx);
  return new JobWorker(ctx, { queues: [IMPORT_JOB_QUEUE], leaseMs: LEASE_MS, ...options }).handle(
    IMPORT_JOB_KIND,
    async (context) => ({ ...(await jobs.run(context)) }),
  );
}
