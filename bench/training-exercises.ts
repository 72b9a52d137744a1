// The hands-on exercises' sandbox operations, in-process through the service (no HTTP): generating the material,
// each sandbox tool (template finding over 200 ads, a forward trace, collecting and exporting the chat as a bundle,
// verifying it) and checking an answer. Wall-clock and CPU time per operation (one trainee's click).
//   npx tsx bench/training-exercises.ts [--rounds 20]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, migrateToLatest } from '@trag/db';
import { closeEventBus } from '@trag/core/platform';
import { systemClock, type Actor, type CoreContext } from '@trag/core/shared';
import { EXERCISE_KINDS, ExerciseService, generateMaterial, TrainingService } from '@trag/core/training';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const ROUNDS = Number(args.rounds);

const dir = mkdtempSync(path.join(tmpdir(), 'trag-bench-exercises-'));
const database = createDatabase({ sqlitePath: path.join(dir, 'trag.sqlite') });
await migrateToLatest(database);
const ctx: CoreContext = { database, clock: systemClock, dataDir: dir };
const actor = (userId: string, role: Actor['role']): Actor => ({
  userId,
  username: userId,
  displayName: userId,
  agencyId: 'bench-agency',
  unitId: null,
  role,
  ip: null,
  via: 'system',
});
const trainer = actor('bench-trainer', 'trainer');
const training = new TrainingService(ctx);
const exercises = new ExerciseService(ctx);
const flagship = (await training.listScenarios(trainer)).find((s) => s.slug === 'labour-exploitation-interview')!;
const newSession = () =>
  training.createSession(trainer, { title: 'bench', groupName: 'bench', language: 'en', scenarioIds: [flagship.id] });

const figures = new Map<string, { wall: number[]; cpu: number[] }>();
async function measure(name: string, fn: () => Promise<unknown>): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const entry = figures.get(name) ?? { wall: [], cpu: [] };
  entry.wall.push(wall);
  entry.cpu.push((cpu.user + cpu.system) / 1000);
  figures.set(name, entry);
}

for (let round = 0; round < ROUNDS; round++) {
  const seed = randomBytes(6).toString('hex');
  for (const kind of EXERCISE_KINDS) await measure(`generate ${kind}`, async () => generateMaterial(kind, seed));
  // One session per round: a session holds at most 20 exercises.
  const session = await newSession();
  const trainee = actor(`bench-trainee-${round}`, 'trainee');
  await training.join(trainee, session.code, `Trainee ${round}`);
  const ids: Record<string, string> = {};
  for (const kind of EXERCISE_KINDS) ids[kind] = (await exercises.addExercise(trainer, session.id, { kind, seed })).id;
  await measure('tool find-templates (200 ads)', () =>
    exercises.runTool(trainee, ids['ad-templates']!, { tool: 'find-templates' }),
  );
  await measure('tool trace (haircut)', () =>
    exercises.runTool(trainee, ids['wallet-trace']!, { tool: 'trace', method: 'haircut' }),
  );
  await measure('tool collect-export (bundle)', () =>
    exercises.runTool(trainee, ids['chat-evidence']!, { tool: 'collect-export' }),
  );
  await measure('tool verify (bundle)', () => exercises.runTool(trainee, ids['chat-evidence']!, { tool: 'verify' }));
  await measure('answer ad-templates', () =>
    exercises.submitAnswer(trainee, ids['ad-templates']!, { kind: 'ad-templates', adId: 'ad-001', phone: '061000000' }),
  );
  await measure('answer screening-referral', () =>
    exercises.submitAnswer(trainee, ids['screening-referral']!, {
      kind: 'screening-referral',
      present: ['deception'],
      suggestion: 'gather_more_information',
      services: ['shelter'],
    }),
  );
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`rounds ${ROUNDS} (SQLite file, in-process)`);
console.log('operation'.padEnd(34), 'wall p50 ms'.padStart(12), 'wall max ms'.padStart(12), 'CPU mean ms'.padStart(12));
for (const [name, f] of figures) {
  const meanCpu = f.cpu.reduce((s, x) => s + x, 0) / f.cpu.length;
  console.log(
    name.padEnd(34),
    pct(f.wall, 0.5).toFixed(1).padStart(12),
    Math.max(...f.wall)
      .toFixed(1)
      .padStart(12),
    meanCpu.toFixed(1).padStart(12),
  );
}
await closeEventBus(database);
await database.destroy();
rmSync(dir, { recursive: true, force: true });
