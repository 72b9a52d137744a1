// Benchmark: k-anonymised statistics release + CSV over N victim records of one year, on a SQLite file.
// Run: npx tsx bench/victims-statistics.ts [records=100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createDatabase, migrateToLatest } from '@trag/db';
import { fixedClock, type Actor, type CoreContext } from '@trag/core/shared';
import { StatisticsService } from '@trag/core/victims';

const N = Number(process.argv[2] ?? 100_000);
const AT = '2025-06-01T00:00:00.000Z';
const dir = mkdtempSync(path.join(tmpdir(), 'trag-bench-vstats-'));
const database = createDatabase({ sqlitePath: path.join(dir, 'trag.sqlite') });
await migrateToLatest(database);
const ctx: CoreContext = { database, clock: fixedClock('2026-11-30T09:00:00.000Z'), dataDir: dir };
const agencyId = randomUUID();
const caseId = randomUUID();
await database.db
  .insertInto('agencies')
  .values({
    id: agencyId,
    name: 'Bench',
    country: 'RS',
    kind: 'social_welfare',
    reference_prefix: 'B',
    require_totp: 0,
    created_at: AT,
  })
  .execute();
await database.db
  .insertInto('cases')
  .values({
    id: caseId,
    agency_id: agencyId,
    reference: 'B-1',
    title: 'Bench',
    case_type: 'other',
    status: 'open',
    jurisdiction: null,
    opened_on: '2025-01-01',
    incident_from: null,
    incident_to: null,
    closed_at: null,
    close_reason: null,
    tags: '[]',
    description: '',
    contact_point: null,
    created_by: 'bench',
    created_at: AT,
    updated_at: AT,
  })
  .execute();

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
const genders = ['Female', 'Male', 'Female', 'Unknown'];
const bands = ['0-11', '12-17', '18-24', '25-34', '35-49', '50+'];
const nats = ['RS', 'BA', 'MK', 'ME', 'AL', 'XK', 'BG', 'RO', 'UA', 'SY', 'AF', 'NG'];
const types = [['labour'], ['sexual'], ['begging'], ['labour', 'forced_criminality'], ['forced_marriage']];
const methods = ['Internet', 'JobOfferOrAdvertisement', 'Familial', 'IntimatePartnerOrMarriageProposition', 'Unknown'];
const t0 = performance.now();
const BATCH = 500;
for (let start = 0; start < N; start += BATCH) {
  const rows = [];
  for (let i = start; i < Math.min(N, start + BATCH); i++) {
    rows.push({
      id: randomUUID(),
      case_id: caseId,
      agency_id: agencyId,
      code: `V-2025-${String(i + 1).padStart(6, '0')}`,
      data_key_id: null,
      status: i % 3 === 0 ? 'presumed' : 'identified',
      status_body: null,
      status_date: null,
      gender: pick(genders, i * 7),
      age_band: pick(bands, i * 13),
      is_child: 0,
      nationality: pick(nats, i * 31 + (i >> 5)),
      exploitation_types: JSON.stringify(pick(types, i * 17)),
      recruitment_method: pick(methods, i * 11),
      country: 'RS',
      registration_year: 2025,
      owner_user_id: 'bench',
      created_by: 'bench',
      created_at: AT,
      updated_at: AT,
      erased_at: null,
      erased_by: null,
      erasure_reason: null,
    });
  }
  await database.db.insertInto('victim_records').values(rows).execute();
}
const insertS = (performance.now() - t0) / 1000;
const analyst: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'Bench',
  agencyId,
  unitId: null,
  role: 'analyst',
  ip: null,
  via: 'system',
};
const s = performance.now();
const csv = await new StatisticsService(ctx, 5).csv(analyst, 2025);
const exportS = (performance.now() - s) / 1000;
const s2 = performance.now();
await new StatisticsService(ctx, 5).csv(analyst, 2025);
const frozenS = (performance.now() - s2) / 1000;
console.log(`records: ${N} (inserted in ${insertS.toFixed(1)} s)`);
console.log(
  `first release + CSV (aggregate, suppress, freeze): ${exportS.toFixed(2)} s, ${csv.split('\n').length - 2} cells`,
);
console.log(`repeat export (frozen release): ${frozenS.toFixed(3)} s`);
await database.destroy();
rmSync(dir, { recursive: true, force: true });
