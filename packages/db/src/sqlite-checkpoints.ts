// WAL checkpoints off the event loop. A checkpoint copies the write-ahead log into the database file and fsyncs it;
// left to SQLite, it runs inside whichever commit crosses the threshold, and since better-sqlite3 is synchronous that
// stalls every request of the server for tens to hundreds of milliseconds (the audit entry of each request makes
// commits frequent). The server turns automatic checkpoints off on its connection and a worker thread with its own
// connection runs passive checkpoints (which never block readers or writers) every second instead.
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';

/** SQLite's own default threshold (pages), restored if the worker stops unexpectedly. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Evaluated as a CommonJS script in the worker, so it needs no file of its own beside the bundled server.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const run = (mode) => {
  try {
    db.pragma('wal_checkpoint(' + mode + ')');
  } catch (error) {
    parentPort.postMessage({ error: String((error && error.message) || error) });
  }
};
const timer = setInterval(() => run('PASSIVE'), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  run('PASSIVE');
  db.close();
  parentPort.close();
});
`;

export interface BackgroundCheckpoints {
  /** Runs a last checkpoint and ends the worker. */
  stop(): Promise<void>;
}

export function startBackgroundCheckpoints(
  sqlite: SqliteDatabase.Database,
  file: string,
  options: { intervalMs?: number; onProblem?: (message: string) => void } = {},
): BackgroundCheckpoints {
  const report = options.onProblem ?? ((message: string) => console.error(message));
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  sqlite.pragma('wal_autocheckpoint = 0');
  // A small heap and the shared environment instead of a copy: the worker only calls into SQLite.
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    env: SHARE_ENV,
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8, stackSizeMb: 1 },
    workerData: { driver, file, intervalMs: options.intervalMs ?? 1000 },
  });
  // The worker must not keep a CLI command or a test alive on its own.
  worker.unref();
  let stopping = false;
  // Without the worker the log would grow for ever: hand checkpoints back to SQLite.
  const fallBack = (reason: string) => {
    if (!sqlite.open) return;
    sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    report(`SQLite background checkpoints stopped (${reason}); checkpointing on commit again.`);
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error) report(`SQLite background checkpoint failed: ${message.error}`);
  });
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => {
    if (!stopping) fallBack(`worker exited with code ${code}`);
  });
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      const exited = once(worker, 'exit');
      worker.postMessage('stop');
      await exited;
    },
  };
}
