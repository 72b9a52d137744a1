import { useTranslation } from 'react-i18next';
import { useSession } from '../app/session';

/** Shown on every page when the server runs the synthetic demo workspace (GET /api/health → demo: true). */
export function DemoBanner() {
  const { t } = useTranslation();
  const { health } = useSession();
  if (!health?.demo) return null;
  return (
    <div className="demo-banner" role="note">
      <strong>{t('common:demo.title')}</strong> {t('common:demo.body')}
    </div>
  );
}
