import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { useFormat } from '../../i18n/format';
import { CaseStatusBadge, TagList } from './case-badges';

/** A dense table of case summaries; the reference and title link to the case. */
export function CaseTable({
  items,
  caption,
  compact = false,
}: {
  items: cases.CaseSummary[];
  caption: string;
  /** Fewer columns, for the dashboard. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cases:fields.reference')}</th>
            <th scope="col">{t('cases:fields.title')}</th>
            <th scope="col">{t('cases:fields.type')}</th>
            <th scope="col">{t('cases:fields.status')}</th>
            {!compact && <th scope="col">{t('cases:fields.agency')}</th>}
            {!compact && <th scope="col">{t('cases:fields.myRole')}</th>}
            <th scope="col">{t('cases:fields.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td className="mono" style={{ whiteSpace: 'nowrap' }}>
                <Link to={`/cases/${item.id}`} tabIndex={-1} aria-hidden="true">
                  {item.reference}
                </Link>
              </td>
              <td>
                <Link to={`/cases/${item.id}`}>{item.title}</Link>
                <div>
                  <TagList tags={item.tags} />
                </div>
              </td>
              <td>{t(`cases:types.${item.type}`)}</td>
              <td>
                <CaseStatusBadge status={item.status} />
              </td>
              {!compact && <td>{item.agencyName}</td>}
              {!compact && <td>{t(`cases:caseRoles.${item.myRole}`)}</td>}
              <td style={{ whiteSpace: 'nowrap' }}>{format.date(item.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
