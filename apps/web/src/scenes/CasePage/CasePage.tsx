// One case: header with status and actions, then the registered tabs (features/cases/case-tabs.tsx).
import { useMemo, useState } from 'react';
import { Link, NavLink, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { apiPost, ApiError } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { CaseStatusBadge } from '../../features/cases/case-badges';
import { CaseContext } from '../../features/cases/case-context';
import { caseTabs } from '../../features/cases/case-tabs';
import { casesApi } from '../../features/cases/cases.api';

function CaseUnavailable() {
  const { t } = useTranslation();
  return (
    <div className="panel not-found" role="alert">
      <h1>{t('cases:unavailable.title')}</h1>
      <p>{t('errors:codes.case_not_found')}</p>
      <Link to="/cases" className="button">
        {t('cases:unavailable.back')}
      </Link>
    </div>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { caseId = '', tabId = 'overview' } = useParams();
  const detail = useApi<cases.CaseDetail>(casesApi.case(caseId));
  const [actionError, setActionError] = useState<unknown>(undefined);
  const tab = caseTabs.find((candidate) => candidate.id === tabId);
  const context = useMemo(
    () => (detail.data ? { detail: detail.data, reload: detail.reload } : null),
    [detail.data, detail.reload],
  );

  if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403)) {
    return <CaseUnavailable />;
  }
  if (detail.loading && !detail.data) return <Loading />;
  if (!detail.data || !context) return <ErrorNotice error={detail.error} />;
  const data = detail.data;

  async function closeOrReopen() {
    setActionError(undefined);
    try {
      if (data.status === 'closed') {
        await apiPost(casesApi.reopen(data.id));
      } else {
        const reason = window.prompt(t('cases:page.closeReason'));
        if (reason === null) return;
        await apiPost(casesApi.close(data.id), reason.trim() ? { reason: reason.trim() } : {});
      }
      detail.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  const Tab = tab?.component;
  return (
    <CaseContext.Provider value={context}>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/cases">{t('common:nav.cases')}</Link> / <span className="mono">{data.reference}</span>
          </>
        }
        title={data.title}
        description={
          <span className="case-title-row">
            <CaseStatusBadge status={data.status} />
            <span>{t(`cases:types.${data.type}`)}</span>
            <span>·</span>
            <span>{data.agencyName}</span>
            <span>·</span>
            <span>{t('cases:page.yourRole', { role: t(`cases:caseRoles.${data.myRole}`) })}</span>
          </span>
        }
        actions={
          data.can.manage ? (
            <button type="button" className="button" onClick={() => void closeOrReopen()}>
              {data.status === 'closed' ? t('cases:page.reopen') : t('cases:page.close')}
            </button>
          ) : undefined
        }
      />
      <ErrorNotice error={actionError} />
      <nav className="tabs" aria-label={t('cases:page.sections')}>
        {caseTabs.map((candidate) => (
          <NavLink
            key={candidate.id}
            to={candidate.id === 'overview' ? `/cases/${data.id}` : `/cases/${data.id}/${candidate.id}`}
            end
            className={() => (candidate.id === (tab?.id ?? '') ? 'active' : '')}
            aria-current={candidate.id === tab?.id ? 'page' : undefined}
          >
            {t(candidate.labelKey)}
            {candidate.id === 'entities' && ` (${data.counts.entities})`}
            {candidate.id === 'members' && ` (${data.counts.members})`}
            {candidate.id === 'notes' && ` (${data.counts.notes})`}
            {candidate.id === 'tasks' && data.counts.openTasks > 0 && ` (${data.counts.openTasks})`}
          </NavLink>
        ))}
      </nav>
      {Tab ? <Tab caseId={data.id} /> : <p className="notice notice-warning">{t('cases:page.unknownTab')}</p>}
    </CaseContext.Provider>
  );
}
