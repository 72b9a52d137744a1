import type { Command } from 'commander';
import { loadConfig } from '@trag/api/config';
import { startServer } from '@trag/api/main';
import { action } from '../output';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the web UI and API on one port (PORT, default 8080; data in TRAG_DATA_DIR, default ./data).')
    .option('--demo', 'load the synthetic demo workspace when the database is empty')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(
      action(async (options: { demo?: boolean; port?: string }) => {
        const env = { ...process.env, ...(options.port ? { PORT: options.port } : {}) };
        const config = loadConfig(env, options.demo ? { demo: true } : {});
        const server = await startServer(config);
        const stop = () => {
          void server.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
