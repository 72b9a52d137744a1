import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { useFormat } from '../../i18n/format';

/** "Who did what, when" — action codes like case.update are shown in words when known. */
export function ActivityList({ items, showCase }: { items: cases.CaseActivity[]; showCase: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <p className="empty">{t('cases:activity.empty')}</p>;
  return (
    <ul className="plain rows">
      {items.map((item, index) => (
        <li key={`${item.at}-${index}`}>
          <div>
            <strong>{item.actorName ?? t('audit:system')}</strong>{' '}
            {t(`cases:activity.actions.${item.action.replace(/\./g, '_')}`, {
              defaultValue: t('cases:activity.generic', { action: item.action }),
            })}
            {showCase && item.caseId && item.caseReference && (
              <>
                {' · '}
                <Link to={`/cases/${item.caseId}`} className="mono">
                  {item.caseReference}
                </Link>
              </>
            )}
          </div>
          <div className="row-meta">
            <time dateTime={item.at} title={format.dateTime(item.at)}>
              {format.relative(item.at)}
            </time>
          </div>
        </li>
      ))}
    </ul>
  );
}
