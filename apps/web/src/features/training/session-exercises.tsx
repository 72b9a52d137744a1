// The exercises of a session: the trainer adds sandbox exercises and sees each trainee's result; a trainee sees the
// list and opens each exercise.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { training } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/error-notice';
import { trainingApi } from './training.api';

export function SessionExercises({
  sessionId,
  trainer,
  refresh = 0,
}: {
  sessionId: string;
  trainer: boolean;
  /** Changes on each live event of the session: the trainer's results are read again. */
  refresh?: number;
}) {
  const { t } = useTranslation();
  const list = useApi<training.ExerciseListResponse>(trainingApi.sessionExercises(sessionId));
  const [error, setError] = useState<unknown>(undefined);
  const [kind, setKind] = useState<string>(training.EXERCISE_KINDS[0]);

  async function add(event: FormEvent) {
    event.preventDefault();
    try {
      await apiPost(trainingApi.sessionExercises(sessionId), { kind });
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  const exercises = list.data?.exercises ?? [];
  if (!trainer && exercises.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="training-exercises">
      <h2 id="training-exercises">{t('training:exercises.title')}</h2>
      <ErrorNotice error={error ?? list.error} />
      {trainer && (
        <form onSubmit={(e) => void add(e)} className="form-row">
          <label>
            {t('training:exercises.kind')}
            <select name="exerciseKind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {training.EXERCISE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`training:exercises.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t('training:exercises.add')}
          </button>
        </form>
      )}
      <ol className="plain rows">
        {exercises.map((e) => (
          <li key={e.id}>
            <Link to={`/training/exercises/${e.id}`}>{t(`training:exercises.kinds.${e.kind}`)}</Link>
          </li>
        ))}
      </ol>
      {trainer && <ExerciseResults sessionId={sessionId} exercises={exercises} refresh={refresh} />}
    </section>
  );
}

function ExerciseResults({
  sessionId,
  exercises,
  refresh,
}: {
  sessionId: string;
  exercises: training.ExerciseView[];
  refresh: number;
}) {
  const { t } = useTranslation();
  const results = useApi<training.ExerciseResultsResponse>(trainingApi.exerciseResults(sessionId));
  const { reload } = results;
  useEffect(() => {
    if (refresh > 0) reload();
  }, [refresh, reload]);
  const rows = results.data?.results ?? [];
  if (rows.length === 0) return null;
  const kindOf = new Map(exercises.map((e) => [e.id, e.kind]));
  return (
    <table>
      <thead>
        <tr>
          <th>{t('training:progress.trainee')}</th>
          <th>{t('training:exercises.kind')}</th>
          <th>{t('training:exercises.submissions')}</th>
          <th>{t('training:exercises.result')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.participantId}-${r.exerciseId}`}>
            <td>{r.displayName}</td>
            <td>{t(`training:exercises.kinds.${kindOf.get(r.exerciseId) ?? ''}`)}</td>
            <td>{r.submissions}</td>
            <td>{r.correct ? t('training:exercises.correct') : t('training:exercises.notYet')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
