// Starts the Trag server: config → database → migrations → (demo) → HTTP.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createDatabase, migrateToLatest, type TragDatabase } from '@trag/db';
import { systemClock, type CoreContext } from '@trag/core/shared';
import { loadDemoWorkspaceIfEmpty } from '@trag/core/demo';
import { buildApp } from './app';
import type { ServerConfig } from './config';

/** `server`: the long-running API process, which checkpoints SQLite's log from a worker thread (see @trag/db). */
export function openDatabase(
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl'>,
  options: { server?: boolean } = {},
): TragDatabase {
  mkdirSync(config.dataDir, { recursive: true });
  return createDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: path.join(config.dataDir, 'trag.sqlite'),
    backgroundCheckpoints: options.server === true,
  });
}

export async function startServer(config: ServerConfig) {
  const database = openDatabase(config, { server: true });
  await migrateToLatest(database);
  const core: CoreContext = { database, clock: systemClock, dataDir: config.dataDir };
  const demo = config.demo ? await loadDemoWorkspaceIfEmpty(core) : null;
  const app = await buildApp({ core, config, logger: { level: config.logLevel } });
  const address = await app.listen({ port: config.port, host: config.host });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${new URL(address).port}`;
  const lines = [`Trag is running at ${url}  (database: ${database.dialect})`];
  if (demo && demo.accounts.length > 0) {
    lines.push('', 'SYNTHETIC DEMO WORKSPACE — every person, case and number in it is invented.', 'Demo accounts:');
    for (const account of demo.accounts) {
      lines.push(`  ${account.role.padEnd(14)} ${account.username.padEnd(22)} password: ${account.password}`);
    }
  }
  console.log(lines.join('\n'));
  const close = async () => {
    await app.close();
    await database.destroy();
  };
  return { app, url, close };
}
