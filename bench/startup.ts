// Issue 2: "`npm start` on a fresh clone after `npm ci` serves its first page in under 15 s".
//   npx tsx bench/startup.ts [runs]
// Runs `npm start` (build check → migrations → demo workspace → listen) with a fresh, empty TRAG_DATA_DIR on port
// 18403 and measures the time until GET / returns the web UI's HTML, then stops it. `npm ci` itself builds the web UI
// (the `prepare` script), so after `npm ci` the build check finds it fresh, as here.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';

const runs = Number(process.argv[2] ?? 3);
const repoRoot = path.resolve(import.meta.dirname, '..');
const port = 18403;
const masterKey = process.env.TRAG_MASTER_KEY ?? randomBytes(32).toString('base64');

/**
 * CPU seconds (user + system) used so far by a process tree: each live process's own time plus the time of its
 * finished, waited-for children. Unlike wall time, this barely depends on other load on the machine.
 */
function treeCpuSeconds(rootPid: number): number {
  const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  let total = 0;
  const visit = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[11..14] = utime, stime, cutime, cstime (stat fields 14–17)
      total += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
      const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : []) visit(Number(child));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(rootPid);
  return total / ticks;
}

async function once(
  dataDir: string,
): Promise<{ firstPageMs: number; urlPrintedMs: number | null; cpuSeconds: number }> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      TRAG_DATA_DIR: dataDir,
      DATABASE_URL: '',
      // Victim records need a master key; a throw-away one for the throw-away data folder.
      TRAG_MASTER_KEY: masterKey,
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
        if (response.ok && body.includes('<html')) {
          return { firstPageMs: performance.now() - started, urlPrintedMs, cpuSeconds: treeCpuSeconds(child.pid!) };
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    // npm runs the server as a child: stop the whole process group we started.
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}

// Each run: a fresh data folder (migrations + demo workspace), then a restart on the same folder (nothing to load),
// which shows how much of the first start is the demo workspace.
const results = [];
for (let i = 0; i < runs; i++) {
  const load = loadavg()[0]!.toFixed(2);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-bench-startup-'));
  try {
    const fresh = await once(dataDir);
    const again = await once(dataDir);
    results.push(fresh);
    console.log(
      `run ${i + 1}: fresh data folder: first page after ${(fresh.firstPageMs / 1000).toFixed(2)} s ` +
        `(${fresh.cpuSeconds.toFixed(2)} CPU-s); restart on the same folder: ${(again.firstPageMs / 1000).toFixed(2)} s ` +
        `(${again.cpuSeconds.toFixed(2)} CPU-s); load average ${load}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
const worst = Math.max(...results.map((r) => r.firstPageMs));
console.log(
  `worst fresh start of ${runs}: ${(worst / 1000).toFixed(2)} s — ${worst < 15_000 ? 'under' : 'OVER'} the 15 s target`,
);
