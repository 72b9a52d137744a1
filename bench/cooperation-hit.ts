// Benchmark: hit/no-hit of Q identifiers against a partner holding N (trag-hit-v2: X25519 DH-PSI, OpenSSL X25519 via
// node:crypto, RFC 9380 hash_to_curve from @noble/curves).
//   npx tsx bench/cooperation-hit.ts [--queries 10000] [--held 1000000] [--precompute 20000]
//
// Two phases, reported separately:
// - precomputation (responder, once, as identifiers are stored): one PRF evaluation per held identifier. It is
//   measured on `--precompute` real identifiers (spread over worker threads, one per core) and the rate is
//   extrapolated to `--held`; set --precompute equal to --held to measure it whole.
// - query (per request): the querier blinds Q identifiers, the responder evaluates them, the querier unblinds
//   and looks each result up in the published index of `--held` entries. Index
//   entries past the precomputed ones are random 16-byte values: a lookup costs the same whatever the entry, and
//   real hits planted among the precomputed entries prove the lookup is right (hits found, no false hits).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  blindQuery,
  evaluateQuery,
  finishQuery,
  generateMatchingKey,
  responderIndexEntry,
  responderKey,
  type NormalisedIdentifier,
} from '@trag/core/cooperation';

const phone = (i: number): NormalisedIdentifier => ({ type: 'phone', value: `+3816${String(i).padStart(8, '0')}` });

if (!isMainThread) {
  const { secretKey, from, to } = workerData as { secretKey: Uint8Array; from: number; to: number };
  const key = responderKey(secretKey);
  const started = performance.now();
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(responderIndexEntry(key, phone(i)));
  parentPort!.postMessage({ entries: out, loopMs: performance.now() - started });
} else {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const Q = arg('queries', 10_000);
  const N = arg('held', 1_000_000);
  const P = Math.min(arg('precompute', 20_000), N);
  const secret = generateMatchingKey().secretKey;
  const key = responderKey(secret);
  const threadsArg = arg('threads', 0);
  const threads = threadsArg > 0 ? threadsArg : Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

  const cpuAtStart = process.cpuUsage();
  let t = performance.now();
  const per = Math.ceil(P / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, w) => {
      const from = w * per;
      const to = Math.min(P, from + per);
      return new Promise<{ entries: string[]; loopMs: number }>((resolve, reject) => {
        // An ES-module worker that registers tsx and then loads this very file (worker branch above).
        const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;
        const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
          workerData: { secretKey: secret, from, to },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  const precomputeSeconds = (performance.now() - t) / 1000;
  // process.cpuUsage() counts every thread of the process: the workers' CPU (and their start-up), not per thread.
  const precomputeCpu = process.cpuUsage(cpuAtStart);
  const precomputeCpuMicros = precomputeCpu.user + precomputeCpu.system;
  // Wall time of the slowest worker's loop, without starting the workers (a server starts them once).
  const loopSeconds = Math.max(...parts.map((p) => p.loopMs)) / 1000;
  const index = new Set<string>(parts.flatMap((p) => p.entries));
  while (index.size < N) index.add(randomBytes(16).toString('base64url'));

  // The querier asks about Q identifiers: 100 the partner holds (among the real entries), the rest it does not.
  const held = Array.from({ length: Math.min(100, P) }, (_, i) => phone(Math.floor((i * P) / 100)));
  const absent = Array.from({ length: Q - held.length }, (_, i) => phone(50_000_000 + i));
  const asked = [...held, ...absent];

  const cpuBefore = process.cpuUsage();
  t = performance.now();
  const query = blindQuery(asked);
  const blindSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const answer = evaluateQuery(key, query.blinded);
  const evaluateSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const results = finishQuery(query, answer, index);
  const finishSeconds = (performance.now() - t) / 1000;
  const queryCpu = process.cpuUsage(cpuBefore);
  const hits = results.filter((r) => r.hit);
  const correct = hits.length === held.length && hits.every((h, i) => h.identifier.value === held[i]!.value);
  console.log(
    JSON.stringify({
      queries: Q,
      held: N,
      threads,
      precomputed: P,
      precomputeSeconds: Number(precomputeSeconds.toFixed(1)),
      precomputePerSecond: Math.round(P / precomputeSeconds),
      precomputeLoopSeconds: Number(loopSeconds.toFixed(1)),
      precomputeSecondsExtrapolatedToHeld: Math.round((loopSeconds * N) / P),
      precomputeCpuMsPerEntryWithWorkerStart: Number((precomputeCpuMicros / 1000 / P).toFixed(3)),
      querySeconds: Number((blindSeconds + evaluateSeconds + finishSeconds).toFixed(1)),
      queryCpuSeconds: Number(((queryCpu.user + queryCpu.system) / 1e6).toFixed(1)),
      queryCpuMsPerIdentifier: Number(((queryCpu.user + queryCpu.system) / 1000 / Q).toFixed(3)),
      blindSeconds: Number(blindSeconds.toFixed(1)),
      evaluateSeconds: Number(evaluateSeconds.toFixed(1)),
      unblindLookupSeconds: Number(finishSeconds.toFixed(1)),
      hits: hits.length,
      expectedHits: held.length,
      correct,
    }),
  );
}
