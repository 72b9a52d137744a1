// A crash (kill -9) mid-upload leaves the case consistent: no item, no custody entry, and after the clean-up no
// temporary file and no unreferenced blob.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from '@trag/db';
import { CaseService } from '../cases';
import { buildActor, buildAgency } from '../cases/cases.builders';
import { systemClock } from '../shared';
import { LocalBlobStore } from './blob-store';
import { tempDir } from './evidence.builders';
import { EvidenceService } from './evidence.service';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');

describe('crash safety', () => {
  it('kill -9 mid-upload leaves no item; the clean-up removes the partial file and orphan blobs', async () => {
    const dir = tempDir('trag-crash-');
    const sqlitePath = path.join(dir, 'trag.sqlite');
    const dataDir = path.join(dir, 'data');
    let database = createDatabase({ sqlitePath });
    await migrateToLatest(database);
    const ctx = { database, clock: systemClock, dataDir };
    const agency = await buildAgency(database);
    const actor = await buildActor(database, { agencyId: agency.id });
    const caseId = (await new CaseService(ctx).create(actor, { title: 'Crash', type: 'other' })).id;
    const kept = await new EvidenceService(ctx).collect(
      actor,
      caseId,
      { fileName: 'kept.txt', description: 'kept' },
      Readable.from([Buffer.from('kept')]),
    );
    await database.destroy();

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(here, 'fixtures/crash-upload.child.ts'),
        sqlitePath,
        dataDir,
        JSON.stringify(actor),
        caseId,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && resolve());
      child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const store = new LocalBlobStore(dataDir);
    expect(readdirSync(path.join(store.root, 'tmp')).length).toBe(1);
    // An orphan blob, as an import killed after storing an attachment would leave.
    const orphan = await store.put(Readable.from([Buffer.from('attachment stored before the crash')]));

    database = createDatabase({ sqlitePath });
    try {
      const service = new EvidenceService({ database, clock: systemClock, dataDir });
      const items = await database.db.selectFrom('evidence_items').select('id').execute();
      expect(items.map((i) => i.id)).toEqual([kept.id]);
      expect(await service.cleanUpAfterCrash(0)).toEqual({ temporary: 1, orphans: 1 });
      expect(await store.has(orphan.sha256)).toBe(false);
      expect(await store.has(kept.sha256)).toBe(true);
      expect((await service.verify(actor, kept.id)).ok).toBe(true);
    } finally {
      await database.destroy();
    }
  });
});
