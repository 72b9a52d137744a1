import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { useState } from 'react';
import { apiDelete } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { useCaseContext } from './case-context';
import type { CaseTabProps } from './case-tabs';
import { casesApi } from './cases.api';
import { EntityGraph } from './entity-graph';
import { AddEntityForm, AddLinkForm, entityName } from './entity-forms';
import { HandlingBadge } from '../cooperation/handling-badge';

export function CaseEntitiesTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const context = useCaseContext();
  const entities = useApi<cases.EntityListResponse>(`${casesApi.entities(caseId)}?limit=200`);
  const links = useApi<cases.EntityLinkListResponse>(casesApi.links(caseId));
  const canEdit = context?.detail.can.edit ?? false;
  const items = entities.data?.items ?? [];
  const linkItems = links.data?.items ?? [];
  const byId = new Map(items.map((e) => [e.id, e]));
  const [error, setError] = useState<unknown>(undefined);
  const refresh = () => {
    entities.reload();
    links.reload();
    context?.reload();
  };
  async function remove(path: string, question: string) {
    if (!window.confirm(question)) return;
    setError(undefined);
    try {
      await apiDelete(path);
      refresh();
    } catch (err) {
      setError(err);
    }
  }

  if ((entities.loading && !entities.data) || (links.loading && !links.data)) return <Loading />;
  return (
    <>
      <ErrorNotice error={error ?? entities.error ?? links.error} />
      {items.length > 0 && (
        <section className="panel" aria-labelledby="entity-graph">
          <h2 id="entity-graph">{t('cases:entities.graph')}</h2>
          <EntityGraph entities={items} links={linkItems} />
        </section>
      )}
      <div className="grid-2">
        <section className="panel" aria-labelledby="entity-list">
          <h2 id="entity-list">{t('cases:entities.title')}</h2>
          {items.length === 0 ? (
            <p className="empty">{t('cases:entities.empty')}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t('cases:entities.type')}</th>
                  <th scope="col">{t('cases:entities.name')}</th>
                  <th scope="col">{t('cases:entities.otherCases')}</th>
                  {canEdit && (
                    <th scope="col">
                      <span className="visually-hidden">{t('common:table.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {items.map((entity) => (
                  <tr key={entity.id}>
                    <td>{t(`cases:entityTypes.${entity.type}`)}</td>
                    <td>
                      <Link to={`/entities/${entity.id}`}>{entityName(entity)}</Link>{' '}
                      <HandlingBadge caseId={caseId} recordId={entity.id} />
                      {entity.label && entity.identifierDisplay && entity.label !== entity.identifierDisplay && (
                        <div className="mono small muted">{entity.identifierDisplay}</div>
                      )}
                    </td>
                    <td>
                      {entity.hitCount > 0 ? (
                        <span className="badge badge-danger">
                          {t('cases:entities.hits', { count: entity.hitCount })}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    {canEdit && (
                      <td className="num">
                        <button
                          type="button"
                          className="button button-small button-quiet"
                          aria-label={t('cases:entities.removeNamed', { name: entityName(entity) })}
                          title={t('common:actions.delete')}
                          onClick={() =>
                            void remove(
                              casesApi.entity(entity.id),
                              t('cases:entities.confirmRemove', { name: entityName(entity) }),
                            )
                          }
                        >
                          ✕
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="panel" aria-labelledby="link-list">
          <h2 id="link-list">{t('cases:links.title')}</h2>
          {linkItems.length === 0 ? (
            <p className="empty">{t('cases:links.empty')}</p>
          ) : (
            <ul className="plain rows">
              {linkItems.map((link) => {
                const from = byId.get(link.fromEntityId);
                const to = byId.get(link.toEntityId);
                return (
                  <li key={link.id}>
                    <Link to={`/entities/${link.fromEntityId}`}>{from ? entityName(from) : '?'}</Link>{' '}
                    <span className="badge">{t(`cases:linkTypes.${link.type}`)}</span>{' '}
                    <Link to={`/entities/${link.toEntityId}`}>{to ? entityName(to) : '?'}</Link>
                    <div className="row-meta">
                      {t('cases:links.source', { source: link.source })}
                      {link.note && ` · ${link.note}`}
                      {canEdit && (
                        <>
                          {' · '}
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => void remove(casesApi.link(link.id), t('cases:links.confirmRemove'))}
                          >
                            {t('cases:links.remove')}
                          </button>
                        </>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
      {canEdit && (
        <div className="grid-2">
          <section className="panel" aria-labelledby="add-entity">
            <h2 id="add-entity">{t('cases:entities.addTitle')}</h2>
            <AddEntityForm caseId={caseId} onAdded={refresh} />
          </section>
          <section className="panel" aria-labelledby="add-link">
            <h2 id="add-link">{t('cases:links.addTitle')}</h2>
            {items.length < 2 ? (
              <p className="empty">{t('cases:links.needTwo')}</p>
            ) : (
              <AddLinkForm caseId={caseId} entities={items} onAdded={refresh} />
            )}
          </section>
        </div>
      )}
    </>
  );
}
