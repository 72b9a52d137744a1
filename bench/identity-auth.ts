// Cost of authentication per request and of a login, on SQLite, over HTTP on loopback.
//   npx tsx bench/identity-auth.ts [seconds] [rate]
// Compares GET /api/health (public: no authentication) with GET /api/auth/me by bearer token and by session cookie
// (one joined lookup of the credential + the user and agency), each at a fixed request rate with autocannon, and times
// sequential logins (argon2id verification dominates). Prints the machine's load average beside the figures.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createDatabase, migrateToLatest } from '@trag/db';
import { systemClock, type CoreContext } from '@trag/core/shared';
import { AuthService, loadIdentityDemo, actorFromUser } from '@trag/core/identity';
import { buildApp } from '@trag/api';
import { loadConfig } from '@trag/api/config';

// autocannon ships no types; this is the part of its API used here.
interface AutocannonResult {
  requests: { total: number };
  non2xx: number;
  latency: { p50: number; p99: number; max: number };
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  overallRate: number;
  duration: number;
}) => Promise<AutocannonResult>;

// Other domains' routes need a victim-data master key to start; a throw-away one is enough here.
process.env.TRAG_MASTER_KEY ??= randomBytes(32).toString('base64');

const seconds = Number(process.argv[2] ?? 10);
const rate = Number(process.argv[3] ?? 200);
const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-bench-identity-'));
const database = createDatabase({ sqlitePath: path.join(dataDir, 'trag.sqlite') });
await migrateToLatest(database);
const core: CoreContext = { database, clock: systemClock, dataDir };
const demo = await loadIdentityDemo(core);
const account = demo.accounts[0]!;
const app = await buildApp({ core, config: loadConfig({}, { dataDir, webDist: undefined }) });
await app.listen({ port: 18120, host: '127.0.0.1' });
const base = 'http://127.0.0.1:18120';

const auth = new AuthService(core);
const login = await auth.login({ username: account.username, password: account.password, ip: '127.0.0.1' });
const user = await database.db
  .selectFrom('users')
  .selectAll()
  .where('id', '=', account.userId)
  .executeTakeFirstOrThrow();
const { secret } = await auth.createToken(actorFromUser(user, 'token', null), { name: 'bench' });

async function run(title: string, url: string, headers: Record<string, string>) {
  const result = await autocannon({ url, headers, connections: 10, overallRate: rate, duration: seconds });
  const l = result.latency;
  console.log(
    `${title.padEnd(34)} ${String(result.requests.total).padStart(6)} req  non-2xx ${result.non2xx}  ` +
      `p50 ${l.p50} ms  p99 ${l.p99} ms  max ${l.max} ms`,
  );
}

// The lookup alone, in-process (no HTTP), so machine load affects it less.
for (const [title, fn] of [
  ['authenticateToken (in-process)', () => auth.authenticateToken(secret, null)],
  ['authenticateSession (in-process)', () => auth.authenticateSession(login.sessionToken, null)],
] as const) {
  const count = 5000;
  for (let i = 0; i < 500; i++) await fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await fn();
  console.log(`${title.padEnd(34)} ${(((performance.now() - t0) / count) * 1000).toFixed(0)} µs per call, n=${count}`);
}

console.log(
  `load average before: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}  (${rate} req/s for ${seconds} s each)`,
);
await run('GET /api/health (no auth)', `${base}/api/health`, {});
await run('GET /api/auth/me (bearer token)', `${base}/api/auth/me`, { authorization: `Bearer ${secret}` });
await run('GET /api/auth/me (session cookie)', `${base}/api/auth/me`, { cookie: `trag_session=${login.sessionToken}` });

const n = 20;
const started = performance.now();
for (let i = 0; i < n; i++) {
  await auth.login({ username: account.username, password: account.password, ip: '127.0.0.2' });
}
console.log(
  `login (argon2id verify + session)   ${((performance.now() - started) / n).toFixed(1)} ms each, sequential, n=${n}`,
);
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

await app.close();
await database.destroy();
rmSync(dataDir, { recursive: true, force: true });
