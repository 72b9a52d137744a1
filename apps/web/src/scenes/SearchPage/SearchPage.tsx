// Full-text search across everything the user may open. Spelling differences (č/c, Cyrillic/Latin) do not matter.
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { search } from '@trag/contracts';
import { queryString, useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { Pagination } from '../../components/pagination';
import { casesApi } from '../../features/cases/cases.api';

const TYPES = ['case', 'entity', 'note', 'task'] as const;
const PAGE_SIZE = 20;

/** Titles of notes are their first words: show them without Markdown marks. */
function plainTitle(title: string): string {
  return title
    .replace(/[*`#>]+/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();
}

function resultLink(result: search.SearchResult): string {
  switch (result.recordType) {
    case 'case':
      return `/cases/${result.caseId}`;
    case 'entity':
      return `/entities/${result.recordId}`;
    case 'note':
      return `/cases/${result.caseId}/notes`;
    case 'task':
      return `/cases/${result.caseId}/tasks`;
  }
}

export function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const offset = Number(params.get('offset') ?? '0') || 0;
  const [draft, setDraft] = useState(q);
  const [draftType, setDraftType] = useState(type);
  const results = useApi<search.SearchResponse>(
    q.trim() ? `${casesApi.search()}${queryString({ q: q.trim(), type, limit: PAGE_SIZE, offset })}` : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.trim()) next.set('q', draft.trim());
    if (draftType) next.set('type', draftType);
    setParams(next);
  }
  const page = (newOffset: number) => {
    const next = new URLSearchParams(params);
    next.set('offset', String(newOffset));
    setParams(next);
  };

  return (
    <>
      <PageHeader title={t('search:title')} description={t('search:description')} />
      <form className="filters" role="search" onSubmit={submit}>
        <div className="field field-wide">
          <label htmlFor="search-q">{t('search:query')}</label>
          <input
            id="search-q"
            type="search"
            value={draft}
            autoFocus={!q}
            maxLength={200}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <div className="field" style={{ flex: '0 1 180px' }}>
          <label htmlFor="search-type">{t('search:type')}</label>
          <select id="search-type" value={draftType} onChange={(e) => setDraftType(e.target.value)}>
            <option value="">{t('search:types.all')}</option>
            {TYPES.map((candidate) => (
              <option key={candidate} value={candidate}>
                {t(`search:types.${candidate}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field" style={{ flex: '0 0 auto' }}>
          <button type="submit" className="button button-primary">
            {t('search:submit')}
          </button>
        </div>
      </form>
      <ErrorNotice error={results.error} />
      {!q ? (
        <p className="muted">
          {t('search:hint', {
            latin: '“posao”',
            cyrillic: '“посао”',
            plain: '“Djordje”',
            accented: '“Đorđe”',
            accentedCyrillic: '“Ђорђе”',
          })}
        </p>
      ) : results.loading && !results.data ? (
        <Loading />
      ) : results.data && results.data.items.length === 0 ? (
        <div className="panel">
          <p className="empty">{t('search:noResults', { q })}</p>
        </div>
      ) : results.data ? (
        <section className="panel" aria-label={t('search:results')}>
          <p className="muted small" aria-live="polite">
            {t('search:showing', { from: offset + 1, to: offset + results.data.items.length, q })}
          </p>
          <ul className="plain rows">
            {results.data.items.map((result) => (
              <li key={`${result.recordType}-${result.recordId}`}>
                <div className="search-result-type">{t(`search:types.${result.recordType}`)}</div>
                <Link to={resultLink(result)} className="row-title">
                  {plainTitle(result.title)}
                </Link>
                <div className="row-meta">
                  <span className="mono">{result.caseReference}</span>
                </div>
              </li>
            ))}
          </ul>
          <Pagination offset={offset} pageSize={PAGE_SIZE} hasMore={results.data.more} onPage={page} />
        </section>
      ) : null}
    </>
  );
}
