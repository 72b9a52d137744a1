// Issue 8 performance: a session of 40 trainees playing at once on loopback. Each trainee joins with the code and
// plays the flagship scenario over HTTP (random choices, random think time), starting again when an attempt ends;
// the trainer's dashboard listens to the live events (SSE) and re-reads the progress on each, as the web page does.
// Figures: the choice round trip (POST …/choices → response) and the dashboard update delay (choice sent → a
// progress response that shows it), p50/p99/max.
//   npx tsx bench/training-session.ts [--trainees 40] [--seconds 30] [--think-ms 300] [--port 19000]
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '@trag/api';
import { loadConfig } from '@trag/api/config';
import { authHeaders, createTestAgency, createTestUser, type TestApp } from '@trag/api/testing';
import { createDatabase, migrateToLatest } from '@trag/db';
import { systemClock, type CoreContext } from '@trag/core/shared';
import { closeEventBus } from '@trag/core/platform';

const { values: args } = parseArgs({
  options: {
    trainees: { type: 'string', default: '40' },
    seconds: { type: 'string', default: '30' },
    'think-ms': { type: 'string', default: '300' },
    port: { type: 'string', default: '19000' },
  },
});
const TRAINEES = Number(args.trainees);
const SECONDS = Number(args.seconds);
const THINK = Number(args['think-ms']);
const PORT = Number(args.port);

// The API refuses to start without the victims' master key; a throw-away one for throw-away data.
process.env.TRAG_MASTER_KEY ??= randomBytes(32).toString('base64');
const dir = mkdtempSync(path.join(tmpdir(), 'trag-bench-training-'));
const database = createDatabase({ sqlitePath: path.join(dir, 'trag.sqlite') });
await migrateToLatest(database);
const core: CoreContext = { database, clock: systemClock, dataDir: dir };
const app = await buildApp({ core, config: loadConfig({}, { dataDir: dir, webDist: undefined, demo: false }) });
await app.listen({ host: '127.0.0.1', port: PORT });
const base = `http://127.0.0.1:${PORT}`;
const t = { app, core, database, close: async () => {} } as unknown as TestApp;

const centre = await createTestAgency(t, { country: 'BA' });
const trainer = await createTestUser(t, { role: 'trainer', agencyId: centre.id });
const trainerHeaders = { ...(await authHeaders(t, trainer)), 'content-type': 'application/json' };

async function api<T>(headers: Record<string, string>, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const { scenarios } = await api<{ scenarios: Array<{ id: string; slug: string }> }>(
  trainerHeaders,
  'GET',
  '/api/training/scenarios',
);
const flagship = scenarios.find((s) => s.slug === 'labour-exploitation-interview')!.id;
const session = await api<{ id: string; code: string }>(trainerHeaders, 'POST', '/api/training/sessions', {
  title: 'Bench',
  groupName: 'Bench group',
  language: 'bs',
  scenarioIds: [flagship],
});

// ---- the trainer's dashboard: SSE → re-read progress (one read in flight, one queued)
interface Pending {
  participantId: string;
  step: number;
  attemptId: string;
  sentAt: number;
}
const pending: Pending[] = [];
const dashboardDelays: number[] = [];
let inFlight = false;
let dirty = false;
let progressReads = 0;
async function refresh(): Promise<void> {
  if (inFlight) {
    dirty = true;
    return;
  }
  inFlight = true;
  do {
    dirty = false;
    const { entries } = await api<{ entries: Array<{ attemptId: string | null; step: number }> }>(
      trainerHeaders,
      'GET',
      `/api/training/sessions/${session.id}/progress`,
    );
    progressReads++;
    const now = performance.now();
    const steps = new Map(entries.map((e) => [e.attemptId, e.step]));
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i]!;
      if ((steps.get(p.attemptId) ?? -1) >= p.step) {
        dashboardDelays.push(now - p.sentAt);
        pending.splice(i, 1);
      }
    }
  } while (dirty);
  inFlight = false;
}
const sse = await fetch(`${base}/api/events?topics=training.session`, { headers: trainerHeaders });
const reader = sse.body!.getReader();
void (async () => {
  const decoder = new TextDecoder();
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done) return;
    if (decoder.decode(value).includes('event: training.session')) void refresh();
  }
})();

// ---- the trainees
const roundTrips: number[] = [];
let attempts = 0;
let errors = 0;
const stopAt = performance.now() + SECONDS * 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function trainee(n: number): Promise<void> {
  const user = await createTestUser(t, { role: 'trainee', agencyId: centre.id });
  const headers = { ...(await authHeaders(t, user)), 'content-type': 'application/json' };
  const { participantId } = await api<{ participantId: string }>(headers, 'POST', '/api/training/join', {
    code: session.code,
    displayName: `Trainee ${n + 1}`,
  });
  await sleep(Math.random() * THINK);
  while (performance.now() < stopAt) {
    let view = await api<{ id: string; step: number; choices: Array<{ choiceId: string }> }>(
      headers,
      'POST',
      '/api/training/attempts',
      {
        scenarioId: flagship,
        sessionId: session.id,
      },
    );
    attempts++;
    while (view.choices.length > 0 && performance.now() < stopAt) {
      await sleep(THINK * (0.5 + Math.random()));
      // Mostly good choices, sometimes another one (some attempts end at a critical violation).
      const choice =
        Math.random() < 0.8 ? view.choices[0]! : view.choices[Math.floor(Math.random() * view.choices.length)]!;
      const sentAt = performance.now();
      pending.push({ participantId, step: view.step + 1, attemptId: view.id, sentAt });
      try {
        view = await api(headers, 'POST', `/api/training/attempts/${view.id}/choices`, { choiceId: choice.choiceId });
        roundTrips.push(performance.now() - sentAt);
      } catch {
        errors++;
        break;
      }
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: TRAINEES }, (_, i) => trainee(i)));
await sleep(1500); // let the dashboard catch up with the last choices
const wall = (performance.now() - started) / 1000;

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const fmt = (v: number) => v.toFixed(1);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `trainees ${TRAINEES}, ${wall.toFixed(1)} s, think ${THINK} ms ±50 %, attempts ${attempts}, choices ${roundTrips.length} (${(roundTrips.length / wall).toFixed(1)}/s), errors ${errors}`,
);
console.log(
  `choice round trip ms: p50 ${fmt(pct(roundTrips, 50))}  p90 ${fmt(pct(roundTrips, 90))}  p99 ${fmt(pct(roundTrips, 99))}  max ${fmt(Math.max(...roundTrips))}`,
);
console.log(
  `dashboard update ms: p50 ${fmt(pct(dashboardDelays, 50))}  p99 ${fmt(pct(dashboardDelays, 99))}  max ${fmt(Math.max(...dashboardDelays))}  (${dashboardDelays.length} choices seen, ${pending.length} never seen, ${progressReads} progress reads)`,
);

await reader.cancel().catch(() => {});
await app.close();
await closeEventBus(database);
await database.destroy();
rmSync(dir, { recursive: true, force: true });
process.exit(0);
