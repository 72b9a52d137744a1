import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="panel not-found">
      <h1>{t('common:notFound.title')}</h1>
      <p>{t('common:notFound.body')}</p>
      <Link to="/" className="button">
        {t('common:notFound.back')}
      </Link>
    </div>
  );
}
