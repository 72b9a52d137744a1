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

describe('trag evidence add', () => {
  let dataDir: string;
  let reference: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'trag-evidence-cli-'));
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
      await new UserService(ctx).create(systemActor(), {
        agencyId: agency.id,
        username: 'other',
        displayName: 'Other',
        role: 'investigator',
        password: 'Amber-lantern-river-42',
      });
    } finally {
      await database.destroy();
    }
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('collects files and an export folder into a case found by its reference', async () => {
    const result = await trag(
      dataDir,
      'evidence',
      'add',
      reference,
      path.join(fixtures, 'oglas.html'),
      path.join(fixtures, 'telegram-export'),
      '--as',
      'amra',
      '--description',
      'Advert and chat',
      '--legal-basis',
      'KPS-1/26',
      '--import',
      '--json',
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { items } = JSON.parse(result.stdout) as {
      items: { exhibitNumber: string; importFormat: string; metadata: { messages?: number } }[];
    };
    expect(items.map((i) => i.importFormat)).toEqual(['html', 'telegram_desktop']);
    expect(items[1]!.metadata.messages).toBe(7);
  });

  it('refuses a user who is not a member of the case, without saying whether it exists', async () => {
    const result = await trag(
      dataDir,
      'evidence',
      'add',
      reference,
      path.join(fixtures, 'oglas.html'),
      '--as',
      'other',
      '--description',
      'x',
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/case_not_found/);
  });
});
