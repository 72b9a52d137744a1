// Statistics releases: k-anonymised aggregates per closed registration year, frozen on first export so that two
// exports can never be subtracted from each other (a record added or erased later cannot be singled out). The
// current year is never released. k comes from configuration, never from the request.
import { AuditService } from '../audit';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { invalid } from '../shared/errors';
import { newId } from '../shared/ids';
import { consentFor, type ConsentEntry } from './consent';
import { aggregate, cellsToCsv, type StatCell, type StatRecord } from './statistics';
import { requireCapability } from './victim.policy';

export const DEFAULT_K = 5;

export interface StatRelease {
  year: number;
  k: number;
  cells: StatCell[];
  releasedAt: string;
  frozen: true;
}

export class StatisticsService {
  private readonly audit: AuditService;

  constructor(
    private readonly ctx: CoreContext,
    private readonly k: number = DEFAULT_K,
  ) {
    if (!Number.isInteger(k) || k < 2)
      throw invalid('statistics_k_invalid', 'The statistics threshold k must be a whole number of at least 2.');
    this.audit = new AuditService(ctx);
  }

  /** Every non-erased record of the year whose statistics consent is not refused or withdrawn. */
  async collect(year: number): Promise<StatRecord[]> {
    const db = this.ctx.database.db;
    const rows = await db
      .selectFrom('victim_records')
      .select(['id', 'gender', 'age_band', 'nationality', 'exploitation_types', 'recruitment_method', 'status'])
      .where('registration_year', '=', year)
      .where('erased_at', 'is', null)
      .where('status', '<>', 'not_victim')
      .execute();
    const consents = await db
      .selectFrom('victim_consents')
      .innerJoin('victim_records', 'victim_records.id', 'victim_consents.record_id')
      .select([
        'victim_consents.id',
        'victim_consents.record_id',
        'victim_consents.purpose',
        'victim_consents.recipient',
        'victim_consents.state',
        'victim_consents.decided_on',
        'victim_consents.created_at',
      ])
      .where('victim_records.registration_year', '=', year)
      .where('victim_consents.purpose', '=', 'statistics')
      .execute();
    const byRecord = new Map<string, ConsentEntry[]>();
    for (const c of consents) {
      const list = byRecord.get(c.record_id) ?? [];
      list.push({
        id: c.id,
        purpose: c.purpose,
        recipient: c.recipient,
        state: c.state,
        decidedOn: c.decided_on,
        createdAt: c.created_at,
      });
      byRecord.set(c.record_id, list);
    }
    return rows
      .filter((r) => {
        const history = byRecord.get(r.id);
        return !history || consentFor(history, 'statistics') !== null;
      })
      .map((r) => ({
        gender: r.gender,
        ageBand: r.age_band,
        nationality: r.nationality,
        exploitationTypes: JSON.parse(r.exploitation_types) as string[],
        recruitmentMethod: r.recruitment_method,
        status: r.status,
      }));
  }

  async release(actor: Actor, year: number): Promise<StatRelease> {
    requireCapability(actor.role, 'statistics.export');
    const currentYear = this.ctx.clock.now().getUTCFullYear();
    if (!Number.isInteger(year) || year < 2000 || year >= currentYear) {
      throw invalid('statistics_year_open', `Statistics are released only for closed years (before ${currentYear}).`);
    }
    const db = this.ctx.database.db;
    const existing = await db
      .selectFrom('victim_stat_releases')
      .select(['cells', 'k', 'created_at'])
      .where('scope', '=', 'all')
      .where('year', '=', year)
      .executeTakeFirst();
    if (existing) {
      await this.audit.record(actor, {
        action: 'victim.statistics.export',
        recordType: 'victim_stat_release',
        details: { year, frozen: true },
      });
      return {
        year,
        k: existing.k,
        cells: JSON.parse(existing.cells) as StatCell[],
        releasedAt: existing.created_at,
        frozen: true,
      };
    }
    const cells = aggregate(await this.collect(year), this.k);
    const at = this.ctx.clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('victim_stat_releases')
        .values({
          id: newId(),
          scope: 'all',
          year,
          k: this.k,
          cells: JSON.stringify(cells),
          created_by: actor.userId,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['scope', 'year', 'k']).doNothing())
        .execute();
      await this.audit.record(
        actor,
        { action: 'victim.statistics.release', recordType: 'victim_stat_release', details: { year, k: this.k } },
        trx,
      );
    });
    // Re-read: if two exports raced, both return the one stored.
    const stored = await db
      .selectFrom('victim_stat_releases')
      .select(['cells', 'k', 'created_at'])
      .where('scope', '=', 'all')
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    return {
      year,
      k: stored.k,
      cells: JSON.parse(stored.cells) as StatCell[],
      releasedAt: stored.created_at,
      frozen: true,
    };
  }

  async csv(actor: Actor, year: number): Promise<string> {
    const release = await this.release(actor, year);
    return cellsToCsv(release.year, release.k, release.cells);
  }
}
