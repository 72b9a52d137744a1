// Benchmark: what the case's Recruitment tab asks for, on a case of N imported items — the first page of items by
// score, the network view (200 most connected identifiers, 25 items each) and the template ads — each twice, on a
// throw-away SQLite file and a throw-away PostgreSQL database. Then the template view once more after clearing the
// stored MinHash signatures (as for items imported before migration 0135): the first view re-reads and signs every
// text and stores the signatures, the second reads them again.
// No target in the issue; these are the numbers behind "the tab opens in seconds" in docs/benchmarks/recruitment.md.
// Run: flock /tmp/trag-bench.lock npx tsx bench/recruitment-views.ts [items=100000] [engines=sqlite,postgres]
import { loadavg } from 'node:os';
import path from 'node:path';
import { createDatabase, migrateToLatest, type DialectName } from '@trag/db';
import { RecruitmentService } from '@trag/core/recruitment';
import { systemClock } from '@trag/core/shared';
import { createBenchInvestigator } from './support/bench-investigator';
import { recruitmentJsonl } from './support/recruitment-items';
import { createThrowAwayStore } from './support/scale-workspace';

const count = Number(process.argv[2] ?? 100_000);
const engines = (process.argv[3] ?? 'sqlite,postgres').split(',') as DialectName[];

/** Milliseconds `fn` takes, and the size of the service's answer as JSON (before the API presents it). */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; kb: number }> {
  const started = performance.now();
  const answer = await fn();
  const ms = Math.round(performance.now() - started);
  return { ms, kb: Math.round(JSON.stringify(answer).length / 1024) };
}

async function run(engine: DialectName, bytes: Buffer) {
  const store = await createThrowAwayStore(engine, 'recruitment-views');
  const database = createDatabase({
    databaseUrl: store.databaseUrl,
    sqlitePath: path.join(store.dataDir, 'trag.sqlite'),
  });
  try {
    await migrateToLatest(database);
    const ctx = { database, clock: systemClock, dataDir: store.dataDir };
    const { actor, caseId } = await createBenchInvestigator(ctx);
    const service = new RecruitmentService(ctx);
    await service.importItems(actor, caseId, { bytes, format: 'jsonl', mode: 'all_or_nothing' });
    const views = {
      items: () => service.listItems(actor, caseId, { limit: 200, offset: 0 }),
      network: () => service.network(actor, caseId, { minDegree: 1, limit: 200, itemsPerIdentifier: 25 }),
      templates: () => service.templates(actor, caseId),
    };
    const results: Record<string, Array<{ ms: number; kb: number }>> = {};
    for (const round of [1, 2]) {
      for (const [name, view] of Object.entries(views)) (results[name] ??= [])[round - 1] = await timed(view);
    }
    await database.db.updateTable('recruitment_items').set({ minhash: null }).where('case_id', '=', caseId).execute();
    const unsigned = await timed(views.templates);
    const signedAgain = await timed(views.templates);
    console.log(
      JSON.stringify({
        engine,
        items: count,
        ...Object.fromEntries(Object.entries(results).map(([name, runs]) => [`${name}_ms`, runs.map((r) => r.ms)])),
        ...Object.fromEntries(Object.entries(results).map(([name, runs]) => [`${name}_kb`, runs[0]!.kb])),
        templates_unsigned_first_ms: unsigned.ms,
        templates_after_signing_ms: signedAgain.ms,
        load_average_1m: Number(loadavg()[0]!.toFixed(1)),
      }),
    );
  } finally {
    await database.destroy();
    await store.remove();
  }
}

const bytes = recruitmentJsonl(count, 1000);
for (const engine of engines) await run(engine, bytes);
