// A small picture of an image item in lists, from the thumbnail Trag derived at collection (never the original).
import { useTranslation } from 'react-i18next';
import type { evidence } from '@trag/contracts';
import { evidenceApi } from './evidence.api';

export function EvidenceThumbnail({ item }: { item: evidence.EvidenceItem }) {
  const { t } = useTranslation();
  const facts = item.metadata.thumbnail as { width: number; height: number } | undefined;
  if (!facts) return null;
  return (
    <img
      className="evidence-thumbnail"
      src={evidenceApi.thumbnail(item.id)}
      width={facts.width}
      height={facts.height}
      loading="lazy"
      alt={t('evidence:list.thumbnail', { exhibit: item.exhibitNumber })}
    />
  );
}
