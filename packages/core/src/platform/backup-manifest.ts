// The backup archive's format, as pure functions. A backup is a ZIP file:
//
//   manifest.json            this manifest (below)
//   database/trag.sqlite     consistent online copy of the SQLite database (absent on PostgreSQL: use pg_dump)
//   data/<path>              every other file under TRAG_DATA_DIR (evidence blobs, keys, …), same relative path
//
// The manifest lists each file with its SHA-256 and size, so the archive can be checked with nothing but
// `unzip` and `sha256sum` (docs/operations.md#backup).

export const BACKUP_FORMAT = 'trag-backup';
export const BACKUP_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
export const DATABASE_ENTRY = 'database/trag.sqlite';
export const DATA_PREFIX = 'data/';

export interface BackupFileEntry {
  /** Path inside the archive. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** Engine of the database that was running when the backup was made. */
  dialect: 'sqlite' | 'postgres';
  /** The SQLite copy; null on PostgreSQL, whose database is backed up with pg_dump. */
  database: BackupFileEntry | null;
  files: BackupFileEntry[];
}

/** A path inside the archive that can be extracted safely: relative, no `..`, no drive letters or backslashes. */
export function isSafeArchivePath(entryPath: string): boolean {
  if (entryPath.length === 0 || entryPath.length > 1024) return false;
  if (entryPath.startsWith('/') || entryPath.includes('\\') || entryPath.includes('\0')) return false;
  if (/^[A-Za-z]:/.test(entryPath)) return false;
  return entryPath.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Checks a parsed manifest's shape; returns a reason a person can act on, or null when it is sound. */
export function manifestProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'the manifest is not a JSON object';
  const m = value as Partial<BackupManifest>;
  if (m.format !== BACKUP_FORMAT) return 'it is not a Trag backup (manifest format is wrong)';
  if (m.version !== BACKUP_VERSION)
    return `it was written by a newer Trag (backup format version ${String(m.version)})`;
  if (m.dialect !== 'sqlite' && m.dialect !== 'postgres') return 'the manifest names no database engine';
  if (!Array.isArray(m.files)) return 'the manifest lists no files';
  const entries = [...m.files, ...(m.database ? [m.database] : [])];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (
      typeof entry !== 'object' ||
      entry === null ||
      typeof entry.path !== 'string' ||
      typeof entry.sha256 !== 'string' ||
      !/^[0-9a-f]{64}$/.test(entry.sha256) ||
      typeof entry.bytes !== 'number'
    ) {
      return 'a manifest entry is malformed';
    }
    if (!isSafeArchivePath(entry.path)) return `the manifest names an unsafe path "${entry.path}"`;
    if (seen.has(entry.path)) return `the manifest lists "${entry.path}" twice`;
    seen.add(entry.path);
  }
  if (m.database && m.database.path !== DATABASE_ENTRY) return 'the manifest names an unexpected database file';
  if (m.files.some((f) => !f.path.startsWith(DATA_PREFIX))) return 'the manifest lists a file outside data/';
  return null;
}
