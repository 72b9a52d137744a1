// Benchmark: import a Telegram Desktop export of N messages (result.json in the real export format, with a few
// hundred photos) into a case on a SQLite file: parse, store the original and the photos, index every message.
// Prints wall time and the process's peak RSS.
// Run: npx tsx bench/evidence-telegram.ts [messages=100000] [photos=200]
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, migrateToLatest } from '@trag/db';
import { EvidenceService, zipFolder } from '@trag/core/evidence';
import { systemClock } from '@trag/core/shared';
import { createBenchInvestigator } from './support/bench-investigator';

const MESSAGES = Number(process.argv[2] ?? 100_000);
const PHOTOS = Number(process.argv[3] ?? 200);
const dir = mkdtempSync(path.join(tmpdir(), 'trag-bench-telegram-'));
const exportDir = path.join(dir, 'ChatExport_2026-11-30');
mkdirSync(path.join(exportDir, 'photos'), { recursive: true });

const words = ['posao', 'Njemačka', 'plata', 'smještaj', 'pasoš', 'viza', 'kombi', 'granica', 'ugovor', 'EUR'];
const messages = [];
const start = Date.UTC(2026, 0, 1) / 1000;
for (let i = 1; i <= MESSAGES; i++) {
  const from = i % 3 === 0 ? 'Ana' : 'Marko Job Agent';
  const text = Array.from({ length: 8 + (i % 12) }, (_, k) => words[(i * 7 + k) % words.length]).join(' ');
  const message: Record<string, unknown> = {
    id: i,
    type: 'message',
    date: new Date((start + i * 60) * 1000).toISOString().slice(0, 19),
    date_unixtime: String(start + i * 60),
    from,
    from_id: from === 'Ana' ? 'user6234567890' : 'user5123456789',
    text,
    text_entities: [{ type: 'plain', text }],
  };
  if (i % Math.max(1, Math.floor(MESSAGES / PHOTOS)) === 0 && i / Math.floor(MESSAGES / PHOTOS) <= PHOTOS) {
    const name = `photos/photo_${i}@01-01-2026_00-00-00.jpg`;
    writeFileSync(path.join(exportDir, name), randomBytes(20_000));
    message.photo = name;
    message.width = 800;
    message.height = 600;
  }
  messages.push(message);
}
writeFileSync(
  path.join(exportDir, 'result.json'),
  JSON.stringify({ name: 'Bench chat', type: 'private_group', id: 1234567890, messages }, null, 1),
);
const zip = path.join(dir, 'ChatExport_2026-11-30.zip');
await zipFolder(exportDir, zip);

const database = createDatabase({ sqlitePath: path.join(dir, 'trag.sqlite') });
await migrateToLatest(database);
const ctx = { database, clock: systemClock, dataDir: path.join(dir, 'data') };
const { actor, caseId } = await createBenchInvestigator(ctx);

try {
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  const t0 = performance.now();
  const item = await new EvidenceService(ctx).collectPath(actor, caseId, zip, {
    description: 'Benchmark Telegram export',
    import: true,
  });
  const seconds = (performance.now() - t0) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  const count = await database.db
    .selectFrom('evidence_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const attachments = await database.db
    .selectFrom('evidence_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', item.id)
    .executeTakeFirstOrThrow();
  console.log(
    `export: ${MESSAGES} messages, ${PHOTOS} photos, zip ${(statSync(zip).size / 1024 / 1024).toFixed(1)} MiB`,
  );
  console.log(`import: ${seconds.toFixed(2)} s (target < 60 s)`);
  console.log(`indexed messages: ${Number(count.n)}, attachment items: ${Number(attachments.n)}`);
  console.log(`process RSS before ${rssBefore.toFixed(0)} MiB, peak ${peak.toFixed(0)} MiB (target < 1024 MiB)`);
} finally {
  await database.destroy();
  rmSync(dir, { recursive: true, force: true });
}
