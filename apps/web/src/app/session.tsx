// Who is signed in, and whether this is the demo instance. Loaded once from GET /api/auth/me and GET /api/health;
// the language follows the user's saved locale.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { platform } from '@trag/contracts';
import { apiGet, apiPost, ApiError, SESSION_ENDED_EVENT } from '../api/client';
import { applyLanguage, isLanguageCode } from '../i18n/i18n';
import type { SessionUser } from '../features/identity/identity.types';

interface SessionState {
  user: SessionUser | null;
  health: platform.HealthResponse | null;
  loading: boolean;
  /** Re-reads /api/auth/me (after login, locale or TOTP changes). */
  refresh(): Promise<SessionUser | null>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [health, setHealth] = useState<platform.HealthResponse | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const me = await apiGet<{ user: SessionUser }>('/api/auth/me');
      setUser(me.user);
      if (isLanguageCode(me.user.locale)) applyLanguage(me.user.locale);
      return me.user;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) console.warn('Could not load the session', error);
      setUser(null);
      return null;
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiPost('/api/auth/logout');
    } finally {
      setUser(null);
    }
  }, []);

  useEffect(() => {
    const ended = () => setUser(null);
    window.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, []);

  useEffect(() => {
    void Promise.all([
      refresh(),
      apiGet<platform.HealthResponse>('/api/health')
        .then(setHealth)
        .catch(() => setHealth(null)),
    ]).finally(() => setLoading(false));
  }, [refresh]);

  const value = useMemo(() => ({ user, health, loading, refresh, logout }), [user, health, loading, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only use below <RequireSession>. */
export function useCurrentUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser without a session');
  return user;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) {
    return (
      <p className="page-loading" role="status">
        {t('common:status.loading')}
      </p>
    );
  }
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  // An agency that requires two-factor authentication allows nothing else until the user has enrolled.
  if (user.totpEnrolmentRequired && location.pathname !== '/account') {
    return <Navigate to="/account?enrol=totp" replace />;
  }
  return <>{children}</>;
}
