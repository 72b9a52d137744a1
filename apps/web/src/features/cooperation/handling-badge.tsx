// The handling-code badge shown next to material that came from a partner agency (entities and evidence lists of
// the case page): the code (H0–H3), and on hover/focus who sent it, what the code means and the sender's
// restrictions. One request per case, shared by every badge on the page.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { cooperation } from '@trag/contracts';
import { apiGet } from '../../api/client';

type Material = cooperation.CaseMaterialResponse['items'][number];

const cache = new Map<string, { at: number; promise: Promise<Map<string, Material>> }>();
/** Long enough to share one request between the badges of a page, short enough to show a fresh import. */
const FRESH_MS = 10_000;

function materialOf(caseId: string): Promise<Map<string, Material>> {
  const hit = cache.get(caseId);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.promise;
  const promise = apiGet<cooperation.CaseMaterialResponse>(
    `/api/cases/${encodeURIComponent(caseId)}/cooperation/material`,
  )
    .then((r) => new Map(r.items.map((m) => [m.recordId, m])))
    // No access or no cooperation: no badges, and the lists work as before.
    .catch(() => new Map<string, Material>());
  cache.set(caseId, { at: Date.now(), promise });
  return promise;
}

const CODE_CLASS: Record<cooperation.HandlingCode, string> = {
  H0: 'badge badge-accent',
  H1: 'badge badge-warn',
  H2: 'badge badge-danger',
  H3: 'badge badge-danger',
};

export function HandlingBadge({ caseId, recordId }: { caseId: string; recordId: string }) {
  const { t } = useTranslation('cooperation');
  const [material, setMaterial] = useState<Material | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void materialOf(caseId).then((all) => {
      if (!cancelled) setMaterial(all.get(recordId));
    });
    return () => {
      cancelled = true;
    };
  }, [caseId, recordId]);
  if (!material) return null;
  const explanation = [
    t('badge.from', { from: material.from, code: material.handlingCode }),
    t(`handling.${material.handlingCode}`),
    material.restrictions,
  ]
    .filter(Boolean)
    .join(' — ');
  return (
    <span
      className={CODE_CLASS[material.handlingCode]}
      title={explanation}
      tabIndex={0}
      aria-label={explanation}
      data-testid="handling-badge"
    >
      {t('badge.label', { code: material.handlingCode })}
    </span>
  );
}
