import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { useFormat } from '../../i18n/format';

export function TaskList({
  items,
  showCase,
  onToggle,
}: {
  items: cases.CaseTask[];
  showCase: boolean;
  onToggle?(task: cases.CaseTask): void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (items.length === 0) return <p className="empty">{t('cases:tasks.empty')}</p>;
  return (
    <ul className="plain rows">
      {items.map((task) => (
        <li key={task.id} style={{ display: 'flex', gap: '0.6rem', alignItems: 'flex-start' }}>
          {onToggle && (
            <input
              type="checkbox"
              checked={task.status === 'done'}
              onChange={() => onToggle(task)}
              aria-label={t(task.status === 'done' ? 'cases:tasks.markOpen' : 'cases:tasks.markDone', {
                title: task.title,
              })}
              style={{ marginTop: '0.25rem' }}
            />
          )}
          <div style={{ flex: 1 }}>
            <div
              className="row-title"
              style={
                task.status === 'done' ? { textDecoration: 'line-through', color: 'var(--text-muted)' } : undefined
              }
            >
              {task.title}
            </div>
            {task.description && <div className="small">{task.description}</div>}
            <div className="row-meta">
              {showCase && (
                <>
                  <Link to={`/cases/${task.caseId}/tasks`} className="mono">
                    {task.caseReference}
                  </Link>{' '}
                  {task.caseTitle} ·{' '}
                </>
              )}
              {task.owner ? t('cases:tasks.ownedBy', { name: task.owner.displayName }) : t('cases:tasks.unassigned')}
              {task.dueOn && (
                <>
                  {' · '}
                  <span className={task.overdue && task.status === 'open' ? 'badge badge-danger' : undefined}>
                    {t(task.overdue && task.status === 'open' ? 'cases:tasks.overdue' : 'cases:tasks.due', {
                      date: format.date(task.dueOn),
                    })}
                  </span>
                </>
              )}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
