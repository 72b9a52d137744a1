// Every query on consents, referrals and referral events.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, VictimConsentsTable, VictimReferralEventsTable, VictimReferralsTable } from '@trag/db';

const REFERRAL_COLUMNS = [
  'id',
  'record_id',
  'case_id',
  'service_type',
  'provider_name',
  'provider_agency_id',
  'state',
  'consent_id',
  'override_reason',
  'shared_groups',
  'created_by',
  'created_at',
  'updated_at',
  'closed_at',
] as const;

export class ReferralRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createConsent(row: Insertable<VictimConsentsTable>, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).insertInto('victim_consents').values(row).execute();
  }

  async listConsents(recordId: string, trx?: Kysely<Database>) {
    return (trx ?? this.db)
      .selectFrom('victim_consents')
      .select([
        'id',
        'record_id',
        'case_id',
        'purpose',
        'recipient',
        'state',
        'decided_on',
        'language',
        'interpreter_used',
        'recorded_how',
        'recorded_by',
        'created_at',
      ])
      .where('record_id', '=', recordId)
      .orderBy('decided_on')
      .orderBy('created_at')
      .execute();
  }

  async createReferral(row: Insertable<VictimReferralsTable>, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).insertInto('victim_referrals').values(row).execute();
  }

  async getReferral(id: string, trx?: Kysely<Database>) {
    return (trx ?? this.db)
      .selectFrom('victim_referrals')
      .select(REFERRAL_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async updateReferral(id: string, values: Updateable<VictimReferralsTable>, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).updateTable('victim_referrals').set(values).where('id', '=', id).execute();
  }

  async listReferrals(recordId: string, trx?: Kysely<Database>) {
    return (trx ?? this.db)
      .selectFrom('victim_referrals')
      .select(REFERRAL_COLUMNS)
      .where('record_id', '=', recordId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  /** Open referrals (sent/accepted) in the given cases, oldest first, with the victim code. */
  async listOpen(caseIds: string[], trx?: Kysely<Database>) {
    if (caseIds.length === 0) return [];
    return (trx ?? this.db)
      .selectFrom('victim_referrals')
      .innerJoin('victim_records', 'victim_records.id', 'victim_referrals.record_id')
      .select([
        'victim_referrals.id',
        'victim_referrals.record_id',
        'victim_referrals.case_id',
        'victim_referrals.service_type',
        'victim_referrals.provider_name',
        'victim_referrals.state',
        'victim_referrals.created_at',
        'victim_referrals.updated_at',
        'victim_records.code',
      ])
      .where('victim_referrals.case_id', 'in', caseIds)
      .where('victim_referrals.state', 'in', ['sent', 'accepted'])
      .orderBy('victim_referrals.created_at')
      .execute();
  }

  async addEvent(row: Insertable<VictimReferralEventsTable>, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).insertInto('victim_referral_events').values(row).execute();
  }

  async listEvents(referralId: string, trx?: Kysely<Database>) {
    return (trx ?? this.db)
      .selectFrom('victim_referral_events')
      .select(['id', 'referral_id', 'at', 'actor_user_id', 'from_state', 'to_state', 'note_sealed'])
      .where('referral_id', '=', referralId)
      .orderBy('at')
      .orderBy('id')
      .execute();
  }
}
