import { afterEach, beforeEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { fixedClock, systemActor, type CoreContext } from '../shared';
import { AuditService } from './audit.service';

describeEachDialect('audit log', (dialect) => {
  let database: TestDatabase;
  let audit: AuditService;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    const ctx: CoreContext = { database, clock: fixedClock('2026-11-30T10:00:00Z'), dataDir: '/nonexistent' };
    audit = new AuditService(ctx);
    for (let i = 1; i <= 5; i++) {
      await audit.record(systemActor('agency-1'), {
        action: 'case.read',
        recordType: 'case',
        recordId: `c${i}`,
        caseId: `c${i}`,
      });
    }
  });
  afterEach(async () => database.destroy());

  // An attacker with database access would first disable the append-only triggers; the chain must still tell.
  async function dropGuards() {
    if (dialect === 'postgres') {
      await sql`DROP TRIGGER audit_log_no_update ON audit_log`.execute(database.db);
    } else {
      await sql`DROP TRIGGER audit_log_no_update`.execute(database.db);
      await sql`DROP TRIGGER audit_log_no_delete`.execute(database.db);
    }
  }

  it('verifies an untouched chain', async () => {
    const tail = await database.db
      .selectFrom('audit_log')
      .select('hash')
      .where('seq', '=', 5)
      .executeTakeFirstOrThrow();
    expect(await audit.verify()).toEqual({ ok: true, checked: 5, broken: null, head: { seq: 5, hash: tail.hash } });
  });

  it('refuses updates and deletes at the engine level', async () => {
    await expect(database.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('detects an edited entry and names it', async () => {
    await dropGuards();
    await database.db.updateTable('audit_log').set({ record_id: 'c99' }).where('seq', '=', 3).execute();
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.broken).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
  });

  it('detects a deleted entry', async () => {
    await dropGuards();
    await database.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    expect((await audit.verify()).broken).toMatchObject({ seq: 3, problem: 'seq_gap' });
  });

  it('detects reordered entries even when sequence numbers are swapped', async () => {
    await dropGuards();
    const rows = await database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', 'in', [2, 4])
      .orderBy('seq')
      .execute();
    const [two, four] = rows as [(typeof rows)[0], (typeof rows)[0]];
    await database.db.deleteFrom('audit_log').where('seq', 'in', [2, 4]).execute();
    await database.db
      .insertInto('audit_log')
      .values({ ...four, seq: 2, id: four.id })
      .execute();
    await database.db
      .insertInto('audit_log')
      .values({ ...two, seq: 4, id: two.id })
      .execute();
    const result = await audit.verify();
    expect(result.broken).toMatchObject({ seq: 2 });
  });

  it('detects removal of the newest entries through the recorded head', async () => {
    await dropGuards();
    await database.db.deleteFrom('audit_log').where('seq', '=', 5).execute();
    expect((await audit.verify()).broken).toMatchObject({ problem: 'head_mismatch' });
  });
});
