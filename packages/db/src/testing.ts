// Test support: a fresh, migrated database per test file, on every dialect the run asks for.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { createDatabase, type DialectName, type TragDatabase } from './database';
import { migrateToLatest } from './migrator';

/** TRAG_TEST_DIALECTS=sqlite,postgres (default both). */
export const TEST_DIALECTS: DialectName[] = (process.env.TRAG_TEST_DIALECTS ?? 'sqlite,postgres')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is DialectName => d === 'sqlite' || d === 'postgres');

/** Base PostgreSQL URL for throw-away test databases. */
export const TEST_PG_URL = process.env.TRAG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase extends TragDatabase {
  /** Connection URL (PostgreSQL only), so a second process can reach the same database. */
  readonly url?: string;
}

/** Creates an empty, migrated database: SQLite in memory, or a throw-away PostgreSQL database dropped on destroy. */
export async function createTestDatabase(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (dialect === 'sqlite') {
    const database = createDatabase({ sqlitePath: ':memory:' });
    if (migrate) await migrateToLatest(database);
    return database;
  }
  const name = `trag_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(TEST_PG_URL, name);
  const database = createDatabase({ databaseUrl: url, poolSize: 5 });
  if (migrate) await migrateToLatest(database);
  return {
    ...database,
    url,
    async destroy() {
      await database.destroy();
      const dropper = new pg.Client({ connectionString: TEST_PG_URL });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** Runs the same suite once per dialect: `describeEachDialect('cases store', (dialect) => { … })`. */
export function describeEachDialect(name: string, suite: (dialect: DialectName) => void): void {
  for (const dialect of TEST_DIALECTS) {
    describe(`${name} [${dialect}]`, () => suite(dialect));
  }
}
