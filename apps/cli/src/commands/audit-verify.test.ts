import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDatabase, migrateToLatest } from '@trag/db';
import { AuditService } from '@trag/core/audit';
import { systemActor, systemClock } from '@trag/core/shared';
import { registerAuditVerify } from './audit-verify';

// Runs the command in-process (as `trag audit verify …` would) and returns its exit code and output.
async function trag(dataDir: string, ...args: string[]) {
  const saved = { dir: process.env.TRAG_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.TRAG_DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  try {
    const program = new Command().exitOverride();
    registerAuditVerify(program);
    process.exitCode = 0;
    await program.parseAsync(['node', 'trag', ...args]);
    return { code: Number(process.exitCode ?? 0), stdout: out.join('') };
  } finally {
    spy.mockRestore();
    process.exitCode = 0;
    if (saved.dir === undefined) delete process.env.TRAG_DATA_DIR;
    else process.env.TRAG_DATA_DIR = saved.dir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  }
}

describe('trag audit verify', () => {
  let dataDir: string;
  let entryId = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'trag-audit-cli-'));
    const database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
    await migrateToLatest(database);
    const audit = new AuditService({ database, clock: systemClock, dataDir });
    for (let i = 0; i < 3; i++) await audit.record(systemActor(), { action: 'case.read', recordId: `c${i}` });
    entryId = (await database.db.selectFrom('audit_log').select('id').where('seq', '=', 2).executeTakeFirstOrThrow())
      .id;
    await database.destroy();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 and counts the entries when the chain holds', async () => {
    const result = await trag(dataDir, 'audit', 'verify', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, checked: 3, broken: null, head: { seq: 3 } });
  });

  it('exits non-zero naming the first broken entry by seq, id and problem', async () => {
    const database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
    await sql`DROP TRIGGER audit_log_no_update`.execute(database.db);
    await database.db.updateTable('audit_log').set({ action: 'case.update' }).where('seq', '=', 2).execute();
    await database.destroy();
    const text = await trag(dataDir, 'audit', 'verify');
    expect(text.code).toBe(8);
    expect(text.stdout).toContain(`seq=2 id=${entryId} (hash_mismatch)`);
    const json = await trag(dataDir, 'audit', 'verify', '--json');
    expect(json.code).toBe(8);
    expect(JSON.parse(json.stdout).broken).toMatchObject({ seq: 2, id: entryId, problem: 'hash_mismatch' });
  });
});
