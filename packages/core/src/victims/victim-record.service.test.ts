import { readFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, migrateToLatest } from '@trag/db';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { AuditService } from '../audit';
import { VictimRecordService } from './victim-record.service';
import { buildClassification, buildVictimsWorld, type VictimsWorld } from './victims.builders';

const NAME = { prs_FirstName: 'Zorica', prs_SecondName: 'Testanović-Plaintextcheck' };

async function rejects(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toMatchObject({ code });
}

describeEachDialect('victim records', (dialect) => {
  let database: TestDatabase;
  let w: VictimsWorld;
  let service: VictimRecordService;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    w = await buildVictimsWorld(database);
    service = new VictimRecordService(w.ctx, w.protection);
  });
  afterAll(async () => {
    await w.close();
    await database.destroy();
  });

  it('issues pseudonymous codes per agency and year', async () => {
    const a = await service.create(w.socialWorker, { caseId: w.caseId, classification: buildClassification() });
    const b = await service.create(w.investigator, {
      caseId: w.caseId,
      classification: buildClassification({ gender: 'Male' }),
    });
    expect(a.record.code).toMatch(/^V-2026-\d{4}$/);
    expect(Number(b.record.code.slice(-4))).toBe(Number(a.record.code.slice(-4)) + 1);
  });

  it('gives the investigator the pseudonym and status but never the name', async () => {
    const created = await service.create(w.socialWorker, {
      caseId: w.caseId,
      classification: buildClassification(),
      groups: { identity: NAME, health: { healthNotes: 'needs insulin' } },
    });
    expect(created.groups.identity).toEqual(NAME);
    const seen = await service.open(w.investigator, created.record.id);
    expect(seen.record.code).toBe(created.record.code);
    expect(seen.record.status).toBe('presumed');
    expect(seen.groups).toEqual({});
    expect(JSON.stringify(seen)).not.toContain('Zorica');
    const prosecutor = await service.open(w.prosecutor, created.record.id);
    expect(JSON.stringify(prosecutor)).not.toContain('Zorica');
  });

  it('refuses protected writes by roles without write permission, on the server', async () => {
    const created = await service.create(w.socialWorker, { caseId: w.caseId, classification: buildClassification() });
    await rejects(
      service.updateGroups(w.investigator, created.record.id, { identity: NAME }),
      'victim_field_forbidden',
    );
    await rejects(
      service.create(w.investigator, {
        caseId: w.caseId,
        classification: buildClassification(),
        groups: { story: { statement: 'x' } },
      }),
      'victim_field_forbidden',
    );
  });

  it('hides records from non-members exactly like missing ones', async () => {
    const created = await service.create(w.socialWorker, { caseId: w.caseId, classification: buildClassification() });
    await rejects(service.open(w.outsider, created.record.id), 'victim_not_found');
    await rejects(service.open(w.outsider, '00000000-0000-0000-0000-000000000000'), 'victim_not_found');
  });

  it('logs every protected read for the social worker, and break-glass alerts the owner', async () => {
    const created = await service.create(w.socialWorker, {
      caseId: w.caseId,
      classification: buildClassification(),
      groups: { identity: NAME },
    });
    await service.open(w.socialWorker, created.record.id);
    await rejects(
      service.open(w.investigator, created.record.id, { breakGlassReason: 'short' }),
      'victim_break_glass_reason',
    );
    const glass = await service.open(w.investigator, created.record.id, {
      breakGlassReason: 'Person missing, need contact phone now',
    });
    expect(glass.breakGlass).toBe(true);
    expect(glass.groups.identity).toEqual(NAME);
    await rejects(service.accessLog(w.investigator, created.record.id), 'victim_permission_denied');
    const log = await service.accessLog(w.socialWorker, created.record.id);
    const actions = log.rows.map((r) => `${r.actor_role}:${r.action}`);
    expect(actions).toEqual(
      expect.arrayContaining(['social_worker:write', 'social_worker:read', 'investigator:break_glass_read']),
    );
    const alerts = await service.breakGlassAlerts(w.socialWorker);
    expect(alerts.map((a) => a.reason)).toContain('Person missing, need contact phone now');
    await service.acknowledgeAlert(w.socialWorker, alerts[0]!.id);
    expect(await service.breakGlassAlerts(w.socialWorker)).toHaveLength(alerts.length - 1);
    const audit = await new AuditService(w.ctx).list({ caseId: w.caseId }, 500, 0);
    expect(audit.entries.some((e) => e.action === 'victim.break_glass')).toBe(true);
    expect(JSON.stringify(audit.entries)).not.toContain('Zorica');
  });

  it('records status with the identifying body and date', async () => {
    const created = await service.create(w.socialWorker, { caseId: w.caseId, classification: buildClassification() });
    await rejects(
      service.setStatus(w.socialWorker, created.record.id, {
        status: 'identified',
        statusBody: null,
        statusDate: null,
      }),
      'victim_status_body_required',
    );
    const row = await service.setStatus(w.socialWorker, created.record.id, {
      status: 'identified',
      statusBody: 'Centre for Protection of Victims of Trafficking',
      statusDate: '2026-11-20',
    });
    expect(row.status).toBe('identified');
  });
});

describe('encryption at rest', () => {
  it('leaves no plaintext of a victim name in the SQLite file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trag-victims-file-'));
    const file = path.join(dir, 'trag.sqlite');
    const database = createDatabase({ sqlitePath: file });
    await migrateToLatest(database);
    const w = await buildVictimsWorld(database);
    const service = new VictimRecordService(w.ctx, w.protection);
    const created = await service.create(w.socialWorker, {
      caseId: w.caseId,
      classification: buildClassification(),
      groups: { identity: NAME, story: { statement: 'Recruited by Plaintextcheck at the bus station' } },
    });
    await service.open(w.socialWorker, created.record.id);
    database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
    await w.close();
    await database.destroy();
    const bytes = Buffer.concat([
      readFileSync(file),
      existsSync(file + '-wal') ? readFileSync(file + '-wal') : Buffer.alloc(0),
    ]);
    expect(bytes.includes(Buffer.from('Plaintextcheck'))).toBe(false);
    expect(bytes.includes(Buffer.from('Zorica'))).toBe(false);
    expect(bytes.includes(Buffer.from(created.record.code))).toBe(true); // the test can see the file at all
    rmSync(dir, { recursive: true, force: true });
  });
});
