// The data-key vault: every per-record data key, wrapped by the master key, in its own small SQLite file
// <dataDir>/keys/data-keys.sqlite — deliberately NOT in the main database.
//
// Why a separate file: crypto-shredding must also make *backups* of the database unreadable for an erased record.
// If the wrapped data keys lived in the database, an old backup plus the (unchanged) master key would still open
// the record. Here a database backup holds only ciphertext; deleting a key from the vault (with SQLite's
// secure_delete and a WAL checkpoint, so the bytes are overwritten) leaves that record's ciphertext unreadable in
// every copy of the database. The vault is backed up on its own, short rotation (see docs/victims.md).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createDatabase, type TragDatabase } from '@trag/db';
import type SqliteDatabase from 'better-sqlite3';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { newId } from '../shared/ids';
import { generateKey, unwrapDataKey, wrapDataKey } from './envelope';
import { masterKeyError, type MasterKeyring } from './master-key';

interface VaultRow {
  id: string;
  scope: string;
  master_key_id: string;
  wrapped: string;
}

export function vaultPath(dataDir: string): string {
  return path.join(dataDir, 'keys', 'data-keys.sqlite');
}

export class DataKeyVault {
  private readonly handle: TragDatabase;
  private readonly sqlite: SqliteDatabase.Database;

  constructor(
    file: string,
    private readonly keyring: MasterKeyring,
    private readonly clock: Clock,
  ) {
    if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    this.handle = createDatabase({ sqlitePath: file });
    this.sqlite = this.handle.sqlite!;
    // Deleted keys are overwritten with zeros in the file, not just unlinked from the b-tree.
    this.sqlite.pragma('secure_delete = ON');
    this.sqlite.exec(`CREATE TABLE IF NOT EXISTS data_keys (
        id TEXT PRIMARY KEY,
        scope TEXT NOT NULL,
        master_key_id TEXT NOT NULL,
        wrapped TEXT NOT NULL,
        created_at TEXT NOT NULL,
        rewrapped_at TEXT
      );
      CREATE INDEX IF NOT EXISTS data_keys_master_idx ON data_keys (master_key_id);`);
  }

  /** Refuses a keyring that cannot open every key in the vault (wrong master key, or a rotation left unfinished). */
  checkKeyring(): void {
    const ids = this.sqlite
      .prepare('SELECT master_key_id AS id, count(*) AS n FROM data_keys GROUP BY master_key_id')
      .all() as {
      id: string;
      n: number;
    }[];
    const missing = ids.filter((r) => !this.keyring.byId.has(r.id));
    if (missing.length === 0) return;
    const total = missing.reduce((s, r) => s + r.n, 0);
    throw masterKeyError(
      'master_key_mismatch',
      `The configured master key cannot open ${total} protected victim record key(s) (they were wrapped by ` +
        `master key ${missing.map((r) => r.id).join(', ')}; yours is ${this.keyring.current.id}). ` +
        'Set TRAG_MASTER_KEY to the right key, or, during a rotation, list the old key in TRAG_MASTER_KEY_PREVIOUS.',
    );
  }

  /** Creates a data key for one protected record (scope = the record id, bound into the wrapping). */
  create(scope: string): { id: string; key: Buffer } {
    const id = newId();
    const key = generateKey();
    const { id: mkId, key: master } = this.keyring.current;
    this.sqlite
      .prepare('INSERT INTO data_keys (id, scope, master_key_id, wrapped, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, scope, mkId, wrapDataKey(master, id, scope, key), this.clock.now().toISOString());
    return { id, key };
  }

  /** Unwraps a data key; throws `victim_data_erased` when the key was shredded. */
  get(id: string, scope: string): Buffer {
    const row = this.sqlite.prepare('SELECT id, scope, master_key_id, wrapped FROM data_keys WHERE id = ?').get(id) as
      VaultRow | undefined;
    if (!row || row.scope !== scope) throw erased();
    const master = this.keyring.byId.get(row.master_key_id);
    if (!master) {
      throw masterKeyError(
        'master_key_mismatch',
        'This record is protected by a master key that is not configured. Ask the operator to set TRAG_MASTER_KEY_PREVIOUS.',
      );
    }
    return unwrapDataKey(master, row.id, row.scope, row.wrapped);
  }

  has(id: string): boolean {
    return this.sqlite.prepare('SELECT 1 FROM data_keys WHERE id = ?').get(id) !== undefined;
  }

  /** Crypto-shredding: the key is deleted and its bytes overwritten; the WAL is checkpointed and truncated. */
  shred(id: string): boolean {
    const result = this.sqlite.prepare('DELETE FROM data_keys WHERE id = ?').run(id);
    this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return result.changes > 0;
  }

  /**
   * Re-wraps up to `batchSize` data keys that are not yet under the current master key. Each batch is one short
   * transaction, so the server keeps serving (reads use whichever key a data key is wrapped by) while it runs.
   */
  rotateBatch(batchSize = 500): { rewrapped: number; remaining: number } {
    const { id: currentId, key: current } = this.keyring.current;
    const rows = this.sqlite
      .prepare('SELECT id, scope, master_key_id, wrapped FROM data_keys WHERE master_key_id <> ? LIMIT ?')
      .all(currentId, batchSize) as VaultRow[];
    const update = this.sqlite.prepare(
      'UPDATE data_keys SET master_key_id = ?, wrapped = ?, rewrapped_at = ? WHERE id = ? AND master_key_id = ?',
    );
    const now = this.clock.now().toISOString();
    const tx = this.sqlite.transaction((batch: VaultRow[]) => {
      for (const row of batch) {
        const old = this.keyring.byId.get(row.master_key_id);
        if (!old)
          throw masterKeyError('master_key_mismatch', 'A data key is wrapped by a master key that is not configured.');
        const key = unwrapDataKey(old, row.id, row.scope, row.wrapped);
        update.run(currentId, wrapDataKey(current, row.id, row.scope, key), now, row.id, row.master_key_id);
      }
    });
    tx(rows);
    const remaining = (
      this.sqlite.prepare('SELECT count(*) AS n FROM data_keys WHERE master_key_id <> ?').get(currentId) as {
        n: number;
      }
    ).n;
    return { rewrapped: rows.length, remaining };
  }

  /** Re-wraps everything (loops over batches). */
  rotateAll(batchSize = 500): { rewrapped: number } {
    let rewrapped = 0;
    for (;;) {
      const step = this.rotateBatch(batchSize);
      rewrapped += step.rewrapped;
      if (step.remaining === 0 || step.rewrapped === 0) return { rewrapped };
    }
  }

  stats(): { keys: number; byMasterKey: Record<string, number> } {
    const rows = this.sqlite
      .prepare('SELECT master_key_id AS id, count(*) AS n FROM data_keys GROUP BY master_key_id')
      .all() as {
      id: string;
      n: number;
    }[];
    return { keys: rows.reduce((s, r) => s + r.n, 0), byMasterKey: Object.fromEntries(rows.map((r) => [r.id, r.n])) };
  }

  /** Consistent online copy of the vault (for its own, short-lived backup rotation). */
  async backupTo(file: string): Promise<void> {
    await this.sqlite.backup(file);
  }

  async close(): Promise<void> {
    await this.handle.destroy();
  }
}

function erased(): AppError {
  return new AppError(
    'conflict',
    'victim_data_erased',
    "This record's protected data has been erased (its key was destroyed); only the audit stub remains.",
  );
}
