import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';

const STATUS_CLASS: Record<cases.CaseStatus, string> = {
  open: 'badge badge-open',
  on_hold: 'badge badge-warn',
  referred: 'badge badge-accent',
  closed: 'badge badge-closed',
};

export function CaseStatusBadge({ status }: { status: cases.CaseStatus }) {
  const { t } = useTranslation();
  return <span className={STATUS_CLASS[status]}>{t(`cases:status.${status}`)}</span>;
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <span>
      {tags.map((tag) => (
        <span className="tag" key={tag}>
          {tag}
        </span>
      ))}
    </span>
  );
}
