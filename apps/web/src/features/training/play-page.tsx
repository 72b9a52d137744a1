// A trainee plays an attempt: the story text, the choices, and at the end the debrief (scores per dimension, grade,
// every rule kept and broken with the moment and the rationale). State lives on the server: a reload resumes.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { training } from '@trag/contracts';
import { apiGet, apiPost } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';
import { SessionExercises } from './session-exercises';
import { trainingApi, type AttemptScoreView } from './training.api';

export function TrainingPlayPage() {
  const { t } = useTranslation();
  const { attemptId = '' } = useParams();
  const [view, setView] = useState<training.AttemptView | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    apiGet<training.AttemptView>(trainingApi.attempt(attemptId)).then(setView, setError);
  }, [attemptId]);

  // While the trainer holds the group, look again every 2 s.
  useEffect(() => {
    if (!view?.waiting) return;
    const timer = setInterval(() => {
      apiGet<training.AttemptView>(trainingApi.attempt(attemptId)).then(setView, setError);
    }, 2000);
    return () => clearInterval(timer);
  }, [view?.waiting, attemptId]);

  async function choose(choiceId: string) {
    setBusy(true);
    try {
      setView(await apiPost<training.AttemptView>(trainingApi.choices(attemptId), { choiceId }));
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!view)
    return (
      <div className="page">
        <ErrorNotice error={error} />
      </div>
    );
  const score = view.score as AttemptScoreView | null;
  return (
    <div className="page">
      <h1>{t('training:play.title')}</h1>
      <ErrorNotice error={error} />
      <section className="panel" aria-live="polite">
        {view.text.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </section>
      {view.waiting && <p role="status">{t(`training:play.waiting.${view.waiting}`)}</p>}
      {view.status === 'in_progress' && (
        <ol className="plain" aria-label={t('training:play.choices')}>
          {view.choices.map((c) => (
            <li key={c.choiceId}>
              <button
                type="button"
                className="button"
                disabled={busy || view.waiting !== null}
                onClick={() => void choose(c.choiceId)}
              >
                {c.text}
              </button>
            </li>
          ))}
        </ol>
      )}
      {score && <Debrief score={score} critical={view.status === 'ended_critical'} />}
      {view.sessionId && <SessionExercises sessionId={view.sessionId} trainer={false} />}
    </div>
  );
}

function Debrief({ score, critical }: { score: AttemptScoreView; critical: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="training-debrief">
      <h2 id="training-debrief">{t('training:debrief.title')}</h2>
      {critical && <p className="notice notice-error">{t('training:debrief.critical')}</p>}
      <p>
        {t('training:debrief.grade')}: <strong data-testid="grade">{t(`training:grades.${score.grade}`)}</strong> (
        {score.overall}/100)
      </p>
      <ul className="plain">
        {score.dimensions.map((d) => (
          <li key={d.dimension}>
            {t(`training:dimensions.${d.dimension}`)}: {d.percent === null ? '—' : `${d.percent} %`}
          </li>
        ))}
      </ul>
      <h3>{t('training:debrief.rules')}</h3>
      <ul className="plain rows">
        {score.debrief.map((r) => (
          <li key={r.ruleId}>
            <strong>
              {r.ruleId} {r.title}
            </strong>{' '}
            — {t(`training:verdicts.${r.verdict}`)}
            {r.critical ? ` (${t('training:debrief.criticalRule')})` : ''}
            <ul>
              {r.moments.map((m) => (
                <li key={m.step}>
                  {t('training:debrief.step', { step: m.step })} · {m.knot}: {m.choiceText}
                </li>
              ))}
            </ul>
            <p>{r.rationale}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
