import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { identity } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { ErrorNotice } from '../../components/error-notice';

export const PASSWORD_MIN_LENGTH = 12;

/** Change one's own password (current + new, typed twice). */
export function PasswordForm() {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setError(undefined);
    if (next.length < PASSWORD_MIN_LENGTH)
      return setProblem(t('identity:password.tooShort', { count: PASSWORD_MIN_LENGTH }));
    if (next !== repeat) return setProblem(t('identity:password.mismatch'));
    setProblem(null);
    setBusy(true);
    try {
      const body: identity.ChangePasswordRequest = { currentPassword: current, newPassword: next };
      await apiPost('/api/auth/password', body);
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorNotice error={error} />
      {done && (
        <p className="notice notice-success" role="status">
          {t('identity:password.changed')}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-current`}>{t('identity:password.current')}</label>
        <input
          id={`${id}-current`}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-new`}>{t('identity:password.new')}</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          aria-describedby={`${id}-hint`}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <span id={`${id}-hint`} className="field-hint">
          {t('identity:password.rules', { count: PASSWORD_MIN_LENGTH })}
        </span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>{t('identity:password.repeat')}</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          value={repeat}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setRepeat(e.target.value)}
        />
        {problem && (
          <span className="field-error" role="alert">
            {problem}
          </span>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('identity:password.submit')}
        </button>
      </div>
    </form>
  );
}
