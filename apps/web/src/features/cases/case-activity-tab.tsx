import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { ActivityList } from './activity-list';
import type { CaseTabProps } from './case-tabs';
import { casesApi } from './cases.api';

export function CaseActivityTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const activity = useApi<cases.CaseActivityListResponse>(casesApi.activity(caseId));
  return (
    <section className="panel" aria-labelledby="activity-title">
      <h2 id="activity-title">{t('cases:activity.title')}</h2>
      <ErrorNotice error={activity.error} />
      {activity.loading && !activity.data ? (
        <Loading />
      ) : (
        <ActivityList items={activity.data?.items ?? []} showCase={false} />
      )}
    </section>
  );
}
