// Benchmark: hit/no-hit of Q identifiers against a partner holding N (RFC 9497 VOPRF, ristretto255, @noble/curves).
//   npx tsx bench/cooperation-hit.ts [--queries 10000] [--held 1000000] [--precompute 20000]
//
// Two phases, reported separately:
// - precomputation (responder, once, as identifiers are stored): one OPRF evaluation per held identifier. It is
//   measured on `--precompute` real identifiers (spread over worker threads, one per core) and the rate is
//   extrapolated to `--held`; set --precompute equal to --held to measure it whole.
// - query (per request): the querier blinds Q identifiers, the responder evaluates them with a batch DLEQ proof,
//   the querier verifies, unblinds and looks each result up in the published index of `--held` entries. Index
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
  type NormalisedIdentifier,
} from '@trag/core/cooperation';

const phone = (i: number): NormalisedIdentifier => ({ type: 'phone', value: `+3816${String(i).padStart(8, '0')}` });

if (!isMainThread) {
  const { secretKey, from, to } = workerData as { secretKey: Uint8Array; from: number; to: number };
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(responderIndexEntry(secretKey, phone(i)));
  parentPort!.postMessage(out);
} else {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const Q = arg('queries', 10_000);
  const N = arg('held', 1_000_000);
  const P = Math.min(arg('precompute', 20_000), N);
  const keys = generateMatchingKey();
  const threads = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

  let t = performance.now();
  const per = Math.ceil(P / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, w) => {
      const from = w * per;
      const to = Math.min(P, from + per);
      return new Promise<string[]>((resolve, reject) => {
        // An ES-module worker that registers tsx and then loads this very file (worker branch above).
        const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(import.meta.url)});`;
        const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
          workerData: { secretKey: keys.secretKey, from, to },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      });
    }),
  );
  const precomputeSeconds = (performance.now() - t) / 1000;
  const index = new Set<string>(parts.flat());
  while (index.size < N) index.add(randomBytes(16).toString('base64url'));

  // The querier asks about Q identifiers: 100 the partner holds (among the real entries), the rest it does not.
  const held = Array.from({ length: Math.min(100, P) }, (_, i) => phone(Math.floor((i * P) / 100)));
  const absent = Array.from({ length: Q - held.length }, (_, i) => phone(50_000_000 + i));
  const asked = [...held, ...absent];

  t = performance.now();
  const query = blindQuery(asked);
  const blindSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const answer = evaluateQuery(keys, query.blinded);
  const evaluateSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const results = finishQuery(query, answer, keys.publicKey, index);
  const finishSeconds = (performance.now() - t) / 1000;
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
      precomputeSecondsExtrapolatedToHeld: Math.round((precomputeSeconds * N) / P),
      querySeconds: Number((blindSeconds + evaluateSeconds + finishSeconds).toFixed(1)),
      blindSeconds: Number(blindSeconds.toFixed(1)),
      evaluateSeconds: Number(evaluateSeconds.toFixed(1)),
      verifyUnblindLookupSeconds: Number(finishSeconds.toFixed(1)),
      hits: hits.length,
      expectedHits: held.length,
      correct,
    }),
  );
}
