// Route-test support: a full app over a fresh database of the given dialect.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '@trag/db/testing';
import type { DialectName } from '@trag/db';
import { fixedClock, type CoreContext } from '@trag/core/shared';
import { buildApp } from './app';
import { loadConfig } from './config';

export interface TestApp {
  app: FastifyInstance;
  core: CoreContext;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function createTestApp(dialect: DialectName): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-test-'));
  const core: CoreContext = { database, clock: fixedClock('2026-11-30T09:00:00.000Z'), dataDir };
  const config = loadConfig({}, { dataDir, webDist: undefined, demo: false });
  const app = await buildApp({ core, config });
  await app.ready();
  return {
    app,
    core,
    database,
    async close() {
      await app.close();
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
