import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PasswordForm } from '../../features/identity/password-form';
import { TotpPanel } from '../../features/identity/totp-panel';
import { ApiTokensPanel } from '../../features/identity/api-tokens-panel';
import { LanguageSwitcher } from '../../components/language-switcher';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('identity:account.title')} description={t('identity:account.description')} />
      <div className="grid-2">
        <div>
          <section className="panel" aria-labelledby="account-profile">
            <h2 id="account-profile">{t('identity:account.profile')}</h2>
            <dl className="facts">
              <dt>{t('identity:fields.displayName')}</dt>
              <dd>{user.displayName}</dd>
              <dt>{t('identity:fields.username')}</dt>
              <dd className="mono">{user.username}</dd>
              <dt>{t('identity:fields.role')}</dt>
              <dd>{t(`common:roles.${user.role}`)}</dd>
              <dt>{t('identity:fields.agency')}</dt>
              <dd>
                {user.agency.name} (
                {t(`common:countries.${user.agency.country}`, { defaultValue: user.agency.country })})
              </dd>
              <dt>{t('common:shell.language')}</dt>
              <dd>
                <LanguageSwitcher />
              </dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="account-password">
            <h2 id="account-password">{t('identity:password.title')}</h2>
            <PasswordForm />
          </section>
        </div>
        <div>
          <section className="panel" aria-labelledby="account-totp">
            <h2 id="account-totp">{t('identity:totp.title')}</h2>
            <TotpPanel />
          </section>
          <section className="panel" aria-labelledby="account-tokens">
            <h2 id="account-tokens">{t('identity:tokens.title')}</h2>
            <ApiTokensPanel />
          </section>
        </div>
      </div>
    </>
  );
}
