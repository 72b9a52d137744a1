// Benchmark: open a victim record with all seven field groups decrypted (policy check, membership check, key
// unwrap, 7 AES-256-GCM opens, access-log row and audit entry), on a SQLite file.
// Run: npx tsx bench/victims-open.ts [records=1000] [opens=2000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createDatabase, migrateToLatest } from '@trag/db';
import { systemClock, type Actor, type CoreContext } from '@trag/core/shared';
import { VictimRecordService, closeVictimProtection, victimProtectionFor } from '@trag/core/victims';

const RECORDS = Number(process.argv[2] ?? 1000);
const OPENS = Number(process.argv[3] ?? 2000);
const AT = new Date().toISOString();

const dir = mkdtempSync(path.join(tmpdir(), 'trag-bench-victims-'));
const database = createDatabase({ sqlitePath: path.join(dir, 'trag.sqlite') });
await migrateToLatest(database);
const ctx: CoreContext = { database, clock: systemClock, dataDir: dir };
const protection = victimProtectionFor(ctx, {
  env: { TRAG_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') },
  allowGeneratedKey: false,
});

const agencyId = randomUUID();
const userId = randomUUID();
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
  .insertInto('users')
  .values({
    id: userId,
    agency_id: agencyId,
    unit_id: null,
    username: 'bench',
    display_name: 'Bench',
    email: null,
    role: 'social_worker',
    password_hash: 'x',
    locale: 'en',
    disabled: 0,
    totp_secret: null,
    totp_enabled: 0,
    failed_logins: 0,
    locked_until: null,
    created_at: AT,
    updated_at: AT,
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
    opened_on: AT.slice(0, 10),
    incident_from: null,
    incident_to: null,
    closed_at: null,
    close_reason: null,
    tags: '[]',
    description: '',
    contact_point: null,
    created_by: userId,
    created_at: AT,
    updated_at: AT,
  })
  .execute();
await database.db
  .insertInto('case_members')
  .values({
    id: randomUUID(),
    case_id: caseId,
    user_id: userId,
    unit_id: null,
    case_role: 'social_worker',
    added_by: userId,
    added_at: AT,
  })
  .execute();
const actor: Actor = {
  userId,
  username: 'bench',
  displayName: 'Bench',
  agencyId,
  unitId: null,
  role: 'social_worker',
  ip: '127.0.0.1',
  via: 'session',
};

const service = new VictimRecordService(ctx, protection);
const story = 'Synthetic statement. '.repeat(150); // ~3 KB
const ids: string[] = [];
const t0 = performance.now();
for (let i = 0; i < RECORDS; i++) {
  const view = await service.create(actor, {
    caseId,
    classification: {
      gender: 'Female',
      ageBand: '18-24',
      isChild: false,
      nationality: 'RS',
      exploitationTypes: ['labour'],
      recruitmentMethod: 'Internet',
    },
    groups: {
      identity: {
        prs_FirstName: `Bench${i}`,
        prs_SecondName: 'Person',
        prs_Birthdate: '2001-02-03',
        prs_MobilePhone: '+381601234567',
        aliases: ['B'],
      },
      origin: { prs_Nationality: 'RS', languages: ['sr', 'en'] },
      age: { ageEstimate: '24', isChild: false },
      vulnerabilities: { vic_Vulnerabilities: ['Poverty'], vic_DetailsOfVulnerabilities: 'Synthetic details.' },
      health: { healthNotes: 'Synthetic health note.' },
      story: { statement: story, vic_MethodsOfControl: ['DebtBondage'] },
      media: { mediaReferences: ['blob:1', 'blob:2'] },
    },
  });
  ids.push(view.record.id);
}
const createMs = performance.now() - t0;

const times: number[] = [];
for (let i = 0; i < OPENS; i++) {
  const id = ids[Math.floor(Math.random() * ids.length)]!;
  const s = performance.now();
  const view = await service.open(actor, id);
  times.push(performance.now() - s);
  if (Object.keys(view.groups).length !== 7) throw new Error('not all groups decrypted');
}
// The cryptographic part alone (key unwrap + seven AES-256-GCM opens), to separate it from the two writes.
const cryptoTimes: number[] = [];
for (let i = 0; i < OPENS; i++) {
  const id = ids[Math.floor(Math.random() * ids.length)]!;
  const row = await database.db
    .selectFrom('victim_records')
    .select('data_key_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const sealed = await database.db
    .selectFrom('victim_field_groups')
    .select(['field_group', 'sealed'])
    .where('record_id', '=', id)
    .execute();
  const s = performance.now();
  const key = protection.recordKey(row.data_key_id!, id);
  for (const g of sealed) protection.openJson(key, id, g.field_group, g.sealed);
  cryptoTimes.push(performance.now() - s);
}
cryptoTimes.sort((a, b) => a - b);
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
console.log(
  `records: ${RECORDS} (created in ${(createMs / 1000).toFixed(1)} s), opens: ${OPENS}, all 7 groups decrypted`,
);
console.log(`open record latency ms: p50 ${q(50)}  p95 ${q(95)}  p99 ${q(99)}  max ${times.at(-1)!.toFixed(2)}`);
const cq = (p: number) =>
  cryptoTimes[Math.min(cryptoTimes.length - 1, Math.floor((p / 100) * cryptoTimes.length))]!.toFixed(3);
console.log(`  of which key unwrap + 7 group decryptions ms: p50 ${cq(50)}  p99 ${cq(99)}`);
console.log(
  `load average during run: ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
await closeVictimProtection(dir);
await database.destroy();
rmSync(dir, { recursive: true, force: true });
