import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { platform } from '@trag/contracts';
import { apiGet } from '../api/client';

export function App() {
  const { t } = useTranslation();
  const [health, setHealth] = useState<platform.HealthResponse | null>(null);
  useEffect(() => {
    void apiGet<platform.HealthResponse>('/api/health').then(setHealth);
  }, []);
  return (
    <main>
      <h1>{t('app.name')}</h1>
      <p>{health ? t('app.connected', { database: health.database }) : t('app.loading')}</p>
    </main>
  );
}
