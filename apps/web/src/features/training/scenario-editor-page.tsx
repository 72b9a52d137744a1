// A scenario's ink per language: live compile errors (line-numbered), the full check with a read-only map of knots
// and choices (rule and score of each), and for the author's own draft: save and publish; for a published one: copy.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import type { training } from '@trag/contracts';
import { apiPatch, apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice } from '../../components/error-notice';
import { isTrainer, trainingApi } from './training.api';

export function ScenarioEditorPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { scenarioId = '' } = useParams();
  const scenario = useApi<training.ScenarioDetail>(trainingApi.scenario(scenarioId));
  const [language, setLanguage] = useState('en');
  const [sources, setSources] = useState<Record<string, string>>({});
  const [compile, setCompile] = useState<training.CheckResponse | undefined>(undefined);
  const [full, setFull] = useState<training.CheckResponse | undefined>(undefined);
  const [slug, setSlug] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const editable = scenario.data?.mine === true && scenario.data.status === 'draft';
  const source = sources[language] ?? scenario.data?.sources[language] ?? '';

  useEffect(() => {
    if (!isTrainer(user.role) || !source) return;
    const timer = setTimeout(() => {
      apiPost<training.CheckResponse>(trainingApi.check(), { sources: { [language]: source }, mode: 'compile' }).then(
        setCompile,
        setError,
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [source, language, user.role]);

  async function run(action: () => Promise<void>) {
    try {
      await action();
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  }
  const all = () => ({ ...(scenario.data?.sources ?? {}), ...sources });

  if (!scenario.data)
    return (
      <div className="page">
        <ErrorNotice error={scenario.error} />
      </div>
    );
  const messages = compile?.languages[0]?.messages ?? [];
  return (
    <div className="page">
      <h1>
        {scenario.data.title.en ?? scenario.data.slug} <span className="mono">v{scenario.data.version}</span>
      </h1>
      <ErrorNotice error={error} />
      <div className="form-row">
        <label>
          {t('training:sessions.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value)}>
            {Object.keys(scenario.data.sources).map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        {isTrainer(user.role) && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void run(async () => setFull(await apiPost(trainingApi.check(), { sources: all(), mode: 'full' })))
            }
          >
            {t('training:editor.fullCheck')}
          </button>
        )}
        {editable && (
          <>
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  await apiPatch(trainingApi.scenario(scenarioId), { sources });
                  scenario.reload();
                })
              }
            >
              {t('training:editor.save')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  await apiPost(trainingApi.publish(scenarioId));
                  scenario.reload();
                })
              }
            >
              {t('training:editor.publish')}
            </button>
          </>
        )}
        {isTrainer(user.role) && scenario.data.status === 'published' && (
          <>
            <label>
              {t('training:editor.newName')}
              <input value={slug} onChange={(e) => setSlug(e.target.value)} placeholder="labour-me-2026" />
            </label>
            <button
              type="button"
              className="button"
              onClick={() =>
                void run(async () => {
                  const copy = await apiPost<training.ScenarioDetail>(trainingApi.copy(scenarioId), { slug });
                  void navigate(`/training/scenarios/${copy.id}`);
                })
              }
            >
              {t('training:editor.copy')}
            </button>
          </>
        )}
      </div>
      <textarea
        aria-label={t('training:editor.source')}
        className="mono"
        rows={24}
        style={{ width: '100%' }}
        readOnly={!editable}
        value={source}
        onChange={(e) => setSources({ ...sources, [language]: e.target.value })}
      />
      <section className="panel" aria-labelledby="training-compile">
        <h2 id="training-compile">{t('training:editor.compile')}</h2>
        {messages.length === 0 ? (
          <p>{compile ? t('training:editor.compiles') : '…'}</p>
        ) : (
          <ul className="plain">
            {messages.map((m, i) => (
              <li key={i}>
                {t('training:editor.line', { line: m.line ?? '?' })} — {m.severity}: {m.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      {full && (
        <section className="panel" aria-labelledby="training-map">
          <h2 id="training-map">{t('training:editor.map')}</h2>
          <p>{full.ok ? t('training:editor.checkOk') : t('training:editor.checkFailed')}</p>
          <ul className="plain">
            {full.findings.map((f, i) => (
              <li key={i}>
                [{f.language}] {f.code}: {f.message}
              </li>
            ))}
          </ul>
          {(full.languages.find((l) => l.language === language) ?? full.languages[0])?.knots.map((knot) => (
            <div key={knot}>
              <h3 className="mono">{knot}</h3>
              <ul className="plain">
                {full.languages
                  .find((l) => l.language === language)
                  ?.choices.filter((c) => c.knot === knot)
                  .map((c) => (
                    <li key={c.choiceId}>
                      <span className="mono">{c.choiceId}</span> {c.text}{' '}
                      {c.rule ? `(${c.rule} ${c.score > 0 ? '+' : ''}${c.score})` : ''}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
