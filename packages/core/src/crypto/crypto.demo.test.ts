import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { CaseService } from '../cases';
// Builders of the cases domain, for tests only.
import { buildActor, buildAgency } from '../cases/cases.builders';
import { fixedClock, type CoreContext } from '../shared';
import { loadCryptoDemo } from './crypto.demo';
import { CryptoService } from './crypto.service';

describeEachDialect('crypto demo', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = { database, clock: fixedClock('2026-11-30T10:00:00.000Z'), dataDir: '/nonexistent' };
  });
  afterEach(async () => database.destroy());

  it('loads a traced flow from the channel wallet to the exchange into the smuggling case', async () => {
    const agency = await buildAgency(database);
    const analyst = await buildActor(database, { agencyId: agency.id, role: 'analyst' });
    const caseId = (await new CaseService(ctx).create(analyst, { title: 'DEMO smuggling', type: 'migrant_smuggling' }))
      .id;
    const account = {
      role: 'analyst',
      username: analyst.username,
      displayName: analyst.displayName,
      userId: analyst.userId,
      agencyId: agency.id,
    };
    const loaded = await loadCryptoDemo(ctx, {
      identity: { accounts: [account] },
      cases: { cases: [{ key: 'smuggling', id: caseId }] },
    });
    const saved = await new CryptoService(ctx).getTrace(analyst, caseId, loaded!.traceId);
    const exchange = saved.result.endpoints.find((e) => e.reason === 'stopped')!;
    // 14,900 USDT of fees in; 14,300 swept (600 to the driver); 14,100 deposited at the exchange.
    expect(saved.result.seedValue).toBe(14_900);
    expect(exchange).toMatchObject({ stopReason: 'exchange: Binance (reserve wallet)', amount: 14_100 });
  });
});
