import { useRouteError } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

/** Shown instead of a blank page when a page fails to render. */
export function PageError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <div className="panel not-found" role="alert">
      <h1>{t('common:pageError.title')}</h1>
      <p>{t('common:pageError.body')}</p>
      <a href="/" className="button">
        {t('common:notFound.back')}
      </a>
    </div>
  );
}
