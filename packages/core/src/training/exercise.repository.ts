// Every query of the hands-on exercises: exercises of a session and each trainee's sandbox work. No HTTP, no rules.
// These tables never reference cases.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, TrainingExercisesTable, TrainingExerciseWorkTable } from '@trag/db';

export type ExerciseRow = Selectable<TrainingExercisesTable>;
export type ExerciseWorkRow = Selectable<TrainingExerciseWorkTable>;

type Db = Kysely<Database>;

export class ExerciseRepository {
  constructor(private readonly db: Db) {}

  get(id: string, trx: Db = this.db): Promise<ExerciseRow | undefined> {
    return trx.selectFrom('training_exercises').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listBySession(sessionId: string, trx: Db = this.db): Promise<ExerciseRow[]> {
    return trx
      .selectFrom('training_exercises')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('position')
      .execute();
  }

  async nextPosition(sessionId: string, trx: Db = this.db): Promise<number> {
    const row = await trx
      .selectFrom('training_exercises')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    return Number(row?.max ?? 0) + 1;
  }

  async create(row: Insertable<TrainingExercisesTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_exercises').values(row).execute();
  }

  getWork(exerciseId: string, userId: string, trx: Db = this.db): Promise<ExerciseWorkRow | undefined> {
    return trx
      .selectFrom('training_exercise_work')
      .selectAll()
      .where('exercise_id', '=', exerciseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  listWorkBySession(sessionId: string, trx: Db = this.db): Promise<ExerciseWorkRow[]> {
    return trx
      .selectFrom('training_exercise_work')
      .innerJoin('training_exercises', 'training_exercises.id', 'training_exercise_work.exercise_id')
      .select([
        'training_exercise_work.id',
        'training_exercise_work.exercise_id',
        'training_exercise_work.participant_id',
        'training_exercise_work.user_id',
        'training_exercise_work.bundle_sha256',
        'training_exercise_work.bundle_verified',
        'training_exercise_work.submissions',
        'training_exercise_work.answer',
        'training_exercise_work.verdict',
        'training_exercise_work.correct',
        'training_exercise_work.created_at',
        'training_exercise_work.updated_at',
      ])
      .where('training_exercises.session_id', '=', sessionId)
      .execute();
  }

  async createWork(row: Insertable<TrainingExerciseWorkTable>, trx: Db = this.db): Promise<void> {
    await trx.insertInto('training_exercise_work').values(row).execute();
  }

  async updateWork(id: string, patch: Updateable<TrainingExerciseWorkTable>, trx: Db = this.db): Promise<void> {
    await trx.updateTable('training_exercise_work').set(patch).where('id', '=', id).execute();
  }
}
