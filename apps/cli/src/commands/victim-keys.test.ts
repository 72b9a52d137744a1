import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '@trag/core/shared';
import { createVictimProtection, masterKeyId } from '@trag/core/victims';
import { registerVictimKeys } from './victim-keys';

// Runs the command in-process with the given environment; returns exit code, stdout and stderr.
async function trag(env: Record<string, string | undefined>, ...args: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => (err.push(String(c)), true));
  const l = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ') + '\n'));
  try {
    const program = new Command().exitOverride();
    registerVictimKeys(program);
    process.exitCode = 0;
    await program.parseAsync(['node', 'trag', ...args]);
    return { code: Number(process.exitCode ?? 0), stdout: out.join(''), stderr: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
    l.mockRestore();
    process.exitCode = 0;
    process.env = saved;
  }
}

describe('trag victims keys / rotate-keys', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'trag-victim-keys-cli-'));
    const p = createVictimProtection(
      { dataDir, clock: systemClock },
      { env: { TRAG_MASTER_KEY: oldKey }, allowGeneratedKey: false },
    );
    for (let i = 0; i < 3; i++) p.newRecordKey(`rec-${i}`);
    await p.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a key that opens none of the data keys, without printing it', async () => {
    const r = await trag(
      { TRAG_DATA_DIR: dataDir, TRAG_MASTER_KEY: newKey, NODE_ENV: 'production' },
      'victims',
      'keys',
    );
    expect(r.code).toBe(7);
    expect(r.stderr).toContain('master_key_mismatch');
    expect(r.stderr).not.toContain(newKey);
  });

  it('re-wraps every data key under the new master key', async () => {
    const r = await trag(
      { TRAG_DATA_DIR: dataDir, TRAG_MASTER_KEY: newKey, TRAG_MASTER_KEY_PREVIOUS: oldKey, NODE_ENV: 'production' },
      'victims',
      'rotate-keys',
      '--batch',
      '2',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('re-wrapped 3 data key(s); remaining under old master keys: 0');
    const status = await trag(
      { TRAG_DATA_DIR: dataDir, TRAG_MASTER_KEY: newKey, TRAG_MASTER_KEY_PREVIOUS: undefined },
      'victims',
      'keys',
    );
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`${masterKeyId(Buffer.from(newKey, 'base64'))}: 3`);
  });
});
