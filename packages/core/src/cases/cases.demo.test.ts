import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { loadIdentityDemo, type IdentityDemo } from '@trag/core/identity';
import { SearchService } from '@trag/core/search';
import type { Actor } from '../shared';
import { buildContext } from './cases.builders';
import { loadCasesDemo, type CasesDemo } from './cases.demo';
import { EntityService } from './entity.service';

describeEachDialect('cases demo', (dialect) => {
  let database: TestDatabase;
  let identity: IdentityDemo;
  let demo: CasesDemo;
  let ctx: ReturnType<typeof buildContext>;

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
    ctx = buildContext(database);
    identity = await loadIdentityDemo(ctx);
    demo = await loadCasesDemo(ctx, identity);
  });
  afterAll(async () => database.destroy());

  it('loads three clearly marked demo cases numbered by each agency scheme', () => {
    expect(demo.cases.map((c) => c.reference)).toEqual([
      'DEMO-SA-2026-0001',
      'DEMO-PU-2026-0001',
      'DEMO-CSR-2026-0001',
    ]);
  });

  it('shows the shared phone as a hit to the non-member and as a link to the member of both cases', async () => {
    const entities = new EntityService(ctx);
    const labourId = demo.cases.find((c) => c.key === 'labour')!.id;
    const phoneOf = async (who: Actor) =>
      (await entities.list(who, labourId, { type: 'phone' })).items.find((e) => e.identifierKey === demo.sharedPhone)!;
    const investigator = actor('investigator');
    const analyst = actor('analyst');
    const seenByInvestigator = await entities.get(investigator, (await phoneOf(investigator)).id);
    expect(seenByInvestigator.occurrences).toEqual([
      expect.objectContaining({
        access: 'hit',
        exists: true,
        country: 'RS',
        agencyName: 'DEMO Police Directorate Belgrade',
      }),
    ]);
    const seenByAnalyst = await entities.get(analyst, (await phoneOf(analyst)).id);
    expect(seenByAnalyst.occurrences).toEqual([
      expect.objectContaining({ access: 'member', caseReference: 'DEMO-PU-2026-0001' }),
    ]);
  });

  it('is searchable across scripts', async () => {
    const search = new SearchService(ctx);
    const found = await search.search(actor('analyst'), { q: 'Djordje' });
    expect(found.items.map((i) => i.title).sort()).toEqual([
      expect.stringContaining('Witness W-1 (demo) says the recruiter "Đorđe"'),
      'Ђорђе DEMO-Јовановић',
    ]);
  });
});
