// Issue 2 performance, the database part alone: the same two operations as foundation-load.ts ("list my cases", page
// 1, and full-text search over 15 queries), called in-process through the services (CaseService.list,
// SearchService.search — access checks and audit entries included, no HTTP), one after another, with the scale demo
// loaded. Separates query cost from HTTP and from other processes competing for the CPU.
//   npx tsx bench/foundation-queries.ts [--engines sqlite,postgres] [--cases 10000] [--iterations 300]
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, migrateToLatest, type DialectName } from '@trag/db';
import { systemClock, type CoreContext } from '@trag/core/shared';
import { loadDemoWorkspaceIfEmpty, loadScaleDemo } from '@trag/core/demo';
import { actorFromUser } from '@trag/core/identity';
import { CaseService } from '@trag/core/cases';
import { SearchService } from '@trag/core/search';
import { createThrowAwayStore, SEARCH_QUERIES } from './support/scale-workspace';

const { values: args } = parseArgs({
  options: {
    engines: { type: 'string', default: 'sqlite,postgres' },
    cases: { type: 'string', default: '10000' },
    iterations: { type: 'string', default: '300' },
  },
});
process.env.TRAG_MASTER_KEY ??= randomBytes(32).toString('base64');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(n: number, op: (i: number) => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 20; i++) await op(i); // warm-up
  const ms: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    ms.push(performance.now() - t);
  }
  const used = process.cpuUsage(cpu);
  ms.sort((a, b) => a - b);
  // CPU time of this process per operation: all of it on SQLite; on PostgreSQL the server's share is not included.
  const cpuMs = (used.user + used.system) / 1000 / n;
  return (
    `p50 ${percentile(ms, 50).toFixed(2)} ms  p99 ${percentile(ms, 99).toFixed(2)} ms  ` +
    `max ${ms[ms.length - 1]!.toFixed(2)} ms  CPU ${cpuMs.toFixed(2)} ms/op (this process)`
  );
}

for (const engine of args.engines.split(',') as DialectName[]) {
  const store = await createThrowAwayStore(engine, 'queries');
  const { dataDir, databaseUrl } = store;
  const database = createDatabase({ databaseUrl, sqlitePath: path.join(dataDir, 'trag.sqlite') });
  try {
    await migrateToLatest(database);
    const core: CoreContext = { database, clock: systemClock, dataDir };
    const demo = await loadDemoWorkspaceIfEmpty(core);
    const scale = await loadScaleDemo(core, { cases: Number(args.cases) });
    const account = demo.accounts.find((a) => a.username === 'demo.investigator')!;
    const user = await database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', account.userId!)
      .executeTakeFirstOrThrow();
    const actor = actorFromUser(user, 'token', '127.0.0.1');
    const n = Number(args.iterations);
    console.log(
      `[${engine}] ${scale.cases} cases, ${scale.entities} entities loaded in ${(scale.ms / 1000).toFixed(1)} s; load average ${loadavg()[0]!.toFixed(2)}`,
    );
    const cases = new CaseService(core);
    const search = new SearchService(core);
    console.log(
      `[${engine}] CaseService.list (my cases, 50)  ${await time(n, () => cases.list(actor, { limit: 50 }))}`,
    );
    console.log(
      `[${engine}] SearchService.search (15 queries) ${await time(n, (i) => search.search(actor, { q: SEARCH_QUERIES[i % SEARCH_QUERIES.length]! }))}`,
    );
  } finally {
    await database.destroy();
    await store.remove();
  }
}
