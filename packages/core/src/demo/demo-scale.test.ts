import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { normalizeIdentifier } from '@trag/core/identifiers';
import { fixedClock, type CoreContext } from '../shared';
import { ScaleDemoGenerator } from './demo-scale-generator';
import { loadScaleDemo } from './demo-scale.service';
import { loadDemoWorkspaceIfEmpty } from './demo.service';

describe('scale demo generator', () => {
  it('is reproducible from its seed', () => {
    const a = new ScaleDemoGenerator(7);
    const b = new ScaleDemoGenerator(7);
    expect(a.caseEntities('RS', 30)).toEqual(b.caseEntities('RS', 30));
    expect(a.caseRecord()).toEqual(b.caseRecord());
  });

  it('produces identifier keys the real normalisers agree with', () => {
    const generator = new ScaleDemoGenerator(11);
    let checked = 0;
    for (const country of ['BA', 'ME', 'MK', 'RS'] as const) {
      for (const entity of generator.caseEntities(country, 200)) {
        if (!['phone', 'email', 'bank_account', 'website', 'online_account'].includes(entity.entityType)) continue;
        const raw = entity.entityType === 'online_account' ? entity.identifierKey! : entity.identifierDisplay!;
        const result = normalizeIdentifier(entity.entityType, raw);
        expect([entity.entityType, raw, result.ok && result.value]).toEqual([
          entity.entityType,
          raw,
          entity.identifierKey,
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('never repeats an identifier within one case', () => {
    const entities = new ScaleDemoGenerator(3).caseEntities('BA', 500);
    const keys = entities.filter((e) => e.identifierKey).map((e) => `${e.entityType}|${e.identifierKey}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describeEachDialect('demo workspace', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = { database, clock: fixedClock('2026-11-30T10:00:00.000Z'), dataDir: '/nonexistent' };
  });
  afterEach(async () => database.destroy());

  it('loads once into an empty database and never again', async () => {
    const first = await loadDemoWorkspaceIfEmpty(ctx);
    expect(first.loaded).toBe(true);
    expect(first.parts.slice(0, 2)).toEqual(['identity', 'cases']);
    expect(first.accounts.map((a) => a.role)).toContain('supervisor');
    expect(await loadDemoWorkspaceIfEmpty(ctx)).toMatchObject({ loaded: false });
  });

  it('refuses scale mode before the demo workspace exists', async () => {
    await expect(loadScaleDemo(ctx, { cases: 5 })).rejects.toMatchObject({ code: 'demo_not_loaded' });
  });

  it('adds searchable synthetic cases with members and entities, and records the run in the audit', async () => {
    await loadDemoWorkspaceIfEmpty(ctx);
    const result = await loadScaleDemo(ctx, { cases: 60, entitiesPerCase: 5, officersPerAgency: 3 });
    expect(result).toMatchObject({ cases: 60, entities: 300 });
    const count = async (table: 'cases' | 'entities' | 'search_documents') =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('cases')).toBeGreaterThanOrEqual(60);
    expect(await count('entities')).toBeGreaterThanOrEqual(300);
    expect(await count('search_documents')).toBeGreaterThanOrEqual(360);
    const leads = await database.db
      .selectFrom('case_members')
      .select('case_id')
      .where('case_role', '=', 'lead')
      .execute();
    expect(new Set(leads.map((l) => l.case_id)).size).toBeGreaterThanOrEqual(60);
    const entry = await database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'demo.scale_load')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details)).toMatchObject({ cases: 60, entities: 300 });
    // A second run continues the reference numbering instead of colliding.
    await expect(loadScaleDemo(ctx, { cases: 10, entitiesPerCase: 2, officersPerAgency: 1 })).resolves.toBeTruthy();
  });
});
