import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrag } from '../testing';
import { systemClock } from '@trag/core/shared';
import { createVictimProtection, masterKeyId } from '@trag/core/victims';
import { registerVictimKeys } from './victim-keys';

const trag = (env: Record<string, string | undefined>, ...args: string[]) => runTrag([registerVictimKeys], env, args);

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
