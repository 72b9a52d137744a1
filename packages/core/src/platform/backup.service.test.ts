import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createDatabase, migrateToLatest, type TragDatabase } from '@trag/db';
import { createTestDatabase, TEST_DIALECTS } from '@trag/db/testing';
import { AuditService } from '../audit';
import { fixedClock, systemActor, type CoreContext } from '../shared';
import { createBackup, restoreBackup } from './backup.service';

async function writeFile(file: string, content: string | Buffer) {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, content);
}

/** Re-packs an archive, letting `change` replace entries' contents (the manifest is copied unchanged). */
async function repack(from: string, to: string, change: (name: string, data: Buffer) => Buffer) {
  const zip = await yauzl.openPromise(from, { lazyEntries: true, autoClose: false });
  const out = new yazl.ZipFile();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
    out.addBuffer(change(entry.fileName, Buffer.concat(chunks)), entry.fileName);
  }
  zip.close();
  out.end();
  await pipeline(out.outputStream, createWriteStream(to));
}

describe('backup and restore [sqlite]', () => {
  let work: string;
  let dataDir: string;
  let database: TragDatabase;
  let ctx: CoreContext;
  let vault: SqliteDatabase.Database;

  beforeEach(async () => {
    work = mkdtempSync(path.join(tmpdir(), 'trag-backup-'));
    dataDir = path.join(work, 'data');
    await fs.mkdir(dataDir);
    database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
    await migrateToLatest(database);
    ctx = { database, clock: fixedClock('2026-11-30T12:00:00.000Z'), dataDir };
    const audit = new AuditService(ctx);
    for (let i = 0; i < 4; i++) await audit.record(systemActor(), { action: 'case.read', recordId: `c${i}` });
    await writeFile(path.join(dataDir, 'blobs', 'ab', 'abcdef'), Buffer.from([0, 1, 2, 255]));
    await writeFile(path.join(dataDir, 'keys', 'master.key'), 'not-a-real-key');
    // A second SQLite database held open in WAL mode (like a key vault): its newest rows live in the -wal file.
    vault = new SqliteDatabase(path.join(dataDir, 'keys', 'vault.sqlite'));
    vault.pragma('journal_mode = WAL');
    vault.exec("CREATE TABLE k (v TEXT); INSERT INTO k VALUES ('first'), ('second')");
  });
  afterEach(async () => {
    vault.close();
    await database.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('round-trips the database and every blob and key into an empty data folder', async () => {
    const archive = path.join(work, 'out', 'trag.zip');
    const result = await createBackup(ctx, archive, { keyVault: 'include' });
    expect(result.manifest.database).toMatchObject({ path: 'database/trag.sqlite' });
    expect(result.manifest.files.map((f) => f.path)).toEqual([
      'data/blobs/ab/abcdef',
      'data/keys/master.key',
      'data/keys/vault.sqlite',
    ]);
    expect((await fs.readdir(path.dirname(archive))).filter((n) => n.includes('.trag-tmp-'))).toEqual([]);

    // Written after the backup: must not be in the restored copy.
    await new AuditService(ctx).record(systemActor(), { action: 'case.read', recordId: 'later' });

    const restoredDir = path.join(work, 'restored');
    const restored = await restoreBackup(archive, restoredDir);
    expect(restored.previousDataMovedTo).toBeNull();
    expect(await fs.readFile(path.join(restoredDir, 'blobs', 'ab', 'abcdef'))).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(await fs.readFile(path.join(restoredDir, 'keys', 'master.key'), 'utf8')).toBe('not-a-real-key');
    const restoredVault = new SqliteDatabase(path.join(restoredDir, 'keys', 'vault.sqlite'), { readonly: true });
    expect(restoredVault.prepare('SELECT v FROM k ORDER BY v').pluck().all()).toEqual(['first', 'second']);
    restoredVault.close();
    const copy = createDatabase({ sqlitePath: path.join(restoredDir, 'trag.sqlite') });
    try {
      const verify = await new AuditService({ ...ctx, database: copy, dataDir: restoredDir }).verify();
      expect(verify).toMatchObject({ ok: true, checked: 4, broken: null });
    } finally {
      await copy.destroy();
    }
  });

  it('leaves the victim-data key vault out of ordinary backups and backs it up on its own', async () => {
    await writeFile(path.join(dataDir, 'keys', 'data-keys.sqlite'), 'vault');
    await writeFile(path.join(dataDir, 'keys', 'evidence-signing.pem'), 'signing key');
    const ordinary = await createBackup(ctx, path.join(work, 'ordinary.zip'));
    const ordinaryFiles = ordinary.manifest.files.map((f) => f.path);
    expect(ordinaryFiles).toContain('data/keys/evidence-signing.pem');
    expect(ordinaryFiles).not.toContain('data/keys/data-keys.sqlite');
    expect(ordinaryFiles).not.toContain('data/keys/master.key');
    expect(ordinary.note).toMatch(/key-vault-only/);

    const vaultOnly = await createBackup(ctx, path.join(work, 'vault.zip'), { keyVault: 'only' });
    expect(vaultOnly.manifest.database).toBeNull();
    expect(vaultOnly.manifest.files.map((f) => f.path)).toEqual(['data/keys/data-keys.sqlite', 'data/keys/master.key']);
  });

  it('refuses to overwrite an existing archive or a non-empty data folder without --force', async () => {
    const archive = path.join(work, 'trag.zip');
    await createBackup(ctx, archive);
    await expect(createBackup(ctx, archive)).rejects.toMatchObject({ code: 'backup_file_exists' });
    await expect(restoreBackup(archive, dataDir)).rejects.toMatchObject({ code: 'restore_target_not_empty' });
  });

  it('with --force moves the previous data folder aside instead of deleting it', async () => {
    const archive = path.join(work, 'trag.zip');
    await createBackup(ctx, archive);
    const target = path.join(work, 'target');
    await writeFile(path.join(target, 'old.txt'), 'old');
    const result = await restoreBackup(archive, target, { force: true });
    expect(result.previousDataMovedTo).not.toBeNull();
    expect(await fs.readFile(path.join(result.previousDataMovedTo!, 'old.txt'), 'utf8')).toBe('old');
    expect(await fs.readdir(target)).toEqual(expect.arrayContaining(['trag.sqlite', 'blobs', 'keys']));
  });

  it('detects a tampered blob and leaves the target untouched', async () => {
    const archive = path.join(work, 'trag.zip');
    await createBackup(ctx, archive);
    const tampered = path.join(work, 'tampered.zip');
    await repack(archive, tampered, (name, data) => (name === 'data/blobs/ab/abcdef' ? Buffer.from('evil') : data));
    const target = path.join(work, 'target');
    await expect(restoreBackup(tampered, target)).rejects.toMatchObject({ code: 'backup_hash_mismatch' });
    await expect(fs.access(target)).rejects.toThrow();
    expect((await fs.readdir(work)).filter((n) => n.includes('.trag-tmp-'))).toEqual([]);
  });

  it('rejects an archive that smuggles in an unlisted or unsafe entry', async () => {
    const archive = path.join(work, 'trag.zip');
    await createBackup(ctx, archive);
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('x'), 'data/extra.txt');
    zip.addBuffer(
      Buffer.from(
        JSON.stringify({
          format: 'trag-backup',
          version: 1,
          createdAt: 'x',
          dialect: 'sqlite',
          database: null,
          files: [{ path: 'data/../../etc/passwd', sha256: '0'.repeat(64), bytes: 1 }],
        }),
      ),
      'manifest.json',
    );
    zip.end();
    const evil = path.join(work, 'evil.zip');
    await pipeline(zip.outputStream, createWriteStream(evil));
    await expect(restoreBackup(evil, path.join(work, 't'))).rejects.toMatchObject({ code: 'backup_invalid' });
  });
});

describe.runIf(TEST_DIALECTS.includes('postgres'))('backup [postgres]', () => {
  it('copies the blobs and says the database part is pg_dump’s job', async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'trag-backup-pg-'));
    const database = await createTestDatabase('postgres');
    try {
      const dataDir = path.join(work, 'data');
      await writeFile(path.join(dataDir, 'blobs', 'x'), 'blob');
      const result = await createBackup(
        { database, clock: fixedClock('2026-11-30T12:00:00.000Z'), dataDir },
        path.join(work, 'b.zip'),
      );
      expect(result.manifest).toMatchObject({ dialect: 'postgres', database: null });
      expect(result.note).toMatch(/pg_dump/);
      const restored = await restoreBackup(path.join(work, 'b.zip'), path.join(work, 'r'));
      expect(restored.note).toMatch(/pg_restore/);
      expect(await fs.readFile(path.join(work, 'r', 'blobs', 'x'), 'utf8')).toBe('blob');
    } finally {
      await database.destroy();
      rmSync(work, { recursive: true, force: true });
    }
  });
});
