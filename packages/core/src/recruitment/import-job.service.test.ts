import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { CaseService } from '@trag/core/cases';
import { JobService, type JobContext } from '@trag/core/platform';
import { fixedClock, type Actor, type CoreContext } from '@trag/core/shared';
// Builders of the cases domain, for tests only.
import { buildActor, buildAgency } from '../cases/cases.builders';
import { createImportWorker, ImportJobService } from './import-job.service';
import { RecruitmentService } from './recruitment.service';

const ADS = Array.from({ length: 1200 }, (_, i) =>
  JSON.stringify({
    id: `ad-${i}`,
    text: `Posao u Austriji ${i}, bez iskustva, smještaj plaćen, kotizacija 200 EUR unaprijed. Viber +381 64 111 ${String(2000 + (i % 50))}`,
  }),
).join('\n');

describeEachDialect('recruitment import jobs', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  let investigator: Actor;
  let caseId: string;
  let dataDir: string;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    dataDir = mkdtempSync(path.join(tmpdir(), 'trag-recruitment-jobs-'));
    ctx = { database, clock: fixedClock('2026-11-30T10:00:00.000Z'), dataDir };
    const agency = await buildAgency(database, { prefix: 'SIPA' });
    investigator = await buildActor(database, { agencyId: agency.id });
    caseId = (await new CaseService(ctx).create(investigator, { title: 'Oglasi', type: 'labour_exploitation' })).id;
  });
  afterEach(async () => database.destroy());

  const staged = () => readdirSync(path.join(dataDir, 'recruitment-staging'));
  const count = async () =>
    (await new RecruitmentService(ctx).listItems(investigator, caseId, { limit: 1, offset: 0 })).total;

  it('runs a queued import on the worker with progress, keeps the outcome on the job and removes the staged file', async () => {
    const job = await new ImportJobService(ctx).enqueueFile(investigator, caseId, {
      bytes: Buffer.from(ADS),
      format: 'jsonl',
      mode: 'all_or_nothing',
      fileName: 'ads.jsonl',
    });
    expect(job).toMatchObject({ status: 'queued', kind: 'recruitment.import', caseId });
    expect(staged()).toHaveLength(1);
    // The payload names the staged file, never the content.
    const row = await database.db
      .selectFrom('jobs')
      .select('payload')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row.payload).not.toContain('Austriji');

    const progress: Array<[number, string | undefined]> = [];
    const service = new ImportJobService(ctx);
    const context: JobContext = {
      job: {
        id: job.id,
        kind: job.kind,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        attempt: 1,
        caseId,
      },
      signal: new AbortController().signal,
      progress: (percent, message) => {
        progress.push([percent, message]);
        return Promise.resolve();
      },
    };
    const outcome = await service.run(context);
    expect(outcome.itemsImported).toBe(1200);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.map((p) => p[0])).toEqual([...progress.map((p) => p[0])].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual([90, 'saving']);
    expect(progress.some((p) => p[1] === 'analysing')).toBe(true);
    expect(staged()).toEqual([]);
    expect(await count()).toBe(1200);
  });

  it('the worker claims the job from the recruitment queue and records success', async () => {
    const job = await new ImportJobService(ctx).enqueueFile(investigator, caseId, {
      bytes: Buffer.from(ADS.split('\n').slice(0, 10).join('\n')),
      format: 'jsonl',
      mode: 'skip_bad',
    });
    expect(await createImportWorker(ctx).runOnce()).toBe(job.id);
    const done = await new JobService(ctx).get(investigator, job.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, result: { itemsImported: 10 } });
    expect(await count()).toBe(10);
  });

  it('a cancelled job imports nothing and leaves no staged file; a bad file fails with its reason', async () => {
    const service = new ImportJobService(ctx);
    const job = await service.enqueueFile(investigator, caseId, {
      bytes: Buffer.from(ADS),
      format: 'jsonl',
      mode: 'skip_bad',
    });
    const payload = JSON.parse(
      (await database.db.selectFrom('jobs').select('payload').where('id', '=', job.id).executeTakeFirstOrThrow())
        .payload,
    ) as Record<string, unknown>;
    const controller = new AbortController();
    controller.abort();
    await expect(
      service.run({
        job: { id: job.id, kind: job.kind, payload, attempt: 1, caseId },
        signal: controller.signal,
        progress: () => Promise.resolve(),
      }),
    ).rejects.toMatchObject({ code: 'import_cancelled' });
    expect(staged()).toEqual([]);
    expect(await count()).toBe(0);

    const bad = await service.enqueueFile(investigator, caseId, {
      bytes: Buffer.from('{"id": 1, "text": "ok"}\nnot json'),
      format: 'jsonl',
      mode: 'all_or_nothing',
    });
    await createImportWorker(ctx).runOnce();
    const failed = await new JobService(ctx).get(investigator, bad.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/malformed \(first at line 2\)/);
    expect(await count()).toBe(0);
  });

  it('refuses to queue an import for someone who may not write in the case', async () => {
    const outsider = await buildActor(database, { agencyId: investigator.agencyId });
    await expect(
      new ImportJobService(ctx).enqueueFile(outsider, caseId, {
        bytes: Buffer.from(ADS),
        format: 'jsonl',
        mode: 'skip_bad',
      }),
    ).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('streams an upload to the staging folder and queues it; a too large, empty or broken upload leaves nothing', async () => {
    const service = new ImportJobService(ctx, { maxUploadBytes: 64 * 1024 });
    // Many small chunks, as a socket delivers them.
    const chunks = ADS.split('\n')
      .slice(0, 100)
      .map((line) => Buffer.from(`${line}\n`));
    const job = await service.enqueueUpload(investigator, caseId, Readable.from(chunks), {
      format: 'jsonl',
      mode: 'all_or_nothing',
      fileName: 'ads.jsonl',
    });
    expect(staged()).toHaveLength(1);
    expect(await createImportWorker(ctx).runOnce()).toBe(job.id);
    expect(await new JobService(ctx).get(investigator, job.id)).toMatchObject({
      status: 'succeeded',
      result: { itemsImported: 100 },
    });
    expect(staged()).toEqual([]);

    const jobsBefore = (await database.db.selectFrom('jobs').select('id').execute()).length;
    const big = Array.from({ length: 10 }, () => Buffer.alloc(8 * 1024, 0x61));
    await expect(
      service.enqueueUpload(investigator, caseId, Readable.from(big), { format: 'text', mode: 'skip_bad' }),
    ).rejects.toMatchObject({ kind: 'too_large', code: 'import_too_large', message: /larger than 64 KiB/ });
    await expect(
      service.enqueueUpload(investigator, caseId, Readable.from([]), { format: 'text', mode: 'skip_bad' }),
    ).rejects.toMatchObject({ code: 'import_empty' });
    const broken = new Readable({
      read() {
        this.push(Buffer.from('Posao u Austriji\n'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(
      service.enqueueUpload(investigator, caseId, broken, { format: 'text', mode: 'skip_bad' }),
    ).rejects.toThrow('connection reset');
    expect(staged()).toEqual([]);
    expect((await database.db.selectFrom('jobs').select('id').execute()).length).toBe(jobsBefore);
  });

  it('a job whose staged file is not on this process fails with a reason an operator can act on', async () => {
    const job = await new ImportJobService(ctx).enqueueFile(investigator, caseId, {
      bytes: Buffer.from(ADS.split('\n').slice(0, 5).join('\n')),
      format: 'jsonl',
      mode: 'skip_bad',
    });
    // As if another API process, with a data folder of its own, had received the upload.
    for (const name of staged()) rmSync(path.join(dataDir, 'recruitment-staging', name));
    await createImportWorker(ctx).runOnce();
    const failed = await new JobService(ctx).get(investigator, job.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/does not share TRAG_DATA_DIR/);
    expect(await count()).toBe(0);
  });
});
