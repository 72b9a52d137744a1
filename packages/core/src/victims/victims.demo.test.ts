import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect } from '@trag/db/testing';
import { loadIdentityDemo } from '../identity';
import { fixedClock } from '../shared/clock';
import type { CoreContext } from '../shared/context';
import { closeVictimProtection } from './victim-protection';
import { loadVictimsDemo } from './victims.demo';

describeEachDialect('victims demo', (dialect) => {
  it('loads a synthetic case with sealed identities and a 2025 caseload for statistics', async () => {
    const database = await createTestDatabase(dialect);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'trag-victims-demo-'));
    const ctx: CoreContext = { database, clock: fixedClock('2026-11-30T09:00:00.000Z'), dataDir };
    try {
      const identity = await loadIdentityDemo(ctx);
      const demo = await loadVictimsDemo(ctx, { identity });
      expect(demo).not.toBeNull();
      const rows = await database.db.selectFrom('victim_records').select(['code', 'registration_year']).execute();
      expect(rows.filter((r) => r.registration_year === 2025).length).toBeGreaterThanOrEqual(20);
      const sealed = await database.db.selectFrom('victim_field_groups').select('sealed').execute();
      expect(JSON.stringify(sealed)).not.toContain('DEMO Elena');
    } finally {
      await closeVictimProtection(dataDir);
      await database.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
