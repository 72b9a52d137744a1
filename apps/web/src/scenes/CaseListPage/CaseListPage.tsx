// All cases the user is a member of, with filters kept in the URL (shareable, survive reload).
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { cases, type search } from '@trag/contracts';
import { queryString, useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { CaseTable } from '../../features/cases/case-table';
import { casesApi } from '../../features/cases/cases.api';

const PAGE_SIZE = 50;
/** With a text filter, matches come from full-text search among this many of the user's latest cases. */
const TEXT_FILTER_WINDOW = 200;

export function CaseListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = {
    status: params.get('status') ?? '',
    type: params.get('type') ?? '',
    tag: params.get('tag') ?? '',
    text: params.get('text') ?? '',
  };
  const offset = Number(params.get('offset') ?? '0') || 0;
  const [draft, setDraft] = useState(applied);
  const text = applied.text.trim();
  const filters = { status: applied.status, type: applied.type, tag: applied.tag };
  // The list API filters by status, type and tag; the text filter goes through full-text search (which folds
  // diacritics and Cyrillic/Latin) and keeps the listed cases it matched.
  const list = useApi<cases.CaseListResponse>(
    text
      ? `${casesApi.list()}${queryString({ ...filters, limit: TEXT_FILTER_WINDOW, offset: 0 })}`
      : `${casesApi.list()}${queryString({ ...filters, limit: PAGE_SIZE, offset })}`,
  );
  const matches = useApi<search.SearchResponse>(
    text ? `${casesApi.search()}${queryString({ q: text, type: 'case', limit: 100 })}` : null,
  );
  const matchedIds = new Set(matches.data?.items.map((item) => item.caseId) ?? []);
  const shown = text ? (list.data?.items ?? []).filter((item) => matchedIds.has(item.id)) : (list.data?.items ?? []);
  const truncatedTextFilter = text !== '' && (list.data?.total ?? 0) > TEXT_FILTER_WINDOW;

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries(draft)) if (value.trim()) next.set(key, value.trim());
    setParams(next);
  }
  function clear() {
    setDraft({ status: '', type: '', tag: '', text: '' });
    setParams(new URLSearchParams());
  }
  const page = (newOffset: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(newOffset));
    setParams(next);
  };
  const total = list.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title={t('cases:list.title')}
        description={t('cases:list.description')}
        actions={
          <Link to="/cases/new" className="button button-primary">
            {t('cases:list.new')}
          </Link>
        }
      />
      <form className="filters" onSubmit={apply} role="search" aria-label={t('cases:list.filters')}>
        <div className="field field-wide">
          <label htmlFor="case-filter-text">{t('cases:list.text')}</label>
          <input
            id="case-filter-text"
            type="search"
            value={draft.text}
            placeholder={t('cases:list.textPlaceholder')}
            onChange={(e) => setDraft((d) => ({ ...d, text: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor="case-filter-status">{t('cases:fields.status')}</label>
          <select
            id="case-filter-status"
            value={draft.status}
            onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value }))}
          >
            <option value="">{t('cases:list.any')}</option>
            {cases.CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases:status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-filter-type">{t('cases:fields.type')}</label>
          <select
            id="case-filter-type"
            value={draft.type}
            onChange={(e) => setDraft((d) => ({ ...d, type: e.target.value }))}
          >
            <option value="">{t('cases:list.any')}</option>
            {cases.CASE_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`cases:types.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="case-filter-tag">{t('cases:list.tag')}</label>
          <input
            id="case-filter-tag"
            value={draft.tag}
            onChange={(e) => setDraft((d) => ({ ...d, tag: e.target.value }))}
          />
        </div>
        <div className="field" style={{ flex: '0 0 auto', flexDirection: 'row', gap: '0.4rem' }}>
          <button type="submit" className="button button-primary">
            {t('common:actions.filter')}
          </button>
          <button type="button" className="button" onClick={clear}>
            {t('common:actions.clear')}
          </button>
        </div>
      </form>
      <ErrorNotice error={list.error ?? matches.error} />
      {(list.loading && !list.data) || (text && matches.loading && !matches.data) ? (
        <Loading />
      ) : shown.length === 0 ? (
        <div className="panel">
          <p className="empty">{t('cases:list.empty')}</p>
        </div>
      ) : text ? (
        <>
          <CaseTable items={shown} caption={t('cases:list.title')} />
          <p className="muted small" aria-live="polite" style={{ marginTop: '0.6rem' }}>
            {t('cases:list.textMatches', { count: shown.length })}
            {truncatedTextFilter && ` ${t('cases:list.textWindow', { count: TEXT_FILTER_WINDOW })}`}
          </p>
        </>
      ) : (
        <>
          <CaseTable items={shown} caption={t('cases:list.title')} />
          <Pagination offset={offset} pageSize={PAGE_SIZE} total={total} onPage={page} />
        </>
      )}
    </>
  );
}
