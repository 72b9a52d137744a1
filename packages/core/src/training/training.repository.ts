// Every query of the training domain. No HTTP, no rules. Training tables never reference cases.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type {
  Database,
  TrainingAttemptsTable,
  TrainingParticipantsTable,
  TrainingScenariosTable,
  TrainingSessionsTable,
  TrainingXapiStatementsTable,
} from '@trag/db';

export type ScenarioRow = Selectable<TrainingScenariosTable>;
export type SessionRow = Selectable<TrainingSessionsTable>;
export type ParticipantRow = Selectable<TrainingParticipantsTable>;
export type AttemptRow = Selectable<TrainingAttemptsTable>;
export type StatementRow = Selectable<TrainingXapiStatementsTable>;

type Db = Kysely<Database>;

export class TrainingRepository {
  constructor(private readonly db: Db) {}

  // ---------------------------------------------------------------- scenarios
  getScenario(id: string, trx: Db = this.db): Promise<ScenarioRow | undefined> {
    return trx.selectFrom('training_scenarios').selectAll().where('id', '=', id).executeTakeFirst();
  }

  getScenarioBySlug(slug: string, version: number, trx: Db = this.db): Promise<ScenarioRow | undefined> {
    return trx
      .selectFrom('training_scenarios')
      .selectAll()
      .where('slug', '=', slug)
      .where('version', '=', version)
      .executeTakeFirst();
  }

  /** Published scenarios plus the drafts of one user, newest version first. */
  listScenarios(userId: string, trx: Db = this.db): Promise<ScenarioRow[]> {
    return trx
      .selectFrom('training_scenarios')
      .selectAll()
      .where((eb) => eb.or([eb('status', '=', 'published'), eb('owner_id', '=', userId)]))
      .orderBy('slug')
      .orderBy('version', 'desc')
      .execute();
  }

  async maxVersion(slug: string, trx: Db = this.db): Promise<number> {
    const row = await trx
      .selectFrom('training_scenarios')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('slug', '=', slug)
      .executeTakeFirst();
    return Number(row?.v ?? 0);
  }

  async insertScenario(row: Insertable<TrainingScenariosTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_scenarios').values(row).execute();
  }

  async updateScenario(id: string, patch: Updateable<TrainingScenariosTable>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('training_scenarios').set(patch).where('id', '=', id).execute();
  }

  // ---------------------------------------------------------------- sessions
  getSession(id: string, trx: Db = this.db): Promise<SessionRow | undefined> {
    return trx.selectFrom('training_sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  getSessionByCode(code: string, trx: Db = this.db): Promise<SessionRow | undefined> {
    return trx.selectFrom('training_sessions').selectAll().where('code', '=', code).executeTakeFirst();
  }

  listSessions(trainerId: string, trx: Db = this.db): Promise<SessionRow[]> {
    return trx
      .selectFrom('training_sessions')
      .selectAll()
      .where('trainer_id', '=', trainerId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  listAllSessions(trx: Db = this.db): Promise<SessionRow[]> {
    return trx.selectFrom('training_sessions').selectAll().orderBy('created_at', 'desc').execute();
  }

  async insertSession(row: Insertable<TrainingSessionsTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_sessions').values(row).execute();
  }

  async updateSession(id: string, patch: Updateable<TrainingSessionsTable>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('training_sessions').set(patch).where('id', '=', id).execute();
  }

  // ---------------------------------------------------------------- participants
  getParticipant(sessionId: string, userId: string, trx: Db = this.db): Promise<ParticipantRow | undefined> {
    return trx
      .selectFrom('training_participants')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  getParticipantById(id: string, trx: Db = this.db): Promise<ParticipantRow | undefined> {
    return trx.selectFrom('training_participants').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listParticipants(sessionId: string, trx: Db = this.db): Promise<ParticipantRow[]> {
    return trx
      .selectFrom('training_participants')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('joined_at')
      .orderBy('display_name')
      .orderBy('id')
      .execute();
  }

  async insertParticipant(row: Insertable<TrainingParticipantsTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_participants').values(row).execute();
  }

  // ---------------------------------------------------------------- attempts
  getAttempt(id: string, trx: Db = this.db): Promise<AttemptRow | undefined> {
    return trx.selectFrom('training_attempts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listSessionAttempts(sessionId: string, trx: Db = this.db): Promise<AttemptRow[]> {
    return trx
      .selectFrom('training_attempts')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** The columns the live dashboard needs (no ink state). */
  listSessionProgress(sessionId: string, trx: Db = this.db) {
    return trx
      .selectFrom('training_attempts')
      .select([
        'id',
        'participant_id',
        'scenario_id',
        'status',
        'step',
        'current_knot',
        'score',
        'critical',
        'decisions',
        'updated_at',
      ])
      .where('session_id', '=', sessionId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  listUserAttempts(userId: string, trx: Db = this.db): Promise<AttemptRow[]> {
    return trx
      .selectFrom('training_attempts')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async insertAttempt(row: Insertable<TrainingAttemptsTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_attempts').values(row).execute();
  }

  async updateAttempt(id: string, patch: Updateable<TrainingAttemptsTable>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('training_attempts').set(patch).where('id', '=', id).execute();
  }

  // ---------------------------------------------------------------- xAPI
  async insertStatements(rows: Array<Insertable<TrainingXapiStatementsTable>>, trx: Db = this.db): Promise<void> {
    if (rows.length > 0) await trx.insertInto('training_xapi_statements').values(rows).execute();
  }

  listStatements(attemptId: string, trx: Db = this.db): Promise<StatementRow[]> {
    return trx
      .selectFrom('training_xapi_statements')
      .selectAll()
      .where('attempt_id', '=', attemptId)
      .orderBy('seq')
      .execute();
  }

  listUnforwarded(limit: number, trx: Db = this.db): Promise<StatementRow[]> {
    return trx
      .selectFrom('training_xapi_statements')
      .selectAll()
      .where('forwarded_at', 'is', null)
      .orderBy('stored_at')
      .orderBy('attempt_id')
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  async markForwarded(ids: string[], at: string, trx: Db = this.db): Promise<void> {
    if (ids.length > 0)
      await trx.updateTable('training_xapi_statements').set({ forwarded_at: at }).where('id', 'in', ids).execute();
  }
}
