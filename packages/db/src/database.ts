import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import { startBackgroundCheckpoints } from './sqlite-checkpoints';

export type DialectName = 'sqlite' | 'postgres';

export interface TragDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** The raw better-sqlite3 handle (SQLite only): used for online backup and FTS maintenance. */
  readonly sqlite?: SqliteDatabase.Database;
  /** The pg pool (PostgreSQL only): used for LISTEN/NOTIFY and advisory locks. */
  readonly pgPool?: pg.Pool;
  destroy(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at sqlitePath. */
  databaseUrl?: string | undefined;
  /** Path of the SQLite file, or ':memory:'. */
  sqlitePath?: string;
  poolSize?: number;
  /** SQLite file: checkpoint the WAL from a worker thread instead of inside commits (the server sets this). */
  backgroundCheckpoints?: boolean;
}

export function createDatabase(options: DatabaseOptions): TragDatabase {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    // int8 (bigint, count(*)) comes back from pg as a string; our counts and sequence numbers fit in a double. Set
    // here rather than at import so that a server on SQLite never loads pg.
    pg.types.setTypeParser(20, (value) => Number(value));
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle pooled connection can be closed by the server (restart, failover, a dropped test database). The pool
    // replaces it on next use; without this listener Node would treat the event as an uncaught error and exit.
    pool.on('error', (error: Error & { code?: string }) => {
      if (error.code !== '57P01') console.error(`PostgreSQL connection error: ${error.message}`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pgPool: pool, destroy: () => db.destroy() };
  }
  const path = options.sqlitePath ?? ':memory:';
  const sqlite = new SqliteDatabase(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const checkpoints =
    options.backgroundCheckpoints && path !== ':memory:' ? startBackgroundCheckpoints(sqlite, path) : null;
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    destroy: async () => {
      await checkpoints?.stop();
      await db.destroy();
    },
  };
}

/** Prepared statements kept per SQL text; see withStatementCache. */
export const SQLITE_STATEMENT_CACHE_SIZE = 256;

// Kysely prepares every query afresh, and preparing is a tenth of a busy server's CPU. The same SQL text gets the
// same statement back (SQLite re-prepares it by itself if the schema changed). Kysely runs one query at a time on
// its single SQLite connection; the one way a statement could be asked for while still stepping is a streamed query
// inside a transaction that runs the same SQL again, and then it gets a fresh statement.
function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (text: string): SqliteDatabase.Statement => {
      let statement = cache.get(text);
      if (statement?.busy) return sqlite.prepare(text);
      if (statement) {
        // Most recently used last, so the first key is the one to evict.
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= SQLITE_STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

/** Cheap liveness probe used by /api/health. */
export async function pingDatabase(database: TragDatabase): Promise<void> {
  await sql`select 1`.execute(database.db);
}
