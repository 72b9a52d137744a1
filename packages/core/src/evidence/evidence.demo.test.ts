import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { loadCasesDemo } from '../cases';
import { loadIdentityDemo } from '../identity';
import { fixedClock, type CoreContext } from '../shared';
import { verifyBundle } from './bundle-verifier';
import { loadEvidenceDemo } from './evidence.demo';
import { EvidenceService } from './evidence.service';
import { tempDir } from './evidence.builders';

describeEachDialect('evidence demo', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = { database, clock: fixedClock('2026-11-30T10:00:00.000Z'), dataDir: tempDir() };
  });
  afterEach(async () => database.destroy());

  it('loads synthetic items with custody histories and a bundle that verifies', async () => {
    const identity = await loadIdentityDemo(ctx);
    const cases = await loadCasesDemo(ctx, identity);
    const demo = await loadEvidenceDemo(ctx, { identity, cases });
    expect(demo).not.toBeNull();
    const service = new EvidenceService(ctx);
    const investigator = identity.accounts.find((a) => a.role === 'investigator')!;
    const actor = { ...investigator, unitId: null, ip: null, via: 'system' as const };
    const list = await service.list(actor, demo!.caseId);
    expect(list.items.map((i) => i.kind)).toEqual(['web_capture', 'chat_export', 'file']);
    expect(list.items.every((i) => i.description.startsWith('DEMO'))).toBe(true);
    const report = await verifyBundle(service.exportPath(demo!.exportId));
    expect(report).toMatchObject({ ok: true, bundle: { synthetic: true } });
    expect(report.items).toHaveLength(4);
  });
});
