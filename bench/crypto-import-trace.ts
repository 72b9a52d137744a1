// Import N generated transfers into a case (SQLite file, or PostgreSQL with DATABASE_URL), then a 5-hop forward FIFO
// trace over them, then multi-input clustering of N generated inputs in memory.
//   npx tsx bench/crypto-import-trace.ts [transfers=1000000] [inputs=transfers]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/trag_bench npx tsx bench/crypto-import-trace.ts 1000000
// Generated data (clearly synthetic): 1% of addresses are "hubs" (exchanges/services) that receive and send most
// transfers (fan-in/fan-out, as on the real chains); the rest are ordinary wallets with a few transfers each.
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, migrateToLatest } from '@trag/db';
import { CaseService } from '@trag/core/cases';
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { AddressClusterer, CryptoService, type FlowRecord } from '@trag/core/crypto';
import { newId, systemClock, type Actor } from '@trag/core/shared';

const N = Number(process.argv[2] ?? 1_000_000);
const INPUTS = Number(process.argv[3] ?? N);
const ADDRESSES = Math.max(1000, Math.floor(N / 10));
const HUBS = Math.max(10, Math.floor(ADDRESSES / 100));

// Deterministic PRNG (mulberry32) so that runs are comparable.
let state = 42;
const rand = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const tronBase58 = createBase58check(sha256);
const addrCache = new Map<number, string>();
const address = (i: number) => {
  let a = addrCache.get(i);
  if (!a) {
    a = tronBase58.encode(Buffer.from('41' + i.toString(16).padStart(40, '0'), 'hex'));
    if (addrCache.size < 2_000_000) addrCache.set(i, a);
  }
  return a;
};
const pick = () => (rand() < 0.5 ? Math.floor(rand() * HUBS) : HUBS + Math.floor(rand() * (ADDRESSES - HUBS)));
const START = Date.parse('2024-01-01T00:00:00Z');

let peak = 0;
function* transfers(): Generator<FlowRecord> {
  for (let i = 0; i < N; i++) {
    if (i % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    const from = pick();
    let to = pick();
    if (to === from) to = (to + 1) % ADDRESSES;
    const time = new Date(START + i * 30_000).toISOString();
    yield {
      chain: 'trx',
      asset: 'USDT',
      tokenContract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      txHash: i.toString(16).padStart(64, '0'),
      key: 'trc20',
      from: address(from),
      to: address(to),
      amount: (Math.floor(rand() * 1_000_000) / 100).toFixed(2),
      time,
      blockNumber: 50_000_000 + Math.floor(i / 10),
      source: { file: 'generated', line: i + 1 },
    };
  }
}

/** The process's peak resident set (Linux VmHWM), else the sampled peak. */
const highWater = () => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
};
const fileSizes = (d: string) =>
  `${(readdirSync(d).reduce((sum, f) => sum + statSync(join(d, f)).size, 0) / 1e9).toFixed(2)} GB on disk`;
const mem = () => `${Math.round(process.memoryUsage().rss / 1e6)} MB RSS`;
const dir = mkdtempSync(join(tmpdir(), 'trag-crypto-bench-'));
const database = createDatabase(
  process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { sqlitePath: join(dir, 'bench.sqlite') },
);
try {
  await migrateToLatest(database);
  const ctx = { database, clock: systemClock, dataDir: dir };
  // A throw-away agency and investigator, inserted directly (this database is deleted at the end).
  const at = new Date().toISOString();
  const agencyId = newId();
  const userId = newId();
  await database.db
    .insertInto('agencies')
    .values({
      id: agencyId,
      name: 'Bench',
      country: 'BA',
      kind: 'police',
      reference_prefix: 'BENCH',
      require_totp: 0,
      created_at: at,
    })
    .execute();
  await database.db
    .insertInto('users')
    .values({
      id: userId,
      agency_id: agencyId,
      unit_id: null,
      username: 'bench',
      display_name: 'Bench',
      email: null,
      role: 'investigator',
      password_hash: 'x',
      locale: 'en',
      disabled: 0,
      totp_secret: null,
      totp_enabled: 0,
      failed_logins: 0,
      locked_until: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const actor: Actor = {
    userId,
    username: 'bench',
    displayName: 'Bench',
    agencyId,
    unitId: null,
    role: 'investigator',
    ip: '127.0.0.1',
    via: 'session',
  };
  const caseId = (await new CaseService(ctx).create(actor, { title: 'Benchmark (synthetic)', type: 'other' })).id;
  const service = new CryptoService(ctx);
  let t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const summary = await service.importRecords(actor, caseId, 'generated', 'generated', transfers, {
    resumeKey: `generated:${N}`,
  });
  const importS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${database.dialect}: imported ${summary.added.toLocaleString('en')} transfers in ${importS.toFixed(1)} s (${Math.round(summary.added / importS).toLocaleString('en')}/s), CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (${(((cpu.user + cpu.system) / summary.added) * 1000).toFixed(0)} ns/transfer), peak ${Math.round(Math.max(peak, highWater()) / 1e6)} MB RSS${database.sqlite ? `, database ${fileSizes(dir)}` : ''}`,
  );

  // Seed: an ordinary wallet with outgoing transfers early in the data.
  const seed = address(HUBS + 7);
  for (const maxNodes of [2000, 20000]) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const outcome = await service.trace(actor, caseId, {
      seed: { address: seed },
      direction: 'forward',
      method: 'fifo',
      maxHops: 5,
      maxNodes,
      asset: 'USDT',
    });
    const traceS = (performance.now() - t0) / 1000;
    const traceCpu = process.cpuUsage(c0);
    console.log(
      `5-hop forward FIFO trace (maxNodes ${maxNodes}): ${traceS.toFixed(2)} s (CPU ${((traceCpu.user + traceCpu.system) / 1e6).toFixed(2)} s), ${outcome.result.edges.length} traced transfers, ${outcome.result.nodes.length} nodes, ${outcome.result.endpoints.length} endpoints, truncated=${outcome.result.truncated}`,
    );
  }
} finally {
  await database.destroy();
  // CRYPTO_BENCH_KEEP=1 keeps the database for profiling the trace again (printed path); delete it afterwards.
  if (process.env.CRYPTO_BENCH_KEEP === '1') console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

// Clustering: INPUTS inputs in transactions of 1–5 inputs over ADDRESSES×3 Bitcoin-like address ids.
{
  state = 7;
  const clusterer = new AddressClusterer({ hugeClusterSize: 1_000_000 });
  const space = ADDRESSES * 3;
  let done = 0;
  let txs = 0;
  const t0 = performance.now();
  while (done < INPUTS) {
    const k = 1 + Math.floor(rand() * 5);
    const inputs = [];
    for (let j = 0; j < k; j++)
      inputs.push({ address: `a${Math.floor(rand() * space)}`, value: 10_000 + Math.floor(rand() * 1e6) });
    clusterer.addTransaction({
      txid: `t${txs++}`,
      inputs,
      outputs: [
        { address: `a${Math.floor(rand() * space)}`, value: 5000 },
        { address: null, value: 1 },
      ],
    });
    done += k;
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `clustering: ${done.toLocaleString('en')} inputs in ${txs.toLocaleString('en')} txs, ${clusterer.addressCount.toLocaleString('en')} addresses, ${clusterer.links.length.toLocaleString('en')} joins in ${s.toFixed(1)} s, ${mem()}`,
  );
}
