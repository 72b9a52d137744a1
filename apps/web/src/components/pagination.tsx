import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

export interface PaginationProps {
  offset: number;
  pageSize: number;
  /** Known total: shows "from–to of total" and ends paging there. */
  total?: number;
  /** Without a total (search): whether another page exists. */
  hasMore?: boolean;
  onPage: (offset: number) => void;
}

/** Previous/next paging under a list, the same on every page that lists things. */
export function Pagination({ offset, pageSize, total, hasMore, onPage }: PaginationProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const atEnd = total !== undefined ? offset + pageSize >= total : !hasMore;
  return (
    <div className="pagination">
      <span aria-live="polite">
        {total !== undefined &&
          t('common:pagination.range', {
            from: format.number(total === 0 ? 0 : offset + 1),
            to: format.number(Math.min(offset + pageSize, total)),
            total: format.number(total),
          })}
      </span>
      <span>
        <button
          type="button"
          className="button button-small"
          disabled={offset === 0}
          onClick={() => onPage(Math.max(0, offset - pageSize))}
        >
          {t('common:pagination.previous')}
        </button>{' '}
        <button
          type="button"
          className="button button-small"
          disabled={atEnd}
          onClick={() => onPage(offset + pageSize)}
        >
          {t('common:pagination.next')}
        </button>
      </span>
    </div>
  );
}
