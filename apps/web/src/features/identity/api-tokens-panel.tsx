// Personal API tokens for the CLI and integrations: the secret is shown once, then only its prefix.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { identity } from '@trag/contracts';
import { apiDelete, apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { useFormat } from '../../i18n/format';

export function ApiTokensPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const tokens = useApi<identity.ApiTokenListResponse>('/api/auth/tokens');
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<identity.CreateApiTokenResponse | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  async function create(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const body: identity.CreateApiTokenRequest = { name: name.trim() };
      if (days) body.expiresInDays = Number(days);
      setCreated(await apiPost<identity.CreateApiTokenResponse>('/api/auth/tokens', body));
      setName('');
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function revoke(tokenId: string) {
    if (!window.confirm(t('identity:tokens.confirmRevoke'))) return;
    setError(undefined);
    try {
      await apiDelete(`/api/auth/tokens/${encodeURIComponent(tokenId)}`);
      tokens.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div>
      <p className="muted small">{t('identity:tokens.explanation')}</p>
      <ErrorNotice error={error ?? tokens.error} />
      {created && (
        <div className="notice notice-success" role="status">
          <p>{t('identity:tokens.createdOnce')}</p>
          <div className="secret-box">{created.secret}</div>
        </div>
      )}
      {tokens.loading && !tokens.data ? (
        <Loading />
      ) : tokens.data && tokens.data.tokens.length > 0 ? (
        <div className="table-wrap" style={{ marginBottom: '0.8rem' }}>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('identity:tokens.name')}</th>
                <th scope="col">{t('identity:tokens.prefix')}</th>
                <th scope="col">{t('identity:tokens.lastUsed')}</th>
                <th scope="col">{t('identity:tokens.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common:table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td className="mono">{token.prefix}…</td>
                  <td>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('identity:tokens.never')}</td>
                  <td>{token.expiresAt ? format.date(token.expiresAt) : t('identity:tokens.noExpiry')}</td>
                  <td className="num">
                    <button
                      type="button"
                      className="button button-small button-danger"
                      onClick={() => void revoke(token.id)}
                      aria-label={t('identity:tokens.revokeNamed', { name: token.name })}
                    >
                      {t('identity:tokens.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t('identity:tokens.none')}</p>
      )}
      <form onSubmit={(e) => void create(e)} className="form-row">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('identity:tokens.name')}</label>
          <input id={`${id}-name`} value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field" style={{ flex: '0 0 150px' }}>
          <label htmlFor={`${id}-days`}>{t('identity:tokens.validity')}</label>
          <select id={`${id}-days`} value={days} onChange={(e) => setDays(e.target.value)}>
            {['30', '90', '365'].map((d) => (
              <option key={d} value={d}>
                {t('identity:tokens.days', { count: Number(d) })}
              </option>
            ))}
            <option value="">{t('identity:tokens.noExpiry')}</option>
          </select>
        </div>
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" className="button button-primary" disabled={!name.trim()}>
            {t('identity:tokens.create')}
          </button>
        </div>
      </form>
    </div>
  );
}
