import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase, SQLITE_STATEMENT_CACHE_SIZE } from './database';
import { startBackgroundCheckpoints } from './sqlite-checkpoints';

describe('SQLite statement cache', () => {
  it('reuses one prepared statement for the same SQL and still binds each call its own values', async () => {
    const database = createDatabase({ sqlitePath: ':memory:' });
    const sqlite = database.sqlite!;
    const prepare = sqlite.prepare.bind(sqlite);
    let prepared = 0;
    sqlite.prepare = ((text: string) => {
      prepared += 1;
      return prepare(text);
    }) as typeof sqlite.prepare;
    for (const n of [1, 2, 3]) {
      const { rows } = await sql<{ v: number }>`select ${n} * 2 as v`.execute(database.db);
      expect(rows).toEqual([{ v: n * 2 }]);
    }
    expect(prepared).toBe(1);
    await database.destroy();
  });

  it('sees a changed schema through a cached statement', async () => {
    const database = createDatabase({ sqlitePath: ':memory:' });
    await sql`create table t (a integer)`.execute(database.db);
    await sql`insert into t values (1)`.execute(database.db);
    expect((await sql`select * from t`.execute(database.db)).rows).toEqual([{ a: 1 }]);
    await sql`alter table t add column b text default 'x'`.execute(database.db);
    expect((await sql`select * from t`.execute(database.db)).rows).toEqual([{ a: 1, b: 'x' }]);
    await database.destroy();
  });

  it('keeps at most a fixed number of statements, dropping the least recently used', async () => {
    const database = createDatabase({ sqlitePath: ':memory:' });
    const sqlite = database.sqlite!;
    const prepare = sqlite.prepare.bind(sqlite);
    const seen: string[] = [];
    sqlite.prepare = ((text: string) => {
      seen.push(text);
      return prepare(text);
    }) as typeof sqlite.prepare;
    for (let i = 0; i <= SQLITE_STATEMENT_CACHE_SIZE; i++) await sql.raw(`select ${i}`).execute(database.db);
    await sql.raw(`select ${SQLITE_STATEMENT_CACHE_SIZE}`).execute(database.db); // still cached
    await sql.raw('select 0').execute(database.db); // evicted: prepared again
    expect(seen.filter((s) => s === 'select 0')).toHaveLength(2);
    expect(seen.filter((s) => s === `select ${SQLITE_STATEMENT_CACHE_SIZE}`)).toHaveLength(1);
    await database.destroy();
  });
});

describe('SQLite background checkpoints', () => {
  it('moves committed pages into the database file from a worker, not inside commits', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trag-checkpoints-'));
    const file = path.join(dir, 'trag.sqlite');
    const database = createDatabase({ sqlitePath: file, backgroundCheckpoints: true });
    try {
      const sqlite = database.sqlite!;
      expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      await sql`create table t (v text)`.execute(database.db);
      const before = statSync(file).size;
      const insert = sqlite.prepare('insert into t values (?)');
      // ~4 MB through many commits: well past the 1,000-page threshold at which SQLite would checkpoint by itself.
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(2000));
      // Nothing moved by the commits themselves …
      expect(statSync(file).size).toBe(before);
      // … the worker does it within its interval (1 s).
      await expect.poll(() => statSync(file).size, { timeout: 10_000, interval: 200 }).toBeGreaterThan(4_000_000);
    } finally {
      await database.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hands checkpoints back to SQLite if the worker stops', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trag-checkpoints-'));
    const sqlite = new SqliteDatabase(path.join(dir, 'trag.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    const problems: string[] = [];
    // The worker cannot open this file, so it dies at once.
    startBackgroundCheckpoints(sqlite, path.join(dir, 'missing-folder', 'trag.sqlite'), {
      onProblem: (message) => problems.push(message),
    });
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    await expect.poll(() => problems.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/checkpointing on commit again/);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
