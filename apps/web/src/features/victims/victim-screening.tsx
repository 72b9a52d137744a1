// Screening with a versioned indicator form (answers with their source) and the interview planning checklist.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { victims } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice } from '../../components/error-notice';
import { canDo, victimsApi } from './victims.api';

type Answer = { value: '' | 'present' | 'absent' | 'unknown'; source: '' | 'interview' | 'document' | 'observation' };

function localised(text: Record<string, string> | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? '';
}

export function ScreeningSection({ victimId }: { victimId: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const forms = useApi<victims.ScreeningFormsResponse>(victimsApi.forms());
  const list = useApi<victims.ScreeningListResponse>(victimsApi.screenings(victimId));
  const [formId, setFormId] = useState('ilo-forced-labour-11');
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [error, setError] = useState<unknown>(undefined);
  const form = forms.data?.forms.find((f) => f.id === formId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const body: victims.CreateScreeningRequest = { formId, answers: {} };
    for (const [key, a] of Object.entries(answers)) {
      if (a.value === '') continue;
      body.answers[key] = { value: a.value, ...(a.source ? { source: a.source } : {}) };
    }
    try {
      await apiPost(victimsApi.screenings(victimId), body);
      setAnswers({});
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  const latest = list.data?.screenings[0];
  return (
    <section className="panel" aria-labelledby={`${id}-scr`}>
      <h2 id={`${id}-scr`}>{t('victims:screening.title')}</h2>
      {latest && (
        <div className="notice" role="status" data-testid="screening-summary">
          <strong>{t('victims:screening.presentCount', { count: latest.summary.present.length })}</strong>{' '}
          {t(`victims:screening.suggestions.${latest.summary.suggestion.id}`, {
            defaultValue: latest.summary.suggestion.id,
          })}{' '}
          <em>{t('victims:screening.suggestionOnly')}</em>
        </div>
      )}
      <ErrorNotice error={list.error ?? forms.error} />
      <form onSubmit={(e) => void submit(e)}>
        <ErrorNotice error={error} />
        <div className="field">
          <label htmlFor={`${id}-form`}>{t('victims:screening.form')}</label>
          <select id={`${id}-form`} value={formId} onChange={(e) => setFormId(e.target.value)}>
            {(forms.data?.forms ?? []).map((f) => (
              <option key={f.id} value={f.id}>
                {localised(f.title, i18n.language)} (v{f.version})
              </option>
            ))}
          </select>
          {form && <span className="field-hint">{t('victims:screening.source', { source: form.source })}</span>}
        </div>
        {form?.indicators.map((ind) => {
          const a = answers[ind.id] ?? { value: '', source: '' };
          const set = (patch: Partial<Answer>) => setAnswers({ ...answers, [ind.id]: { ...a, ...patch } });
          return (
            <div className="form-row" key={ind.id}>
              <div className="field">
                <label htmlFor={`${id}-${ind.id}`}>
                  {ind.number}. {localised(ind.label, i18n.language)}
                </label>
                <select
                  id={`${id}-${ind.id}`}
                  value={a.value}
                  onChange={(e) => set({ value: e.target.value as Answer['value'] })}
                >
                  <option value="">—</option>
                  <option value="present">{t('victims:screening.values.present')}</option>
                  <option value="absent">{t('victims:screening.values.absent')}</option>
                  <option value="unknown">{t('victims:screening.values.unknown')}</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-${ind.id}-src`}>
                  {t('victims:screening.answerSource', { number: ind.number })}
                </label>
                <select
                  id={`${id}-${ind.id}-src`}
                  value={a.source}
                  onChange={(e) => set({ source: e.target.value as Answer['source'] })}
                >
                  <option value="">—</option>
                  <option value="interview">{t('victims:screening.sources.interview')}</option>
                  <option value="document">{t('victims:screening.sources.document')}</option>
                  <option value="observation">{t('victims:screening.sources.observation')}</option>
                </select>
              </div>
            </div>
          );
        })}
        <button type="submit" className="button button-primary">
          {t('victims:screening.submit')}
        </button>
      </form>
    </section>
  );
}

export function InterviewSection({ victimId }: { victimId: string }) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const id = useId();
  const checklist = useApi<victims.ChecklistResponse>(victimsApi.checklist());
  const plans = useApi<victims.InterviewPlanListResponse>(victimsApi.interviewPlans(victimId));
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [interpreter, setInterpreter] = useState(false);
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const answers: Record<string, 'yes' | 'no'> = {};
    for (const item of checklist.data?.items ?? []) answers[item.id] = checked[item.id] ? 'yes' : 'no';
    try {
      await apiPost(victimsApi.interviewPlans(victimId), { plannedFor: date, interpreterNeeded: interpreter, answers });
      plans.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-int`}>
      <h2 id={`${id}-int`}>{t('victims:interview.title')}</h2>
      <ErrorNotice error={plans.error} />
      {(plans.data?.plans ?? []).length === 0 ? (
        <p className="empty">{t('victims:interview.empty')}</p>
      ) : (
        <ul className="plain rows">
          {plans.data!.plans.map((p) => (
            <li key={p.id}>
              {p.plannedFor} ·{' '}
              {p.complete
                ? t('victims:interview.complete')
                : t('victims:interview.incomplete', { items: p.missing.map((m) => m.id).join(', ') })}
            </li>
          ))}
        </ul>
      )}
      {canDo(user.role, 'interview') && checklist.data && (
        <form onSubmit={(e) => void submit(e)}>
          <ErrorNotice error={error} />
          <div className="field">
            <label htmlFor={`${id}-date`}>{t('victims:interview.date')}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <label>
            <input type="checkbox" checked={interpreter} onChange={(e) => setInterpreter(e.target.checked)} />{' '}
            {t('victims:interview.interpreterNeeded')}
          </label>
          {checklist.data.items.map((item) => (
            <label key={item.id} style={{ display: 'block' }}>
              <input
                type="checkbox"
                checked={checked[item.id] ?? false}
                onChange={(e) => setChecked({ ...checked, [item.id]: e.target.checked })}
              />{' '}
              {localised(item.label, i18n.language)} <span className="muted small">({item.sources.join('; ')})</span>
            </label>
          ))}
          <button type="submit" className="button">
            {t('victims:interview.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
