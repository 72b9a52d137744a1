// The trainer's live dashboard: who is where, scores and critical violations, updated on each training.session live
// event; pause, continue, release steps, close; the group's debrief; CSV results.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { training } from '@trag/contracts';
import { apiPatch } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/error-notice';
import { SessionExercises } from './session-exercises';
import { trainingApi } from './training.api';

export function TrainingSessionPage() {
  const { t } = useTranslation();
  const { sessionId = '' } = useParams();
  const progress = useApi<training.ProgressResponse>(trainingApi.progress(sessionId));
  const debrief = useApi<training.DebriefResponse>(trainingApi.debrief(sessionId));
  const [error, setError] = useState<unknown>(undefined);
  const [release, setRelease] = useState('');
  // Bumped on every live event of this session, so the exercise results re-read too.
  const [liveTick, setLiveTick] = useState(0);
  const { reload } = progress;
  const reloadDebrief = debrief.reload;

  useEffect(() => {
    const source = new EventSource(trainingApi.events());
    source.addEventListener('training.session', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { data?: { sessionId?: string } };
      if (data.data?.sessionId === sessionId) {
        reload();
        reloadDebrief();
        setLiveTick((n) => n + 1);
      }
    });
    return () => source.close();
  }, [sessionId, reload, reloadDebrief]);

  async function update(body: training.UpdateSessionRequest) {
    try {
      await apiPatch(trainingApi.session(sessionId), body);
      reload();
    } catch (err) {
      setError(err);
    }
  }

  const session = progress.data?.session;
  return (
    <div className="page">
      <h1>{session?.title ?? t('training:sessions.title')}</h1>
      <ErrorNotice error={error ?? progress.error} />
      {session && (
        <p>
          {t('training:sessions.code')}:{' '}
          <strong className="mono" data-testid="session-code">
            {session.code}
          </strong>{' '}
          · {session.groupName} · {t(`training:status.${session.status}`)}
          {session.releasedStep !== null && ` · ${t('training:sessions.releasedUpTo', { step: session.releasedStep })}`}
        </p>
      )}
      <div className="form-row">
        <button type="button" className="button" onClick={() => void update({ status: 'paused' })}>
          {t('training:sessions.pause')}
        </button>
        <button type="button" className="button" onClick={() => void update({ status: 'open' })}>
          {t('training:sessions.resume')}
        </button>
        <label>
          {t('training:sessions.releaseStep')}
          <input type="number" min={0} value={release} onChange={(e) => setRelease(e.target.value)} />
        </label>
        <button
          type="button"
          className="button"
          onClick={() => void update({ releasedStep: release === '' ? null : Number(release) })}
        >
          {t('training:sessions.release')}
        </button>
        <button type="button" className="button" onClick={() => void update({ status: 'closed' })}>
          {t('training:sessions.close')}
        </button>
        <a className="button" href={trainingApi.resultsCsv(sessionId)}>
          {t('training:sessions.csv')}
        </a>
        <a className="button" href={trainingApi.summaryPdf(sessionId)}>
          {t('training:sessions.summaryPdf')}
        </a>
      </div>
      <section className="panel" aria-labelledby="training-progress">
        <h2 id="training-progress">{t('training:progress.title')}</h2>
        <table>
          <thead>
            <tr>
              <th>{t('training:progress.trainee')}</th>
              <th>{t('training:progress.status')}</th>
              <th>{t('training:progress.where')}</th>
              <th>{t('training:progress.score')}</th>
              <th>{t('training:progress.critical')}</th>
              <th>{t('training:progress.grade')}</th>
              <th>{t('training:sessions.certificate')}</th>
            </tr>
          </thead>
          <tbody>
            {(progress.data?.entries ?? []).map((e) => (
              <tr key={`${e.participantId}-${e.attemptId ?? ''}`}>
                <td>{e.displayName}</td>
                <td>{t(`training:status.${e.status}`)}</td>
                <td>
                  {e.knot ?? '—'} ({e.step})
                </td>
                <td>{e.totalScore}</td>
                <td>{e.criticalViolations}</td>
                <td>{e.grade ? t(`training:grades.${e.grade}`) : '—'}</td>
                <td>
                  {e.status === 'completed' || e.status === 'ended_critical' ? (
                    <a href={trainingApi.certificate(sessionId, e.participantId)}>
                      {t('training:sessions.certificate')}
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <SessionExercises sessionId={sessionId} trainer refresh={liveTick} />
      <section className="panel" aria-labelledby="training-group-debrief">
        <h2 id="training-group-debrief">{t('training:debrief.group')}</h2>
        {(debrief.data?.scenarios ?? []).map((s) => (
          <div key={s.scenarioId}>
            {s.points.map((p) => (
              <div key={p.knot}>
                <h3>{p.knot}</h3>
                <ul className="plain">
                  {p.choices.map((c) => (
                    <li key={c.choiceId}>
                      <strong>{c.count}</strong> · {c.text}{' '}
                      {c.rule ? `(${c.rule} ${c.score > 0 ? '+' : ''}${c.score})` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ))}
      </section>
    </div>
  );
}
