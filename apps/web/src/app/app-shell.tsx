// The signed-in frame: skip link, demo banner, header (user, agency, language, sign out), sidebar, page outlet.
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useSession } from './session';
import { visibleNavigation } from './navigation';
import { LanguageSwitcher } from '../components/language-switcher';
import { DemoBanner } from '../components/demo-banner';
import { HeaderSearch } from '../components/header-search';

export function AppShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the page so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('common:shell.skipToContent')}
      </a>
      <DemoBanner />
      <header className="shell-header">
        <NavLink to="/" className="brand" aria-label={t('common:shell.home')}>
          <span className="brand-mark" aria-hidden="true">
            T
          </span>
          <span className="brand-name">{t('common:app.name')}</span>
        </NavLink>
        <HeaderSearch />
        <div className="shell-header-right">
          <LanguageSwitcher />
          <NavLink to="/account" className="header-user" title={t('common:shell.account')}>
            <span className="header-user-name">{user.displayName}</span>
            <span className="header-user-meta">
              {t(`common:roles.${user.role}`, { defaultValue: user.role })} · {user.agency.name}
            </span>
          </NavLink>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void logout().then(() => navigate('/login'))}
          >
            {t('common:shell.signOut')}
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav className="sidebar" aria-label={t('common:shell.mainNavigation')}>
          <ul>
            {visibleNavigation(user.role).map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={item.end ?? item.path === '/'}>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
          <ul className="sidebar-secondary">
            <li>
              <NavLink to="/account">{t('common:nav.account')}</NavLink>
            </li>
            <li>
              <a href="/api/docs" target="_blank" rel="noreferrer">
                {t('common:nav.apiDocs')}
              </a>
            </li>
          </ul>
        </nav>
        <main id="main" className="main" tabIndex={-1} ref={mainRef}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
