import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDatabase, SQLITE_STATEMENT_CACHE_SIZE } from './database';

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
