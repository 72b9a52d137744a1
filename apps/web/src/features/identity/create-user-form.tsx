import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { identity } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { ROLES } from '../../app/roles';
import { ErrorNotice } from '../../components/error-notice';
import { LANGUAGES } from '../../i18n/i18n';
import { PASSWORD_MIN_LENGTH } from './password-form';

export function CreateUserForm({ onCreated }: { onCreated(user: identity.User): void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState({
    username: '',
    displayName: '',
    email: '',
    role: 'investigator' as identity.RoleName,
    locale: (LANGUAGES.find((l) => l.code === i18n.language)?.code ?? 'en') as identity.LocaleName,
    password: '',
  });
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: identity.CreateUserRequest = {
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        role: form.role,
        locale: form.locale,
        password: form.password,
        email: form.email.trim() || null,
      };
      const result = await apiPost<identity.UserResponse>('/api/users', body);
      onCreated(result.user);
      setForm((f) => ({ ...f, username: '', displayName: '', email: '', password: '' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <ErrorNotice error={error} />
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-display`}>{t('identity:fields.displayName')}</label>
          <input
            id={`${id}-display`}
            required
            value={form.displayName}
            onChange={(e) => set('displayName', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-username`}>{t('identity:fields.username')}</label>
          <input
            id={`${id}-username`}
            required
            autoCapitalize="none"
            spellCheck={false}
            value={form.username}
            onChange={(e) => set('username', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('identity:fields.email')}</label>
          <input id={`${id}-email`} type="email" value={form.email} onChange={(e) => set('email', e.target.value)} />
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('identity:fields.role')}</label>
          <select
            id={`${id}-role`}
            value={form.role}
            onChange={(e) => set('role', e.target.value as identity.RoleName)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`common:roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-locale`}>{t('common:shell.language')}</label>
          <select
            id={`${id}-locale`}
            value={form.locale}
            onChange={(e) => set('locale', e.target.value as identity.LocaleName)}
          >
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('identity:users.initialPassword')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            aria-describedby={`${id}-password-hint`}
            value={form.password}
            onChange={(e) => set('password', e.target.value)}
          />
          <span id={`${id}-password-hint`} className="field-hint">
            {t('identity:password.rules', { count: PASSWORD_MIN_LENGTH })}
          </span>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('identity:users.create')}
        </button>
      </div>
    </form>
  );
}
