// Two-factor authentication: start set-up (QR code + secret), confirm with a code, or turn it off with a code.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { identity } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useSession } from '../../app/session';
import { ErrorNotice } from '../../components/error-notice';

export function TotpPanel() {
  const { t } = useTranslation();
  const { user, refresh } = useSession();
  const id = useId();
  const [setup, setSetup] = useState<identity.TotpSetupResponse | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user) return null;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    setMessage(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const start = () =>
    run(async () => {
      setSetup(await apiPost<identity.TotpSetupResponse>('/api/auth/totp/setup'));
      setCode('');
    });
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiPost('/api/auth/totp/enable', { code: code.trim() } satisfies identity.TotpCodeRequest);
      setSetup(null);
      setCode('');
      await refresh();
      setMessage(t('identity:totp.enabled'));
    });
  };
  const disable = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await apiPost('/api/auth/totp/disable', { code: code.trim() } satisfies identity.TotpCodeRequest);
      setCode('');
      await refresh();
      setMessage(t('identity:totp.disabled'));
    });
  };

  const codeField = (
    <div className="field">
      <label htmlFor={`${id}-code`}>{t('identity:login.totpCode')}</label>
      <input
        id={`${id}-code`}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
        style={{ maxWidth: '10rem' }}
      />
    </div>
  );

  return (
    <div>
      <ErrorNotice error={error} />
      {message && (
        <p className="notice notice-success" role="status">
          {message}
        </p>
      )}
      {user.totpEnrolmentRequired && !user.totpEnabled && (
        <p className="notice notice-warning">{t('identity:totp.requiredByAgency')}</p>
      )}
      <p>
        {t('identity:totp.status')}{' '}
        {user.totpEnabled ? (
          <span className="badge badge-open">{t('identity:totp.on')}</span>
        ) : (
          <span className="badge">{t('identity:totp.off')}</span>
        )}
      </p>
      {user.totpEnabled ? (
        <form onSubmit={disable}>
          <p className="muted small">{t('identity:totp.disableExplanation')}</p>
          {codeField}
          <button type="submit" className="button button-danger" disabled={busy || code.length !== 6}>
            {t('identity:totp.disable')}
          </button>
        </form>
      ) : setup ? (
        <form onSubmit={confirm}>
          <ol className="small" style={{ paddingLeft: '1.2rem' }}>
            <li>{t('identity:totp.step1')}</li>
            <li>{t('identity:totp.step2')}</li>
          </ol>
          <div style={{ display: 'flex', gap: '1rem', alignItems: 'flex-start', marginBottom: '0.7rem' }}>
            <img
              className="qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
              alt={t('identity:totp.qrAlt')}
            />
            <div>
              <div className="field-label">{t('identity:totp.secret')}</div>
              <div className="secret-box">{setup.secret}</div>
            </div>
          </div>
          {codeField}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || code.length !== 6}>
              {t('identity:totp.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setSetup(null)}>
              {t('common:actions.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="muted small">{t('identity:totp.explanation')}</p>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void start()}>
            {t('identity:totp.start')}
          </button>
        </>
      )}
    </div>
  );
}
