// The case's template ads: clusters of near-duplicate items (one operator's ad reposted with other cities, names or
// numbers, in either script), largest first. Each shows its common text with the variable slots marked, the values
// the slots take, the contacts its copies share, why the items are together, and its members (one click opens one).
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { recruitment } from '@trag/contracts';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { recruitmentApi } from './recruitment.api';

/** The template text with "{slotN}" shown as marked placeholders (text nodes only, never HTML). */
function TemplateText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const match of text.matchAll(/\{(slot\d+)\}/g)) {
    if (match.index > cursor) parts.push(text.slice(cursor, match.index));
    parts.push(
      <mark key={match.index} className="recruitment-slot">
        {match[1]}
      </mark>,
    );
    cursor = match.index + match[0].length;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <p className="recruitment-highlighted">{parts}</p>;
}

export function TemplatesPanel({
  caseId,
  version,
  onOpenItem,
}: {
  caseId: string;
  version: number;
  onOpenItem(itemId: string): void;
}) {
  const { t } = useTranslation('recruitment');
  const templates = useApi<recruitment.TemplatesResponse>(recruitmentApi.templates(caseId));
  const { reload } = templates;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const clusters = templates.data?.clusters ?? [];
  return (
    <section className="panel" data-testid="recruitment-templates">
      <h2>{t('tab.templatesTitle')}</h2>
      <ErrorNotice error={templates.error} />
      {templates.loading && !templates.data ? (
        <Loading />
      ) : clusters.length === 0 ? (
        <p className="empty">{t('tab.templatesEmpty', { items: templates.data?.itemsCompared ?? 0 })}</p>
      ) : (
        <>
          <p>
            {t('tab.templatesSummary', {
              clusters: templates.data!.clustersTotal,
              items: templates.data!.itemsCompared,
            })}
            {templates.data!.clustersTotal > clusters.length && (
              <> {t('tab.templatesLargestShown', { shown: clusters.length })}</>
            )}
          </p>
          {clusters.map((c) => (
            <article key={c.cluster} className="recruitment-template" data-cluster={c.cluster}>
              <h3>{t('tab.templateHeading', { cluster: c.cluster, size: c.size })}</h3>
              <TemplateText text={c.template} />
              <h4>{t('tab.templateWhy')}</h4>
              <ul>
                <li>{t('tab.templateWhySimilar', { percent: c.minSharedPercent })}</li>
                {c.sharedIdentifiers.map((i) => (
                  <li key={`${i.type}:${i.value}`} data-shared={`${i.type}:${i.value}`}>
                    {t('tab.templateWhyShared', { items: i.items, size: c.size, type: i.type })} <code>{i.value}</code>
                  </li>
                ))}
              </ul>
              {c.slots.length > 0 && (
                <>
                  <h4>{t('tab.templateSlots')}</h4>
                  <dl className="recruitment-slots">
                    {c.slots.map((s) => (
                      <div key={s.name}>
                        <dt>
                          <mark className="recruitment-slot">{s.name}</mark>
                        </dt>
                        <dd>{s.values.join(' · ')}</dd>
                      </div>
                    ))}
                  </dl>
                </>
              )}
              <h4>{t('tab.templateMembers')}</h4>
              <ul className="plain rows">
                {c.members.map((m) => (
                  <li key={m.id}>
                    <button type="button" className="link-button" onClick={() => onOpenItem(m.id)}>
                      <strong>{m.score}</strong> {m.flagged && <span className="badge">{t('tab.flagged')}</span>}{' '}
                      {m.excerpt}
                    </button>{' '}
                    <small>{m.sourcePosition}</small>
                  </li>
                ))}
              </ul>
              {c.size > c.members.length && (
                <p className="muted">{t('tab.templateMoreMembers', { shown: c.members.length, size: c.size })}</p>
              )}
            </article>
          ))}
        </>
      )}
    </section>
  );
}
