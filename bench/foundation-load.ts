// Issue 2 performance: "list my cases" and full-text search at a fixed 200 requests/s on loopback, with the demo's
// scale mode loaded (10,000 cases, 200,000 entities), on SQLite and on PostgreSQL side by side.
//   npx tsx bench/foundation-load.ts [--engines sqlite,postgres] [--cases 10000] [--rate 200] [--seconds 20] [--pin]
// --pin: the server on CPU 1 and this process (the load generator) on CPU 0, so that on a 2-core machine the two do
// not take turns on one core; the server is one Node thread either way.
// For each engine: fresh database → migrations → demo workspace → scale mode (timed) → `trag serve` in its own
// process (ports 18401/18402) → as demo.investigator (bearer token): autocannon, then the open-loop generator with
// evenly spaced and with Poisson arrivals (support/open-loop-load.ts) → figures. autocannon's rate limit sends each
// connection's share of the second back to back at the top of the second, so its percentiles measure bursts of
// `connections` concurrent requests; the open-loop figures measure 200 requests spread over each second.
// PostgreSQL: a throw-away database beside TRAG_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, migrateToLatest, type DialectName } from '@trag/db';
import { systemClock, type CoreContext } from '@trag/core/shared';
import { loadDemoWorkspaceIfEmpty, loadScaleDemo } from '@trag/core/demo';
import { AuthService, actorFromUser } from '@trag/core/identity';
import { compiledTrag } from './support/compiled-server';
import { openLoopLoad, type OpenLoopResult } from './support/open-loop-load';
import { createThrowAwayStore, SEARCH_QUERIES } from './support/scale-workspace';

interface AutocannonResult {
  requests: { total: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  throughput: { average: number };
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  setupRequest?: (request: { path: string }) => { path: string };
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  overallRate: number;
  duration: number;
  requests?: AutocannonRequest[];
}) => Promise<AutocannonResult>;

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,postgres' },
    cases: { type: 'string', default: '10000' },
    'entities-per-case': { type: 'string', default: '20' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '20' },
    connections: { type: 'string', default: '20' },
    pin: { type: 'boolean', default: false },
  },
});
const engines = args.engines.split(',') as DialectName[];
const cases = Number(args.cases);
const perCase = Number(args['entities-per-case']);
const rate = Number(args.rate);
const seconds = Number(args.seconds);
const connections = Number(args.connections);
const repoRoot = path.resolve(import.meta.dirname, '..');
// Victim records are encrypted under a master key: a throw-away one for the throw-away data, shared by the
// in-process demo loader and the server process.
process.env.TRAG_MASTER_KEY ??= randomBytes(32).toString('base64');

function load(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
}

/** CPU milliseconds (user + system) used so far by one process, from /proc (Linux). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
}

async function waitForHealth(base: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

interface Row {
  engine: DialectName;
  scenario: string;
  result: AutocannonResult;
  /** Server process CPU per request (on PostgreSQL the database server's share is not included). */
  cpuMsPerRequest: number;
  /** The same rate, evenly spaced arrivals (wrk2-style, support/open-loop-load.ts). */
  openLoop: OpenLoopResult;
  /** The same rate, Poisson arrivals. */
  poisson: OpenLoopResult;
}

async function benchEngine(engine: DialectName, port: number): Promise<Row[]> {
  const store = await createThrowAwayStore(engine, 'foundation');
  const { dataDir, databaseUrl } = store;
  let server: ChildProcess | undefined;
  try {
    const database = createDatabase({ databaseUrl, sqlitePath: path.join(dataDir, 'trag.sqlite') });
    await migrateToLatest(database);
    const core: CoreContext = { database, clock: systemClock, dataDir };
    const demo = await loadDemoWorkspaceIfEmpty(core);
    const scale = await loadScaleDemo(core, { cases, entitiesPerCase: perCase });
    console.log(
      `[${engine}] scale mode: ${scale.cases} cases, ${scale.entities} entities, ${scale.memberships} memberships ` +
        `loaded in ${(scale.ms / 1000).toFixed(1)} s`,
    );
    const account = demo.accounts.find((a) => a.username === 'demo.investigator')!;
    const user = await database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', account.userId!)
      .executeTakeFirstOrThrow();
    const { secret } = await new AuthService(core).createToken(actorFromUser(user, 'token', null), { name: 'bench' });
    const mine = await database.db
      .selectFrom('case_members')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    console.log(`[${engine}] demo.investigator is a member of ${Number(mine.n)} cases`);
    await database.destroy();

    const serverArgs = [...compiledTrag(), 'serve'];
    server = spawn(
      args.pin ? 'taskset' : process.execPath,
      args.pin ? ['-c', '1', process.execPath, ...serverArgs] : serverArgs,
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          TRAG_DATA_DIR: dataDir,
          DATABASE_URL: databaseUrl ?? '',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, server);
    const headers = { authorization: `Bearer ${secret}` };
    const check = await fetch(`${base}/api/cases?limit=50`, { headers });
    const search = await fetch(`${base}/api/search?q=posao`, { headers });
    if (!check.ok || !search.ok) throw new Error(`smoke check failed: cases ${check.status}, search ${search.status}`);
    console.log(
      `[${engine}] smoke: /api/cases total=${((await check.json()) as { total: number }).total}, ` +
        `/api/search?q=posao total=${((await search.json()) as { total?: number }).total ?? '?'}`,
    );

    const run = async (
      scenario: string,
      options: { path?: string; requests?: AutocannonRequest[]; nextPath?: (i: number) => string },
    ) => {
      // Short warm-up at the same rate (JIT, page cache, prepared plans), not counted.
      await autocannon({
        url: `${base}${options.path ?? '/'}`,
        headers,
        connections,
        overallRate: rate,
        duration: 3,
        requests: options.requests,
      });
      const before = load();
      const cpuBefore = processCpuMs(server!.pid!);
      const result = await autocannon({
        url: `${base}${options.path ?? '/'}`,
        headers,
        connections,
        overallRate: rate,
        duration: seconds,
        requests: options.requests,
      });
      const cpuMsPerRequest = (processCpuMs(server!.pid!) - cpuBefore) / Math.max(1, result.requests.total);
      console.log(
        `[${engine}] ${scenario.padEnd(34)} ${String(result.requests.total).padStart(6)} req  ` +
          `${result.requests.average.toFixed(0)} req/s  non-2xx ${result.non2xx}  errors ${result.errors}  ` +
          `p50 ${result.latency.p50} ms  p90 ${result.latency.p90} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms  ` +
          `server CPU ${cpuMsPerRequest.toFixed(2)} ms/req  (load ${before})`,
      );
      const openLoops = [];
      for (const arrivals of ['even', 'poisson'] as const) {
        const openLoop = await openLoopLoad({
          url: `${base}${options.path ?? '/'}`,
          headers,
          rate,
          seconds,
          arrivals,
          ...(options.nextPath ? { path: options.nextPath } : {}),
        });
        console.log(
          `[${engine}] ${scenario.padEnd(34)} open loop, ${arrivals} ${openLoop.sent} req  ` +
            `${openLoop.achievedRate.toFixed(0)} req/s  failed ${openLoop.failed}  p50 ${openLoop.latency.p50} ms  ` +
            `p90 ${openLoop.latency.p90} ms  p99 ${openLoop.latency.p99} ms  max ${openLoop.latency.max} ms  (load ${load()})`,
        );
        openLoops.push(openLoop);
      }
      const [openLoop, poisson] = openLoops as [OpenLoopResult, OpenLoopResult];
      return { engine, scenario, result, cpuMsPerRequest, openLoop, poisson };
    };

    let q = 0;
    return [
      await run('GET /api/cases (my cases, page 1)', { path: '/api/cases?limit=50' }),
      await run('GET /api/search?q=… (15 queries)', {
        path: '/api/search?q=posao',
        nextPath: (i) => `/api/search?q=${encodeURIComponent(SEARCH_QUERIES[i % SEARCH_QUERIES.length]!)}`,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({
              ...request,
              path: `/api/search?q=${encodeURIComponent(SEARCH_QUERIES[q++ % SEARCH_QUERIES.length]!)}`,
            }),
          },
        ],
      }),
    ];
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await store.remove();
  }
}

console.log(
  `foundation-load: ${cases} cases × ${perCase} entities, ${rate} req/s for ${seconds} s per scenario, ` +
    `${connections} connections, ${cpus().length} CPUs, load average ${load()}`,
);
if (args.pin) {
  // -a: every thread of this process (the load generator), not just the main one.
  const pinned = spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { encoding: 'utf8' });
  if (pinned.status !== 0) throw new Error(`taskset failed: ${pinned.stderr}`);
  console.log('pinned: load generator on CPU 0, server on CPU 1');
}
const rows: Row[] = [];
for (const [i, engine] of engines.entries()) rows.push(...(await benchEngine(engine, 18401 + i)));

console.log(
  '\n| engine | scenario | autocannon req/s | autocannon p50 / p99 / max ms | even arrivals req/s, p50 / p99 / max ms | Poisson arrivals req/s, p50 / p99 / max ms | server CPU ms/req |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
const show = (r: OpenLoopResult) =>
  `${r.achievedRate.toFixed(0)}, ${r.latency.p50} / ${r.latency.p99} / ${r.latency.max}${r.failed ? ` (${r.failed} failed)` : ''}`;
for (const { engine, scenario, result, cpuMsPerRequest, openLoop, poisson } of rows) {
  console.log(
    `| ${engine} | ${scenario} | ${result.requests.average.toFixed(0)}${result.non2xx ? ` (${result.non2xx} non-2xx)` : ''} | ` +
      `${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} | ${show(openLoop)} | ${show(poisson)} | ` +
      `${cpuMsPerRequest.toFixed(2)} |`,
  );
}
const failed = rows.filter(
  (r) =>
    [r.openLoop, r.poisson].some((o) => o.latency.p99 >= 50 || o.failed > 0) ||
    r.result.latency.p99 >= 50 ||
    r.result.non2xx > 0,
);
console.log(
  failed.length === 0
    ? '\nAll scenarios, both generators: p99 < 50 ms, no errors.'
    : `\n${failed.length} scenario(s) missed p99 < 50 ms with one of the generators, or had errors.`,
);
