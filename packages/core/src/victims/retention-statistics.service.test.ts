import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from '@trag/db';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { fixedClock } from '../shared/clock';
import { RetentionService } from './retention.service';
import { StatisticsService } from './statistics.service';
import { VictimRecordService } from './victim-record.service';
import { buildActorRow, buildClassification, buildVictimsWorld, type VictimsWorld } from './victims.builders';

describeEachDialect('retention and statistics', (dialect) => {
  let database: TestDatabase;
  let w: VictimsWorld;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    w = await buildVictimsWorld(database);
  });
  afterAll(async () => {
    await w.close();
    await database.destroy();
  });

  it('lists records past retention and erases them by crypto-shredding, leaving an audit stub', async () => {
    const records = new VictimRecordService(w.ctx, w.protection);
    const v = await records.create(w.socialWorker, {
      caseId: w.caseId,
      classification: buildClassification(),
      groups: { identity: { prs_FirstName: 'Mira' } },
    });
    const later = { ...w.ctx, clock: fixedClock('2037-01-01T00:00:00.000Z') };
    const retention = new RetentionService(later, w.protection);
    await expect(new RetentionService(w.ctx, w.protection).dueForReview(w.supervisor)).resolves.toEqual([]);
    const due = await retention.dueForReview(w.supervisor);
    expect(due.map((d) => d.code)).toContain(v.record.code);
    await expect(retention.erase(w.socialWorker, v.record.id, 'retention rule')).rejects.toMatchObject({
      code: 'victim_permission_denied',
    });
    await retention.erase(w.supervisor, v.record.id, 'retention rule victim_record 120 months');
    const stub = await records.open(w.socialWorker, v.record.id);
    expect(stub.record.erased_at).not.toBeNull();
    expect(stub.record.code).toBe(v.record.code);
    expect(stub.groups).toEqual({});
    expect(w.protection.vault.has(v.record.data_key_id!)).toBe(false);
    expect((await retention.dueForReview(w.supervisor)).map((d) => d.code)).not.toContain(v.record.code);
  });

  it('releases closed years only, k-anonymised and frozen against differencing', async () => {
    const analyst = await buildActorRow(database, w.agencyId, 'analyst');
    const stats = new StatisticsService(w.ctx, 5);
    await expect(stats.release(analyst, 2026)).rejects.toMatchObject({ code: 'statistics_year_open' });
    await expect(stats.release(w.investigator, 2025)).rejects.toMatchObject({ code: 'victim_permission_denied' });
    const ctx2025 = { ...w.ctx, clock: fixedClock('2025-06-01T00:00:00.000Z') };
    const records2025 = new VictimRecordService(ctx2025, w.protection);
    for (let i = 0; i < 7; i++)
      await records2025.create(w.socialWorker, { caseId: w.caseId, classification: buildClassification() });
    await records2025.create(w.socialWorker, {
      caseId: w.caseId,
      classification: buildClassification({ nationality: 'AL' }),
    });
    const first = await stats.csv(analyst, 2025);
    expect(first).toContain('2025,total,all,8');
    expect(first).toContain('2025,prs_Nationality,AL,<5');
    expect(first).toContain('2025,prs_Nationality,RS,<5'); // secondary suppression: 8 − 7 would reveal AL
    // One more record of 2025 arrives later: the export does not change, so the two cannot be differenced.
    await records2025.create(w.socialWorker, {
      caseId: w.caseId,
      classification: buildClassification({ nationality: 'ME' }),
    });
    expect(await stats.csv(analyst, 2025)).toBe(first);
    expect(await new StatisticsService(w.ctx, 3).csv(analyst, 2025)).toBe(first);
  });
});

describe('crypto-shredding and backups', () => {
  it('makes the erased record unreadable in a database backup taken before the erasure', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trag-victims-backup-'));
    const database = createDatabase({ sqlitePath: path.join(dir, 'trag.sqlite') });
    await migrateToLatest(database);
    const w = await buildVictimsWorld(database);
    const records = new VictimRecordService(w.ctx, w.protection);
    const gone = await records.create(w.socialWorker, {
      caseId: w.caseId,
      classification: buildClassification(),
      groups: { identity: { prs_FirstName: 'Gone' } },
    });
    const kept = await records.create(w.socialWorker, {
      caseId: w.caseId,
      classification: buildClassification(),
      groups: { identity: { prs_FirstName: 'Kept' } },
    });
    const backupFile = path.join(dir, 'backup.sqlite');
    await database.sqlite!.backup(backupFile);
    await new RetentionService(w.ctx, w.protection).erase(w.supervisor, gone.record.id, 'data subject request');

    // Restore the backup into a second database and read it with the live keys.
    const restored = createDatabase({ sqlitePath: backupFile });
    const restoredRecords = new VictimRecordService({ ...w.ctx, database: restored }, w.protection);
    const k = await restoredRecords.open(w.socialWorker, kept.record.id);
    expect(k.groups.identity).toEqual({ prs_FirstName: 'Kept' });
    const backupRow = await restored.db
      .selectFrom('victim_records')
      .select('erased_at')
      .where('id', '=', gone.record.id)
      .executeTakeFirstOrThrow();
    expect(backupRow.erased_at).toBeNull(); // the backup predates the erasure…
    await expect(restoredRecords.open(w.socialWorker, gone.record.id)).rejects.toMatchObject({
      code: 'victim_data_erased',
    }); // …and still cannot be read
    await restored.destroy();
    await w.close();
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
});
