import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { loadIdentityDemo, type IdentityDemo } from '@trag/core/identity';
import { loadCasesDemo } from '@trag/core/cases';
import { fixedClock, type Actor, type CoreContext } from '@trag/core/shared';
import { CooperationService } from './cooperation.service';
import { loadCooperationDemo, type CooperationDemo } from './cooperation.demo';

describeEachDialect('cooperation demo', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  let identity: IdentityDemo;
  let demo: CooperationDemo | null;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-coop-demo-'));

  const actor = (role: string): Actor => {
    const a = identity.accounts.find((x) => x.role === role)!;
    return {
      userId: a.userId,
      username: a.username,
      displayName: a.displayName,
      agencyId: a.agencyId,
      unitId: null,
      role: a.role,
      ip: null,
      via: 'session',
    };
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    ctx = { database, clock: fixedClock('2026-11-30T09:00:00.000Z'), dataDir };
    identity = await loadIdentityDemo(ctx);
    const cases = await loadCasesDemo(ctx, identity);
    demo = await loadCooperationDemo(ctx, { identity, cases });
  }, 60_000);
  afterAll(async () => {
    await database.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows Sarajevo a trusted Belgrade partner and a received, receipted H2 package in Operation Skela', async () => {
    expect(demo).not.toBeNull();
    const service = new CooperationService(ctx);
    const investigator = actor('investigator');
    const partners = await service.listPartners(investigator);
    expect(partners.items.map((p) => [p.agencyName, p.status])).toEqual([
      ['DEMO Police Directorate Belgrade', 'trusted'],
    ]);
    const packages = await service.listPackages(investigator);
    expect(packages.items).toHaveLength(1);
    expect(packages.items[0]).toMatchObject({
      direction: 'in',
      status: 'imported',
      handlingCode: 'H2',
      caseId: demo!.caseId,
    });
    const material = await service.caseMaterial(investigator, demo!.caseId);
    expect(material.items.map((m) => m.recordType).sort()).toEqual(['entity', 'entity', 'evidence', 'note']);
    const sent = await service.listPackages(actor('analyst'));
    expect(sent.items[0]).toMatchObject({ direction: 'out', status: 'receipted' });
  });
});
