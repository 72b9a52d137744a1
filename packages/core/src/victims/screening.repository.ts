// Every query on screenings and interview plans.
import type { Insertable, Kysely } from 'kysely';
import type { Database, VictimInterviewPlansTable, VictimScreeningsTable } from '@trag/db';

export class ScreeningRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async createScreening(row: Insertable<VictimScreeningsTable>, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).insertInto('victim_screenings').values(row).execute();
  }

  async listScreenings(recordId: string, trx?: Kysely<Database>) {
    return (trx ?? this.db)
      .selectFrom('victim_screenings')
      .select(['id', 'record_id', 'case_id', 'form_id', 'form_version', 'sealed', 'created_by', 'created_at'])
      .where('record_id', '=', recordId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
  }

  async deleteScreenings(recordId: string, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).deleteFrom('victim_screenings').where('record_id', '=', recordId).execute();
  }

  async createPlan(row: Insertable<VictimInterviewPlansTable>, trx?: Kysely<Database>): Promise<void> {
    await (trx ?? this.db).insertInto('victim_interview_plans').values(row).execute();
  }

  async listPlans(recordId: string, trx?: Kysely<Database>) {
    return (trx ?? this.db)
      .selectFrom('victim_interview_plans')
      .select(['id', 'record_id', 'case_id', 'planned_for', 'checklist', 'complete', 'created_by', 'created_at'])
      .where('record_id', '=', recordId)
      .orderBy('planned_for', 'desc')
      .orderBy('id')
      .execute();
  }
}
