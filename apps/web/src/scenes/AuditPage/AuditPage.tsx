// The audit trail for supervisors and administrators: filter, page through, export as CSV.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { audit } from '@trag/contracts';
import { queryString, useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { useFormat } from '../../i18n/format';

const FILTERS = ['from', 'to', 'action', 'recordType', 'caseId', 'actorUserId', 'recordId'] as const;
type FilterName = (typeof FILTERS)[number];
const PAGE_SIZE = 50;

function summarizeDetails(details: Record<string, unknown>): string {
  const text = Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(', ');
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

export function AuditPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<FilterName, string>;
  const offset = Number(params.get('offset') ?? '0') || 0;
  const [draft, setDraft] = useState(applied);
  const filterQuery = queryString(applied);
  const list = useApi<audit.AuditListResponse>(`/api/audit${queryString({ ...applied, limit: PAGE_SIZE, offset })}`);

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (draft[f].trim()) next.set(f, draft[f].trim());
    setParams(next);
  }
  const page = (newOffset: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(newOffset));
    setParams(next);
  };
  const field = (name: FilterName, type: 'text' | 'date' = 'text', wide = false) => (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={`audit-${name}`}>{t(`audit:filters.${name}`)}</label>
      <input
        id={`audit-${name}`}
        type={type}
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
      />
    </div>
  );

  const total = list.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('audit:title')}
        description={t('audit:description')}
        actions={
          <a className="button" href={`/api/audit/export.csv${filterQuery}`} download>
            {t('audit:export')}
          </a>
        }
      />
      <form className="filters" onSubmit={apply} aria-label={t('audit:filters.label')}>
        {field('from', 'date')}
        {field('to', 'date')}
        {field('action')}
        {field('recordType')}
        {field('caseId')}
        {field('actorUserId')}
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" className="button button-primary">
            {t('common:actions.filter')}
          </button>
        </div>
      </form>
      <ErrorNotice error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t('audit:title')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    #
                  </th>
                  <th scope="col">{t('audit:columns.at')}</th>
                  <th scope="col">{t('audit:columns.actor')}</th>
                  <th scope="col">{t('audit:columns.action')}</th>
                  <th scope="col">{t('audit:columns.record')}</th>
                  <th scope="col">{t('audit:columns.case')}</th>
                  <th scope="col">{t('audit:columns.ip')}</th>
                  <th scope="col">{t('audit:columns.details')}</th>
                </tr>
              </thead>
              <tbody>
                {(list.data?.items ?? []).map((entry) => (
                  <tr key={entry.id}>
                    <td className="num">{format.number(entry.seq)}</td>
                    <td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</td>
                    <td>{entry.actorUsername ?? t('audit:system')}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td className="small nowrap">
                      {entry.recordType ?? '—'}
                      {entry.recordId && <div className="mono muted nowrap">{entry.recordId.slice(0, 8)}</div>}
                    </td>
                    <td className="small nowrap">
                      {entry.caseId ? (
                        <Link to={`/cases/${entry.caseId}`} className="mono">
                          {entry.caseId.slice(0, 8)}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="mono small nowrap">{entry.ip ?? '—'}</td>
                    <td className="small muted">{summarizeDetails(entry.details)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {list.data && list.data.items.length === 0 && (
              <p className="empty" style={{ padding: '0.8rem' }}>
                {t('audit:empty')}
              </p>
            )}
          </div>
          <Pagination offset={offset} pageSize={PAGE_SIZE} total={total} onPage={page} />
        </>
      )}
    </>
  );
}
