// Shared by the foundation benchmarks: a throw-away data folder and database per engine, and the search words a
// user would type.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DialectName } from '@trag/db';

const PG_BASE = process.env.TRAG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Latin and Cyrillic, with and without diacritics, names, places, identifiers. */
export const SEARCH_QUERIES = [
  'posao',
  'посао',
  'Đorđević',
  'djordjevic',
  'Ђорђевић',
  'hodzic',
  'Sarajevo',
  'labour exploitation',
  'Beograd',
  'instagram',
  'massage salon',
  'Krasniqi',
  'modelling agency',
  'Skopje',
  'gmail',
];

export interface ThrowAwayStore {
  dataDir: string;
  /** Set on PostgreSQL: a new database beside TRAG_TEST_PG_URL. */
  databaseUrl: string | undefined;
  /** Removes the data folder and drops the PostgreSQL database. */
  remove(): Promise<void>;
}

export async function createThrowAwayStore(engine: DialectName, label: string): Promise<ThrowAwayStore> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `trag-bench-${label}-${engine}-`));
  let dbName: string | undefined;
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    dbName = `trag_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(PG_BASE);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  return {
    dataDir,
    databaseUrl,
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      if (!dbName) return;
      const admin = new pg.Client({ connectionString: PG_BASE });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.end();
    },
  };
}
