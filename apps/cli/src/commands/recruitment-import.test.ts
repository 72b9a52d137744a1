import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, migrateToLatest } from '@trag/db';
import { AgencyService, UserService } from '@trag/core/identity';
import { CaseService } from '@trag/core/cases';
import { systemActor, systemClock, type Actor } from '@trag/core/shared';
import { registerEvidence } from './evidence-commands';
import { registerRecruitment } from './recruitment-group';

const fixtures = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../packages/core/src/evidence/fixtures',
);

async function trag(dataDir: string, ...args: string[]) {
  const saved = { dir: process.env.TRAG_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.TRAG_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  try {
    const program = new Command().exitOverride();
    registerEvidence(program);
    registerRecruitment(program);
    process.exitCode = 0;
    await program.parseAsync(['node', 'trag', ...args]);
    return { code: Number(process.exitCode ?? 0), stdout: out.join('\n'), stderr: err.join('') };
  } finally {
    log.mockRestore();
    stderr.mockRestore();
    process.exitCode = 0;
    if (saved.dir === undefined) delete process.env.TRAG_DATA_DIR;
    else process.env.TRAG_DATA_DIR = saved.dir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  }
}

describe('trag recruitment import', () => {
  let dataDir: string;
  let reference: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'trag-recruitment-cli-'));
    const database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
    try {
      await migrateToLatest(database);
      const ctx = { database, clock: systemClock, dataDir };
      const agency = await new AgencyService(ctx).create(systemActor(), {
        name: 'Test police',
        country: 'BA',
        kind: 'police',
        requireTotp: false,
      });
      const user = await new UserService(ctx).create(systemActor(), {
        agencyId: agency.id,
        username: 'amra',
        displayName: 'Amra Hodžić',
        role: 'investigator',
        password: 'Amber-lantern-river-42',
      });
      const actor: Actor = {
        userId: user.id,
        username: 'amra',
        displayName: 'Amra Hodžić',
        agencyId: agency.id,
        unitId: null,
        role: 'investigator',
        ip: null,
        via: 'system',
      };
      reference = (await new CaseService(ctx).create(actor, { title: 'CLI case', type: 'other' })).reference;
    } finally {
      await database.destroy();
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports a WARC capture collected as evidence, found by its exhibit number', async () => {
    const added = await trag(
      dataDir,
      'evidence',
      'add',
      reference,
      path.join(fixtures, 'oglas.warc.gz'),
      '--as',
      'amra',
      '--description',
      'Capture of an advert',
      '--import',
      '--json',
    );
    expect(added.code).toBe(0);
    const exhibit = (JSON.parse(added.stdout) as { items: { exhibitNumber: string }[] }).items[0]!.exhibitNumber;
    const result = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      '--evidence',
      exhibit,
      '--as',
      'amra',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ itemsImported: 1, linesRejected: 0 });
  });

  it('imports a saved HTML file from disk, format from its name', async () => {
    const result = await trag(
      dataDir,
      'recruitment',
      'import',
      reference,
      path.join(fixtures, 'oglas.html'),
      '--as',
      'amra',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported 1 item\(s\), [01] flagged, 0 rejected/);
  });

  it('refuses a file together with --evidence, and an unknown evidence item', async () => {
    const both = await trag(dataDir, 'recruitment', 'import', reference, 'x.html', '--evidence', 'E1', '--as', 'amra');
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('recruitment_import_source');
    const missing = await trag(dataDir, 'recruitment', 'import', reference, '--evidence', 'NOPE-1', '--as', 'amra');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('evidence_not_in_case');
  });
});
