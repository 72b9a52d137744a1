// The start page: my open cases, my tasks, and what happened recently in my cases.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { ActivityList } from '../../features/cases/activity-list';
import { CaseTable } from '../../features/cases/case-table';
import { TaskList } from '../../features/cases/task-list';
import { casesApi } from '../../features/cases/cases.api';
import { useFormat } from '../../i18n/format';

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormat();
  const dashboard = useApi<cases.DashboardResponse>(casesApi.dashboard());
  const data = dashboard.data;
  const openTasks = data?.myTasks.filter((task) => task.status === 'open') ?? [];
  const overdue = openTasks.filter((task) => task.overdue).length;

  return (
    <>
      <PageHeader
        title={t('cases:dashboard.greeting', { name: user.displayName })}
        description={t('cases:dashboard.description')}
        actions={
          <Link to="/cases/new" className="button button-primary">
            {t('cases:list.new')}
          </Link>
        }
      />
      <ErrorNotice error={dashboard.error} />
      {dashboard.loading && !data ? (
        <Loading />
      ) : data ? (
        <>
          <div className="grid-3" style={{ marginBottom: '1rem' }}>
            <div className="panel stat">
              <span className="stat-value">{format.number(data.myCases.length)}</span>
              <span className="stat-label">{t('cases:dashboard.statCases')}</span>
            </div>
            <div className="panel stat">
              <span className="stat-value">{format.number(openTasks.length)}</span>
              <span className="stat-label">{t('cases:dashboard.statTasks')}</span>
            </div>
            <div className="panel stat">
              <span className="stat-value" style={overdue ? { color: 'var(--danger)' } : undefined}>
                {format.number(overdue)}
              </span>
              <span className="stat-label">{t('cases:dashboard.statOverdue')}</span>
            </div>
          </div>
          <div className="grid-main-side">
            <section aria-labelledby="dash-cases">
              <div className="panel-header">
                <h2 id="dash-cases">{t('cases:dashboard.myCases')}</h2>
                <Link to="/cases">{t('cases:dashboard.allCases')}</Link>
              </div>
              {data.myCases.length === 0 ? (
                <div className="panel">
                  <p className="empty">{t('cases:dashboard.noCases')}</p>
                </div>
              ) : (
                <CaseTable items={data.myCases} caption={t('cases:dashboard.myCases')} compact />
              )}
            </section>
            <div>
              <section className="panel" aria-labelledby="dash-tasks">
                <h2 id="dash-tasks">{t('cases:dashboard.myTasks')}</h2>
                <TaskList items={openTasks} showCase />
              </section>
              <section className="panel" aria-labelledby="dash-activity">
                <h2 id="dash-activity">{t('cases:dashboard.recentActivity')}</h2>
                <ActivityList items={data.recentActivity.slice(0, 12)} showCase />
              </section>
            </div>
          </div>
        </>
      ) : null}
    </>
  );
}
