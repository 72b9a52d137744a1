// Issue 2: "`npm start` on a fresh clone after `npm ci` serves its first page in under 15 s".
//   npx tsx bench/startup.ts [runs]
// Runs `npm start` (build check → migrations → demo workspace → listen) with a fresh, empty TRAG_DATA_DIR on port
// 18403 and measures the time until GET / returns the web UI's HTML, then stops it. `npm ci` itself builds the web UI
// (the `prepare` script), so after `npm ci` the build check finds it fresh, as here.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const repoRoot = path.resolve(import.meta.dirname, '..');
const port = 18403;

async function once(): Promise<{ firstPageMs: number; urlPrintedMs: number | null }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-bench-startup-'));
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      TRAG_DATA_DIR: dataDir,
      DATABASE_URL: '',
      // Victim records need a master key; a throw-away one for the throw-away data folder.
      TRAG_MASTER_KEY: process.env.TRAG_MASTER_KEY ?? randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  let urlPrintedMs: number | null = null;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    if (urlPrintedMs === null && chunk.includes('Trag is running at')) urlPrintedMs = performance.now() - started;
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with code ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error('no page after 120 s');
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        const body = await response.text();
        if (response.ok && body.includes('<html')) return { firstPageMs: performance.now() - started, urlPrintedMs };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    // npm runs the server as a child: stop the whole process group we started.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results = [];
for (let i = 0; i < runs; i++) {
  const load = loadavg()[0]!.toFixed(2);
  const r = await once();
  results.push(r);
  console.log(
    `run ${i + 1}: first page after ${(r.firstPageMs / 1000).toFixed(2)} s ` +
      `(URL printed after ${r.urlPrintedMs === null ? '?' : (r.urlPrintedMs / 1000).toFixed(2)} s; load average ${load})`,
  );
}
const worst = Math.max(...results.map((r) => r.firstPageMs));
console.log(`worst of ${runs}: ${(worst / 1000).toFixed(2)} s — ${worst < 15_000 ? 'under' : 'OVER'} the 15 s target`);
