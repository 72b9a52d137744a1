// Benchmark: import and analyse N synthetic items into a case through the recruitment service, in one transaction
// (parse JSONL → analyse with network signals → insert items and identifiers → audit), on a throw-away SQLite file
// and a throw-away PostgreSQL database. Target (issue #4): 100,000 items under 2 minutes, peak memory under 1.5 GB.
// Run: flock /tmp/trag-bench.lock npx tsx bench/recruitment-import.ts [items=100000] [engines=sqlite,postgres]
// [chars=1000]
// Prints one JSON line per engine: wall seconds, this process's CPU seconds (PostgreSQL's own CPU is not in it),
// peak RSS of this process (the whole import on SQLite; the client side on PostgreSQL), items and identifiers
// stored, the machine's load average, and memory by phase (add NODE_OPTIONS=--expose-gc to see live data only).
// calibration_sha256_s: seconds this process takes to SHA-256 a fixed 256 MiB buffer in one thread, measured just
// before each engine's run, so runs on different days (the shared host's speed drifts) can be put side by side.
import { createHash } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { createDatabase, migrateToLatest, type DialectName } from '@trag/db';
import { RecruitmentService } from '@trag/core/recruitment';
import { systemClock } from '@trag/core/shared';
import { createThrowAwayStore } from './support/scale-workspace';
import { createBenchInvestigator } from './support/bench-investigator';
import { recruitmentJsonl } from './support/recruitment-items';

const count = Number(process.argv[2] ?? 100_000);
const engines = (process.argv[3] ?? 'sqlite,postgres').split(',') as DialectName[];
const chars = Number(process.argv[4] ?? 1000);

/** Seconds for one thread to SHA-256 256 MiB of fixed bytes (the machine's single-core speed right now). */
function calibrate(): number {
  const block = Buffer.alloc(16 * 1024 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 31) & 0xff;
  const started = performance.now();
  const hash = createHash('sha256');
  for (let i = 0; i < 16; i++) hash.update(block);
  hash.digest();
  return (performance.now() - started) / 1000;
}

async function run(engine: DialectName, bytes: Buffer) {
  const calibration = calibrate();
  const store = await createThrowAwayStore(engine, 'recruitment-import');
  const database = createDatabase({
    databaseUrl: store.databaseUrl,
    sqlitePath: path.join(store.dataDir, 'trag.sqlite'),
  });
  try {
    await migrateToLatest(database);
    const ctx = { database, clock: systemClock, dataDir: store.dataDir };
    const { actor, caseId } = await createBenchInvestigator(ctx);
    global.gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    let analysedAt = 0;
    // Memory by phase (MB): what the heap, zlib/Buffer memory and the whole process hold at 0/25/50/75/100 % of
    // the analysis, when saving starts and at the end. With --expose-gc each sample follows a full collection, so
    // it shows live data rather than what V8 has not collected yet.
    const phases: Array<Record<string, number | string>> = [];
    const sample = (phase: string) => {
      global.gc?.();
      const m = process.memoryUsage();
      const mb = (n: number) => Math.round(n / 1e6);
      phases.push({
        phase,
        rss: mb(m.rss),
        heap: mb(m.heapUsed),
        external: mb(m.external),
        buffers: mb(m.arrayBuffers),
      });
    };
    let nextQuarter = 0;
    const outcome = await new RecruitmentService(ctx).importItems(
      actor,
      caseId,
      { bytes, format: 'jsonl', mode: 'all_or_nothing', fileName: 'bench.jsonl' },
      {
        onProgress: (done, total) => {
          if (done >= (total * nextQuarter) / 4) {
            sample(`analysed ${Math.round((done / total) * 100)} %`);
            while (done >= (total * nextQuarter) / 4) nextQuarter++;
          }
        },
        onSaving: () => {
          analysedAt = performance.now();
          sample('saving');
        },
      },
    );
    sample('done');
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const identifiers = await database.db
      .selectFrom('recruitment_identifiers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    console.log(
      JSON.stringify({
        engine,
        items: outcome.itemsImported,
        chars_per_item: chars,
        file_mb: Number((bytes.length / 1e6).toFixed(1)),
        flagged: outcome.flagged,
        identifiers: Number(identifiers.n),
        seconds: Number(seconds.toFixed(1)),
        parse_and_analyse_seconds: Number(((analysedAt - started) / 1000).toFixed(1)),
        save_seconds: Number((seconds - (analysedAt - started) / 1000).toFixed(1)),
        cpu_seconds_this_process: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
        peak_rss_mb: Math.round(peak / 1e6),
        max_rss_mb_os: Math.round(process.resourceUsage().maxRSS / 1e3),
        load_average_1m: Number(loadavg()[0]!.toFixed(1)),
        calibration_sha256_s: Number(calibration.toFixed(2)),
        phases_mb: phases,
      }),
    );
  } finally {
    await database.destroy();
    await store.remove();
  }
}

const bytes = recruitmentJsonl(count, chars);
for (const engine of engines) await run(engine, bytes);
