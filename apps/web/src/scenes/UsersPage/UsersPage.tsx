// User administration (administrators; the API limits them to their own agency).
import { Fragment, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { identity } from '@trag/contracts';
import { apiPatch, apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ROLES } from '../../app/roles';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { CreateUserForm } from '../../features/identity/create-user-form';
import { useFormat } from '../../i18n/format';

export function UsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const format = useFormat();
  const users = useApi<identity.UserListResponse>('/api/users');
  const [error, setError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [showCreate, setShowCreate] = useState(false);

  async function act(action: () => Promise<unknown>, message: string): Promise<boolean> {
    setError(undefined);
    setNotice(null);
    try {
      await action();
      setNotice(message);
      users.reload();
      return true;
    } catch (err) {
      setError(err);
      return false;
    }
  }

  const [resetting, setResetting] = useState<string | null>(null);
  const [newPassword, setNewPassword] = useState('');
  const submitReset = (event: FormEvent, user: identity.User) => {
    event.preventDefault();
    void act(
      () => apiPost(`/api/users/${user.id}/reset-password`, { newPassword } satisfies identity.ResetPasswordRequest),
      t('identity:users.resetDone', { name: user.displayName }),
    ).then((ok) => {
      if (!ok) return;
      setResetting(null);
      setNewPassword('');
    });
  };

  return (
    <>
      <PageHeader
        title={t('identity:users.title')}
        description={t('identity:users.description', { agency: me.agency.name })}
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setShowCreate((v) => !v)}
            aria-expanded={showCreate}
          >
            {t('identity:users.new')}
          </button>
        }
      />
      {showCreate && (
        <section className="panel" aria-labelledby="new-user">
          <h2 id="new-user">{t('identity:users.new')}</h2>
          <CreateUserForm
            onCreated={(user) => {
              setShowCreate(false);
              setNotice(t('identity:users.created', { name: user.displayName }));
              users.reload();
            }}
          />
        </section>
      )}
      <ErrorNotice error={error ?? users.error} />
      {notice && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {users.loading && !users.data ? (
        <Loading />
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t('identity:fields.displayName')}</th>
                <th scope="col">{t('identity:fields.username')}</th>
                <th scope="col">{t('identity:fields.role')}</th>
                <th scope="col">{t('identity:users.status')}</th>
                <th scope="col">{t('identity:users.twoFactor')}</th>
                <th scope="col">{t('identity:users.createdAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common:table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(users.data?.users ?? []).map((user) => (
                <Fragment key={user.id}>
                  <tr>
                    <td>{user.displayName}</td>
                    <td className="mono">{user.username}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                        {t('identity:users.roleOf', { name: user.displayName })}
                      </label>
                      <select
                        id={`role-${user.id}`}
                        value={user.role}
                        disabled={user.id === me.id}
                        onChange={(e) =>
                          void act(
                            () => apiPatch(`/api/users/${user.id}`, { role: e.target.value }),
                            t('identity:users.saved', { name: user.displayName }),
                          )
                        }
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`common:roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {user.disabled ? (
                        <span className="badge badge-closed">{t('identity:users.disabled')}</span>
                      ) : user.lockedUntil && user.lockedUntil > new Date().toISOString() ? (
                        <span className="badge badge-warn">{t('identity:users.locked')}</span>
                      ) : (
                        <span className="badge badge-open">{t('identity:users.active')}</span>
                      )}
                    </td>
                    <td>{user.totpEnabled ? t('identity:totp.on') : t('identity:totp.off')}</td>
                    <td>{format.date(user.createdAt)}</td>
                    <td className="num" style={{ whiteSpace: 'nowrap' }}>
                      <button
                        type="button"
                        className="button button-small"
                        aria-expanded={resetting === user.id}
                        onClick={() => {
                          setResetting(resetting === user.id ? null : user.id);
                          setNewPassword('');
                        }}
                      >
                        {t('identity:users.resetPassword')}
                      </button>{' '}
                      {user.id !== me.id &&
                        (user.disabled ? (
                          <button
                            type="button"
                            className="button button-small"
                            onClick={() =>
                              void act(
                                () => apiPost(`/api/users/${user.id}/enable`),
                                t('identity:users.enabledDone', { name: user.displayName }),
                              )
                            }
                          >
                            {t('identity:users.enable')}
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            onClick={() =>
                              window.confirm(t('identity:users.confirmDisable', { name: user.displayName })) &&
                              void act(
                                () => apiPost(`/api/users/${user.id}/disable`),
                                t('identity:users.disabledDone', { name: user.displayName }),
                              )
                            }
                          >
                            {t('identity:users.disable')}
                          </button>
                        ))}
                    </td>
                  </tr>
                  {resetting === user.id && (
                    <tr>
                      <td colSpan={7}>
                        <form className="form-row" onSubmit={(e) => submitReset(e, user)}>
                          <div className="field">
                            <label htmlFor={`reset-${user.id}`}>
                              {t('identity:users.resetPrompt', { name: user.displayName })}
                            </label>
                            <input
                              id={`reset-${user.id}`}
                              type="password"
                              autoComplete="new-password"
                              autoFocus
                              value={newPassword}
                              onChange={(e) => setNewPassword(e.target.value)}
                            />
                          </div>
                          <div className="field" style={{ flex: '0 0 auto', flexDirection: 'row', gap: '0.4rem' }}>
                            <button type="submit" className="button button-primary" disabled={!newPassword}>
                              {t('identity:users.resetPassword')}
                            </button>
                            <button type="button" className="button" onClick={() => setResetting(null)}>
                              {t('common:actions.cancel')}
                            </button>
                          </div>
                        </form>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
