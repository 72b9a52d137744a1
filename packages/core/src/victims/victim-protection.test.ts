import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock';
import { masterKeyId, open, seal } from './envelope';
import { DataKeyVault } from './key-vault';
import { keyFilePath, loadMasterKeyring } from './master-key';
import { createVictimProtection } from './victim-protection';

const clock = fixedClock('2026-11-30T09:00:00.000Z');
const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'trag-victims-keys-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

function expectCode(fn: () => unknown, code: string) {
  try {
    fn();
  } catch (error) {
    expect((error as { code?: string }).code).toBe(code);
    return error as Error;
  }
  throw new Error(`expected ${code}`);
}

describe('envelope boxes', () => {
  it("round-trips and refuses another record's AAD or a flipped byte", () => {
    const key = randomBytes(32);
    const box = seal(key, 'Ana Test', 'rec-1|identity');
    expect(open(key, box, 'rec-1|identity').toString()).toBe('Ana Test');
    expectCode(() => open(key, box, 'rec-2|identity'), 'decryption_failed');
    const raw = Buffer.from(box.slice(3), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expectCode(() => open(key, 'v1:' + raw.toString('base64'), 'rec-1|identity'), 'decryption_failed');
    expectCode(() => open(randomBytes(32), box, 'rec-1|identity'), 'decryption_failed');
  });
});

describe('master key configuration', () => {
  it('refuses to start in production without TRAG_MASTER_KEY and says what to set', () => {
    const error = expectCode(
      () => loadMasterKeyring({ env: {}, dataDir, allowGeneratedKey: false }),
      'master_key_missing',
    );
    expect(error.message).toContain('TRAG_MASTER_KEY');
  });

  it('refuses a malformed key without echoing it', () => {
    const error = expectCode(
      () => loadMasterKeyring({ env: { TRAG_MASTER_KEY: 'too-short-secret' }, dataDir, allowGeneratedKey: false }),
      'master_key_invalid',
    );
    expect(error.message).not.toContain('too-short-secret');
  });

  it('generates a mode-600 key file in demo mode, says so, and reuses it', () => {
    const first = loadMasterKeyring({ env: {}, dataDir, allowGeneratedKey: true });
    expect(first.source).toBe('generated-file');
    expect(first.notice).toContain(keyFilePath(dataDir));
    expect(statSync(keyFilePath(dataDir)).mode & 0o777).toBe(0o600);
    const second = loadMasterKeyring({ env: {}, dataDir, allowGeneratedKey: true });
    expect(second.current.id).toBe(first.current.id);
    expect(second.notice).toBeNull();
  });

  it('refuses a key file that others can read', () => {
    mkdirSync(path.dirname(keyFilePath(dataDir)), { recursive: true });
    writeFileSync(keyFilePath(dataDir), keyA, { mode: 0o644 });
    expectCode(() => loadMasterKeyring({ env: {}, dataDir, allowGeneratedKey: true }), 'master_key_file_permissions');
  });

  it('refuses to start with a key that does not open the existing data keys', async () => {
    const good = createVictimProtection(
      { dataDir, clock },
      { env: { TRAG_MASTER_KEY: keyA }, allowGeneratedKey: false },
    );
    good.newRecordKey('rec-1');
    await good.close();
    const error = expectCode(
      () => createVictimProtection({ dataDir, clock }, { env: { TRAG_MASTER_KEY: keyB }, allowGeneratedKey: false }),
      'master_key_mismatch',
    );
    expect(error.message).not.toContain(keyA);
    expect(error.message).not.toContain(keyB);
  });
});

describe('key rotation', () => {
  it('re-wraps data keys under the new master key while records stay readable, then works without the old key', async () => {
    const before = createVictimProtection(
      { dataDir, clock },
      { env: { TRAG_MASTER_KEY: keyA }, allowGeneratedKey: false },
    );
    const boxes: { recordId: string; keyId: string; box: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const recordId = `rec-${i}`;
      const { keyId, key } = before.newRecordKey(recordId);
      boxes.push({ recordId, keyId, box: before.sealJson(key, recordId, 'identity', { name: `Person ${i}` }) });
    }
    await before.close();

    // New key current, old key still listed: the server starts and every record opens, mid-rotation too.
    const during = createVictimProtection(
      { dataDir, clock },
      { env: { TRAG_MASTER_KEY: keyB, TRAG_MASTER_KEY_PREVIOUS: keyA }, allowGeneratedKey: false },
    );
    const step = during.vault.rotateBatch(2);
    expect(step).toEqual({ rewrapped: 2, remaining: 3 });
    for (const b of boxes) {
      expect(during.openJson(during.recordKey(b.keyId, b.recordId), b.recordId, 'identity', b.box)).toEqual({
        name: `Person ${b.recordId.slice(4)}`,
      });
    }
    during.vault.rotateAll(2);
    expect(during.vault.stats().byMasterKey).toEqual({ [masterKeyId(Buffer.from(keyB, 'base64'))]: 5 });
    await during.close();

    const after = createVictimProtection(
      { dataDir, clock },
      { env: { TRAG_MASTER_KEY: keyB }, allowGeneratedKey: false },
    );
    const b = boxes[3]!;
    expect(after.openJson(after.recordKey(b.keyId, b.recordId), b.recordId, 'identity', b.box)).toEqual({
      name: 'Person 3',
    });
    await after.close();
  });
});

describe('crypto-shredding', () => {
  it('makes a record unreadable in a database backup taken before the erasure, and leaves no key bytes in the vault', async () => {
    const protection = createVictimProtection(
      { dataDir, clock },
      { env: { TRAG_MASTER_KEY: keyA }, allowGeneratedKey: false },
    );
    const kept = protection.newRecordKey('rec-kept');
    const gone = protection.newRecordKey('rec-gone');
    // "Backup": the ciphertexts as a database copy would hold them.
    const backup = {
      kept: protection.sealJson(kept.key, 'rec-kept', 'identity', { name: 'Kept' }),
      gone: protection.sealJson(gone.key, 'rec-gone', 'identity', { name: 'Gone' }),
    };
    const vaultFile = path.join(dataDir, 'keys', 'data-keys.sqlite');
    const wrappedBefore = readFileSync(vaultFile);
    expect(protection.shred(gone.keyId)).toBe(true);
    expect(() => protection.recordKey(gone.keyId, 'rec-gone')).toThrow(/erased/);
    expect(
      protection.openJson(protection.recordKey(kept.keyId, 'rec-kept'), 'rec-kept', 'identity', backup.kept),
    ).toEqual({
      name: 'Kept',
    });
    // The erased record's ciphertext from the backup opens with no key the system still has.
    for (const [, key] of protection.keyring.byId)
      expect(() => open(key, backup.gone, 'trag/victim/v1|rec-gone|identity')).toThrow();
    await protection.close();
    // secure_delete: the vault file no longer contains the wrapped key row's id.
    copyFileSync(vaultFile, path.join(dataDir, 'vault-copy.sqlite'));
    expect(wrappedBefore.length).toBeGreaterThan(0);
    expect(readFileSync(vaultFile).includes(Buffer.from(gone.keyId))).toBe(false);
    expect(readFileSync(vaultFile).includes(Buffer.from(kept.keyId))).toBe(true);
  });

  it('a vault opened in memory also works (used by benchmarks)', async () => {
    const keyring = loadMasterKeyring({ env: { TRAG_MASTER_KEY: keyA }, dataDir, allowGeneratedKey: false });
    const vault = new DataKeyVault(':memory:', keyring, clock);
    const { id, key } = vault.create('x');
    expect(vault.get(id, 'x').equals(key)).toBe(true);
    expect(() => vault.get(id, 'y')).toThrow(/erased/);
    await vault.close();
  });
});
