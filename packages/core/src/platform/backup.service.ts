// `trag backup` and `trag restore`: one archive with the database and every file of the data folder, each listed
// with its SHA-256 in a manifest (format: backup-manifest.ts). Writes are atomic: the archive (or the restored data
// folder) is built under a temporary name beside its destination and renamed into place only when complete.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SqliteDatabase from 'better-sqlite3';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { CoreContext } from '../shared/context';
import { AppError, conflict, invalid } from '../shared/errors';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  DATA_PREFIX,
  DATABASE_ENTRY,
  MANIFEST_NAME,
  manifestProblem,
  type BackupFileEntry,
  type BackupManifest,
} from './backup-manifest';

/** File name of the SQLite database inside TRAG_DATA_DIR (apps/api/src/main.ts opens the same name). */
export const SQLITE_FILE_NAME = 'trag.sqlite';

const TEMP_MARK = '.trag-tmp-';

export const PG_DUMP_NOTE =
  'The database runs on PostgreSQL: this archive holds the data folder (evidence blobs, keys) only. ' +
  'Back the database up with pg_dump at the same time, e.g. pg_dump --format=custom "$DATABASE_URL" > trag.pgdump, ' +
  'and restore it with pg_restore.';

/**
 * The victims module's key vault (wrapped per-record data keys) and, in demo mode, the generated master key.
 * Erasure deletes a record's data key from the vault (crypto-shredding); if ordinary backups carried the vault, every
 * backup taken before the erasure could still open the record. So ordinary backups leave the vault out, and the
 * vault is backed up on its own (`keyVault: 'only'`) and kept for a short, documented time (docs/operations.md).
 */
const KEY_VAULT_FILES = /^keys\/(data-keys\.sqlite(-wal|-shm|-journal)?|master\.key)$/;

/** exclude (default): everything but the key vault; include: everything; only: just the key vault. */
export type KeyVaultMode = 'exclude' | 'include' | 'only';

export const KEY_VAULT_NOTE =
  'The victim-data key vault (keys/data-keys.sqlite) is not in this archive, so that erasing a record also makes ' +
  'this backup unreadable for it. Back the vault up separately with "trag backup --key-vault-only <file>" and keep ' +
  'those copies only as long as your retention rules allow.';

export interface BackupResult {
  archivePath: string;
  manifest: BackupManifest;
  /** Set on PostgreSQL: what the operator must do for the database part. */
  note: string | null;
}

async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

async function isSqliteFile(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    return bytesRead === header.length && header.equals(SQLITE_HEADER);
  } finally {
    await handle.close();
  }
}

function isDatabaseFile(name: string): boolean {
  return name === SQLITE_FILE_NAME || name.startsWith(`${SQLITE_FILE_NAME}-`);
}

/** Regular files under dataDir (relative, '/'-separated), minus the SQLite files, temporaries and excluded paths. */
async function listDataFiles(dataDir: string, exclude: Set<string>): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, entry.name);
      const relPath = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.name.includes(TEMP_MARK) || exclude.has(path.resolve(abs))) continue;
      if (!rel && isDatabaseFile(entry.name)) continue;
      if (entry.isDirectory()) await walk(abs, relPath);
      else if (entry.isFile()) out.push(relPath);
    }
  }
  await walk(dataDir, '');
  return out;
}

async function writeAtomically(destination: string, write: (tempPath: string) => Promise<void>): Promise<void> {
  const temp = path.join(
    path.dirname(destination),
    `${path.basename(destination)}${TEMP_MARK}${randomBytes(4).toString('hex')}`,
  );
  try {
    await write(temp);
    const handle = await fs.open(temp, 'r');
    await handle.sync();
    await handle.close();
    await fs.rename(temp, destination);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/**
 * Writes a backup of the running instance to `archivePath`. On SQLite the database is copied with SQLite's online
 * backup API, which gives a consistent snapshot while the server keeps serving. Refuses to overwrite an existing
 * archive unless `force`.
 */
export async function createBackup(
  ctx: CoreContext,
  archivePath: string,
  options: { force?: boolean; keyVault?: KeyVaultMode } = {},
): Promise<BackupResult> {
  const keyVault = options.keyVault ?? 'exclude';
  const destination = path.resolve(archivePath);
  if (!options.force && (await exists(destination))) {
    throw conflict('backup_file_exists', `${destination} already exists. Choose another file name or pass --force.`);
  }
  await fs.mkdir(path.dirname(destination), { recursive: true });
  const dataDir = path.resolve(ctx.dataDir);
  const scratch = await fs.mkdtemp(path.join(path.dirname(destination), `backup${TEMP_MARK}`));
  try {
    let database: BackupFileEntry | null = null;
    const zip = new yazl.ZipFile();
    if (ctx.database.dialect === 'sqlite' && keyVault !== 'only') {
      if (!ctx.database.sqlite)
        throw new AppError('internal', 'sqlite_handle_missing', 'The SQLite handle is missing.');
      const copy = path.join(scratch, SQLITE_FILE_NAME);
      await ctx.database.sqlite.backup(copy);
      database = { path: DATABASE_ENTRY, ...(await sha256File(copy)) };
      zip.addFile(copy, DATABASE_ENTRY, { compress: true });
    }
    const files: BackupFileEntry[] = [];
    const all = (await listDataFiles(dataDir, new Set([destination, scratch]))).filter((rel) =>
      keyVault === 'include' ? true : keyVault === 'only' ? KEY_VAULT_FILES.test(rel) : !KEY_VAULT_FILES.test(rel),
    );
    const present = new Set(all);
    for (const rel of all) {
      const abs = path.join(dataDir, ...rel.split('/'));
      // Other SQLite databases in the data folder (e.g. a key vault) are copied with the online backup API too, so
      // the copy is consistent even while they are open; their -wal/-shm/-journal side files are not needed.
      const side = /^(.*)-(wal|shm|journal)$/.exec(rel);
      if (side && present.has(side[1]!)) continue;
      let source = abs;
      if (await isSqliteFile(abs)) {
        source = path.join(scratch, 'data', ...rel.split('/'));
        await fs.mkdir(path.dirname(source), { recursive: true });
        const handle = new SqliteDatabase(abs, { readonly: true, fileMustExist: true });
        try {
          await handle.backup(source);
        } finally {
          handle.close();
        }
      }
      const entry = { path: `${DATA_PREFIX}${rel}`, ...(await sha256File(source)) };
      files.push(entry);
      // Blobs are mostly compressed media already; storing them avoids burning CPU for nothing.
      zip.addFile(source, entry.path, { compress: source !== abs });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: ctx.clock.now().toISOString(),
      dialect: ctx.database.dialect,
      database,
      files,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_NAME);
    zip.end();
    await writeAtomically(destination, (temp) => pipeline(zip.outputStream, createWriteStream(temp)));
    const notes = [
      ctx.database.dialect === 'postgres' && keyVault !== 'only' ? PG_DUMP_NOTE : null,
      keyVault === 'exclude' ? KEY_VAULT_NOTE : null,
    ].filter((n): n is string => n !== null);
    return { archivePath: destination, manifest, note: notes.length > 0 ? notes.join('\n') : null };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

export interface RestoreResult {
  manifest: BackupManifest;
  dataDir: string;
  /** With --force over a non-empty data folder: where the previous contents were moved (delete it when satisfied). */
  previousDataMovedTo: string | null;
  note: string | null;
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

function corrupt(reason: string): AppError {
  return invalid('backup_invalid', `The backup cannot be restored: ${reason}. Nothing was changed.`);
}

/**
 * Checks every file of the archive against its manifest hash while extracting it into a staging folder beside
 * `dataDir`, checks the SQLite copy's integrity, and only then moves the staging folder into place. Refuses a
 * non-empty `dataDir` unless `force` (the old contents are then moved aside, not deleted). Stop the server first.
 */
export async function restoreBackup(
  archivePath: string,
  dataDir: string,
  options: { force?: boolean } = {},
): Promise<RestoreResult> {
  const target = path.resolve(dataDir);
  const nonEmpty = (await exists(target)) && (await fs.readdir(target)).length > 0;
  if (nonEmpty && !options.force) {
    throw conflict(
      'restore_target_not_empty',
      `The data folder ${target} is not empty. Restore into an empty folder (set TRAG_DATA_DIR), or pass --force to ` +
        'replace it (its current contents are moved aside, not deleted).',
    );
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path.resolve(archivePath), {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('not_found', 'backup_not_found', `There is no backup file at ${path.resolve(archivePath)}.`);
    }
    throw corrupt('the file is not a readable ZIP archive');
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  const staging = await fs.mkdtemp(path.join(path.dirname(target), `${path.basename(target)}${TEMP_MARK}`));
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      if (entries.has(entry.fileName)) throw corrupt(`it contains "${entry.fileName}" twice`);
      entries.set(entry.fileName, entry);
    }
    const manifestEntry = entries.get(MANIFEST_NAME);
    if (!manifestEntry) throw corrupt('it has no manifest.json');
    const manifestText = await readEntryText(zip, manifestEntry, 10 * 1024 * 1024);
    let manifest: BackupManifest;
    try {
      manifest = JSON.parse(manifestText) as BackupManifest;
    } catch {
      throw corrupt('manifest.json is not valid JSON');
    }
    const problem = manifestProblem(manifest);
    if (problem) throw corrupt(problem);
    const listed = [...(manifest.database ? [manifest.database] : []), ...manifest.files];
    const unlisted = [...entries.keys()].find((n) => n !== MANIFEST_NAME && !listed.some((f) => f.path === n));
    if (unlisted) throw corrupt(`"${unlisted}" is in the archive but not in its manifest`);

    for (const file of listed) {
      const entry = entries.get(file.path);
      if (!entry) throw corrupt(`"${file.path}" is listed in the manifest but missing from the archive`);
      const relative = file.path === DATABASE_ENTRY ? SQLITE_FILE_NAME : file.path.slice(DATA_PREFIX.length);
      const out = path.join(staging, ...relative.split('/'));
      await fs.mkdir(path.dirname(out), { recursive: true });
      const hash = createHash('sha256');
      let bytes = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      await pipeline(await zip.openReadStreamPromise(entry), meter, createWriteStream(out, { flags: 'wx' }));
      if (hash.digest('hex') !== file.sha256 || bytes !== file.bytes) {
        throw invalid(
          'backup_hash_mismatch',
          `The backup is damaged: "${file.path}" does not match the SHA-256 in its manifest. Nothing was changed; use another copy of the backup.`,
        );
      }
    }
    if (manifest.database) checkSqliteIntegrity(path.join(staging, SQLITE_FILE_NAME));

    let previousDataMovedTo: string | null = null;
    if (await exists(target)) {
      if (nonEmpty) {
        previousDataMovedTo = `${target}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await fs.rename(target, previousDataMovedTo);
      } else {
        await fs.rmdir(target);
      }
    }
    await fs.rename(staging, target);
    return {
      manifest,
      dataDir: target,
      previousDataMovedTo,
      note:
        manifest.dialect === 'postgres'
          ? 'This backup came from PostgreSQL: the data folder was restored; restore the database itself with pg_restore from the matching pg_dump file.'
          : null,
    };
  } finally {
    zip.close();
    await fs.rm(staging, { recursive: true, force: true });
  }
}

async function readEntryText(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<string> {
  if (entry.uncompressedSize > limit) throw corrupt('manifest.json is implausibly large');
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function checkSqliteIntegrity(file: string): void {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw corrupt('the database copy fails SQLite integrity_check');
  } finally {
    db.close();
  }
  // A read-only open of a WAL database leaves empty -wal/-shm files behind; they are not part of the backup.
  for (const suffix of ['-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
