import { expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '@trag/db/testing';
import { loadIdentityDemo } from '@trag/core/identity';
import { loadCasesDemo } from '@trag/core/cases';
import { fixedClock, type CoreContext } from '@trag/core/shared';
import { loadRecruitmentDemo } from './recruitment.demo';
import { RecruitmentService } from './recruitment.service';

describeEachDialect('recruitment demo', (dialect) => {
  it('puts synthetic ads into the demo labour case: a template in both scripts, one phone behind many ads', async () => {
    const database = await createTestDatabase(dialect);
    const ctx: CoreContext = { database, clock: fixedClock('2026-11-30T09:00:00.000Z'), dataDir: '/nonexistent' };
    try {
      const identity = await loadIdentityDemo(ctx);
      const cases = await loadCasesDemo(ctx, identity);
      const demo = await loadRecruitmentDemo(ctx, { identity, cases });
      expect(demo).not.toBeNull();
      expect(demo!.items).toBe(9);
      expect(demo!.flagged).toBeGreaterThanOrEqual(5);
      const investigator = identity.accounts.find((a) => a.role === 'investigator')!;
      const actor = {
        ...investigator,
        unitId: null,
        role: investigator.role as 'investigator',
        ip: null,
        via: 'session' as const,
      };
      const view = await new RecruitmentService(ctx).network(actor, demo!.caseId);
      expect(view.identifiers[0]).toMatchObject({ key: 'phone:+38761555012' });
      expect(view.identifiers[0]!.degree).toBeGreaterThanOrEqual(5);
      const list = await new RecruitmentService(ctx).listItems(actor, demo!.caseId, { limit: 20, offset: 0 });
      expect(list.rows.find((r) => r.external_id === 'demo-fb-301')!.flagged).toBe(0);
    } finally {
      await database.destroy();
    }
  });
});
