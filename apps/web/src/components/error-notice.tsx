// Shows an API or network error in words a person can act on. Known error codes get a translated message;
// otherwise the server's own message (already written for people) is shown.
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function errorMessage(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof ApiError) {
    const translated = t(`errors:codes.${error.code}`, { ...error.details, defaultValue: '' });
    if (translated) return translated;
    if (error.status === 0) return t('errors:network');
    return error.message || t('errors:unknown');
  }
  if (error instanceof TypeError) return t('errors:network');
  return t('errors:unknown');
}

export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined || error === null) return null;
  return (
    <div className="notice notice-error" role="alert">
      {errorMessage(error, t)}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status">
      {t('common:status.loading')}
    </p>
  );
}
