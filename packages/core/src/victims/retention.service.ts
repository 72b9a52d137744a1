// Retention review and erasure. Erasure = crypto-shredding: the record's data key is destroyed in the vault (so
// every copy of its ciphertext, backups included, becomes unreadable), the sealed rows are deleted, and an audit
// stub remains: code, case, dates, who erased it and under which rule.
import { AuditService } from '../audit';
import type { Actor } from '../shared/actor';
import type { CoreContext } from '../shared/context';
import { conflict, invalid } from '../shared/errors';
import { dueAt, loadRetentionRules, retentionMonths, type RetentionRules } from './retention';
import { requireCapability } from './victim.policy';
import type { VictimProtection } from './victim-protection';
import { victimNotFound } from './victim-record.service';

export interface DueRecord {
  recordId: string;
  code: string;
  caseId: string;
  kind: 'victim_record';
  country: string;
  lastChange: string;
  dueSince: string;
  months: number;
}

export class RetentionService {
  private readonly audit: AuditService;

  constructor(
    private readonly ctx: CoreContext,
    private readonly protection: VictimProtection,
    private readonly rules: RetentionRules = loadRetentionRules(ctx.dataDir),
  ) {
    this.audit = new AuditService(ctx);
  }

  /** Records of the actor's agency past their retention period (codes and dates only; no protected data). */
  async dueForReview(actor: Actor): Promise<DueRecord[]> {
    requireCapability(actor.role, 'retention.manage');
    const db = this.ctx.database.db;
    const rows = await db
      .selectFrom('victim_records')
      .select(['id', 'code', 'case_id', 'country', 'updated_at'])
      .where('agency_id', '=', actor.agencyId)
      .where('erased_at', 'is', null)
      .execute();
    // Last change of anything attached to the record counts (a referral closed last month keeps it alive).
    const now = this.ctx.clock.now();
    const out: DueRecord[] = [];
    for (const r of rows) {
      const latestReferral = await db
        .selectFrom('victim_referrals')
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .where('record_id', '=', r.id)
        .executeTakeFirst();
      const last = [r.updated_at, latestReferral?.at ?? ''].sort().at(-1)!;
      const months = retentionMonths(this.rules, r.country, 'victim_record');
      const due = dueAt(last, months);
      if (due.getTime() <= now.getTime()) {
        out.push({
          recordId: r.id,
          code: r.code,
          caseId: r.case_id,
          kind: 'victim_record',
          country: r.country,
          lastChange: last,
          dueSince: due.toISOString(),
          months,
        });
      }
    }
    return out.sort((a, b) => a.dueSince.localeCompare(b.dueSince));
  }

  async erase(actor: Actor, recordId: string, reason: string): Promise<void> {
    requireCapability(actor.role, 'retention.manage');
    if (reason.trim().length < 5)
      throw invalid('victim_erasure_reason', 'Say why the record is erased (a retention rule or decision).');
    const db = this.ctx.database.db;
    const record = await db
      .selectFrom('victim_records')
      .select(['id', 'case_id', 'agency_id', 'data_key_id', 'erased_at'])
      .where('id', '=', recordId)
      .executeTakeFirst();
    if (!record || record.agency_id !== actor.agencyId) throw victimNotFound();
    if (record.erased_at) throw conflict('victim_already_erased', 'This record has already been erased.');
    // Shred first: even if what follows fails, no copy of the ciphertext can be opened again.
    if (record.data_key_id) this.protection.shred(record.data_key_id);
    const at = this.ctx.clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('victim_field_groups').where('record_id', '=', record.id).execute();
      await trx.deleteFrom('victim_screenings').where('record_id', '=', record.id).execute();
      const referralIds = (
        await trx.selectFrom('victim_referrals').select('id').where('record_id', '=', record.id).execute()
      ).map((r) => r.id);
      if (referralIds.length > 0) {
        await trx
          .updateTable('victim_referral_events')
          .set({ note_sealed: null })
          .where('referral_id', 'in', referralIds)
          .execute();
        await trx
          .updateTable('victim_referrals')
          .set({ provider_name: '[erased]', override_reason: null, shared_groups: '[]' })
          .where('record_id', '=', record.id)
          .execute();
      }
      await trx
        .updateTable('victim_records')
        .set({
          data_key_id: null,
          erased_at: at,
          erased_by: actor.userId,
          erasure_reason: reason.trim().slice(0, 200),
          status_body: null,
          gender: 'Unknown',
          age_band: 'unknown',
          is_child: 0,
          nationality: 'XX',
          exploitation_types: '[]',
          recruitment_method: 'Unknown',
          updated_at: at,
        })
        .where('id', '=', record.id)
        .execute();
      await this.audit.record(
        actor,
        {
          action: 'victim.erase',
          recordType: 'victim_record',
          recordId: record.id,
          caseId: record.case_id,
          details: { reason: reason.trim().slice(0, 200), cryptoShredded: true },
        },
        trx,
      );
    });
  }
}
