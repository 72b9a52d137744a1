// Sign-in: username and password, then (when the account has two-factor authentication) the 6-digit code.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { identity } from '@trag/contracts';
import { apiPost, ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { LanguageSwitcher } from '../../components/language-switcher';
import { DemoBanner } from '../../components/demo-banner';
import { errorMessage } from '../../components/error-notice';

function safeNext(next: string | null): string {
  // Only same-site paths: never follow an absolute or protocol-relative URL from the query string.
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, loading, refresh } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const totpRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('identity:login.title')} · ${t('common:app.name')}`;
  }, [t]);
  useEffect(() => {
    if (step === 'totp') totpRef.current?.focus();
  }, [step]);

  if (!loading && user) return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('identity:login.missingFields'));
      return;
    }
    if (step === 'totp' && !/^\d{6}$/.test(totpCode.trim())) {
      setError(t('identity:login.totpFormat'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: identity.LoginRequest = { username: username.trim(), password };
      if (step === 'totp') body.totpCode = totpCode.trim();
      await apiPost<identity.LoginResponse>('/api/auth/login', body);
      const me = await refresh();
      if (me?.totpEnrolmentRequired) navigate('/account?enrol=totp', { replace: true });
      else navigate(safeNext(params.get('next')), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') {
        setStep('totp');
      } else {
        setError(errorMessage(err, t));
        if (err instanceof ApiError && err.code === 'invalid_credentials') {
          setPassword('');
          usernameRef.current?.focus();
        }
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <DemoBanner />
      <div className="login-top">
        <LanguageSwitcher />
      </div>
      <main id="main" className="login-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            T
          </span>
          <span className="brand-name">{t('common:app.name')}</span>
        </div>
        <h1 className="visually-hidden">{t('identity:login.title')}</h1>
        <p className="login-intro">{t('identity:login.intro')}</p>
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          {step === 'password' ? (
            <>
              <div className="field">
                <label htmlFor="login-username">{t('identity:login.username')}</label>
                <input
                  id="login-username"
                  ref={usernameRef}
                  name="username"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  autoFocus
                  value={username}
                  onChange={(e) => setUsername(e.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="login-password">{t('identity:login.password')}</label>
                <input
                  id="login-password"
                  type="password"
                  name="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </div>
            </>
          ) : (
            <>
              <p className="notice notice-info">{t('identity:login.totpExplanation')}</p>
              <div className="field">
                <label htmlFor="login-totp">{t('identity:login.totpCode')}</label>
                <input
                  id="login-totp"
                  ref={totpRef}
                  name="totp"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  pattern="[0-9]{6}"
                  maxLength={6}
                  required
                  value={totpCode}
                  onChange={(e) => setTotpCode(e.target.value.replace(/\D/g, ''))}
                />
                <span className="field-hint">{t('identity:login.totpHint')}</span>
              </div>
            </>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('identity:login.signingIn') : t('identity:login.submit')}
          </button>
          {step === 'totp' && (
            <p className="small" style={{ marginTop: '0.8rem' }}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setStep('password');
                  setTotpCode('');
                  setError(null);
                }}
              >
                {t('identity:login.back')}
              </button>
            </p>
          )}
        </form>
      </main>
      <footer className="login-footer">{t('identity:login.footer')}</footer>
    </div>
  );
}
