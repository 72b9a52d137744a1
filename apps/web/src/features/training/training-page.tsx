// Training home: join a session with its code, play a published scenario alone, and (trainers) start a session
// and open the live dashboard of one's sessions.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { training } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice } from '../../components/error-notice';
import { LtiPlatformsPanel } from './lti-platforms-panel';
import { isTrainer, trainingApi } from './training.api';

const LANGS = ['en', 'bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'cnr', 'mk', 'sq'] as const;

function titleOf(s: training.ScenarioSummary, lang: string): string {
  return s.title[lang] ?? s.title.en ?? s.slug;
}

export function TrainingPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const scenarios = useApi<training.ScenarioListResponse>(trainingApi.scenarios());
  const [error, setError] = useState<unknown>(undefined);
  const [code, setCode] = useState('');
  const [name, setName] = useState(user.displayName);

  async function join(event: FormEvent) {
    event.preventDefault();
    try {
      const joined = await apiPost<training.JoinResponse>(trainingApi.join(), { code, displayName: name });
      const scenarioId = joined.session.scenarioIds[0]!;
      const attempt = await apiPost<training.AttemptView>(trainingApi.attempts(), {
        scenarioId,
        sessionId: joined.session.id,
      });
      void navigate(`/training/attempts/${attempt.id}`);
    } catch (err) {
      setError(err);
    }
  }

  async function playAlone(scenarioId: string) {
    try {
      const language = (LANGS as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
      const attempt = await apiPost<training.AttemptView>(trainingApi.attempts(), { scenarioId, language });
      void navigate(`/training/attempts/${attempt.id}`);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="page">
      <h1>{t('training:title')}</h1>
      <p>{t('training:synthetic')}</p>
      <ErrorNotice error={error ?? scenarios.error} />
      <section className="panel" aria-labelledby="training-join">
        <h2 id="training-join">{t('training:join.title')}</h2>
        <form onSubmit={(e) => void join(e)} className="form-row">
          <label>
            {t('training:join.code')}
            <input name="code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" required />
          </label>
          <label>
            {t('training:join.name')}
            <input name="displayName" value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <button type="submit" className="button">
            {t('training:join.submit')}
          </button>
        </form>
      </section>
      {isTrainer(user.role) && <TrainerPanel scenarios={scenarios.data?.scenarios ?? []} onError={setError} />}
      {user.role === 'administrator' && <LtiPlatformsPanel />}
      <section className="panel" aria-labelledby="training-scenarios">
        <h2 id="training-scenarios">{t('training:scenarios.title')}</h2>
        <ul className="plain rows">
          {(scenarios.data?.scenarios ?? []).map((s) => (
            <li key={s.id}>
              <Link to={`/training/scenarios/${s.id}`}>
                <strong>{titleOf(s, i18n.language)}</strong>
              </Link>{' '}
              <span className="mono">{s.slug}</span> v{s.version} ·{' '}
              {s.status === 'published' ? t('training:scenarios.published') : t('training:scenarios.draft')}{' '}
              <button type="button" className="button button-small" onClick={() => void playAlone(s.id)}>
                {t('training:scenarios.play')}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function TrainerPanel({
  scenarios,
  onError,
}: {
  scenarios: training.ScenarioSummary[];
  onError: (e: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const sessions = useApi<training.SessionListResponse>(trainingApi.sessions());
  const [title, setTitle] = useState('');
  const [group, setGroup] = useState('');
  const [language, setLanguage] = useState<string>('en');
  const [scenarioId, setScenarioId] = useState('');

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      const chosen = scenarioId || scenarios.find((s) => s.status === 'published')?.id || '';
      const session = await apiPost<training.SessionView>(trainingApi.sessions(), {
        title,
        groupName: group,
        language,
        scenarioIds: [chosen],
      });
      void navigate(`/training/sessions/${session.id}`);
    } catch (err) {
      onError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby="training-sessions">
      <h2 id="training-sessions">{t('training:sessions.title')}</h2>
      <form onSubmit={(e) => void create(e)} className="form-row">
        <label>
          {t('training:sessions.sessionTitle')}
          <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} required />
        </label>
        <label>
          {t('training:sessions.group')}
          <input name="group" value={group} onChange={(e) => setGroup(e.target.value)} required />
        </label>
        <label>
          {t('training:sessions.language')}
          <select name="language" value={language} onChange={(e) => setLanguage(e.target.value)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('training:sessions.scenario')}
          <select name="scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            {scenarios
              .filter((s) => s.status === 'published')
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {titleOf(s, i18n.language)}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" className="button">
          {t('training:sessions.create')}
        </button>
      </form>
      <ul className="plain rows">
        {(sessions.data?.sessions ?? []).map((s) => (
          <li key={s.id}>
            <Link to={`/training/sessions/${s.id}`}>{s.title}</Link> · <span className="mono">{s.code}</span> ·{' '}
            {t(`training:status.${s.status}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
