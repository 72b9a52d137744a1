// One entity: its facts, its links in this case, and every other case where the same identifier appears —
// openable when the user is a member there, otherwise a "hit" card: only that it exists and whom to contact.
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { cases } from '@trag/contracts';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { casesApi } from '../../features/cases/cases.api';
import { entityName } from '../../features/cases/entity-forms';
import { useFormat } from '../../i18n/format';

export function EntityPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { entityId = '' } = useParams();
  const detail = useApi<cases.EntityDetail>(casesApi.entity(entityId));

  if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403)) {
    return (
      <div className="panel not-found" role="alert">
        <h1>{t('cases:entityPage.unavailable')}</h1>
        <p>{t('cases:entityPage.unavailableBody')}</p>
        <Link to="/cases" className="button">
          {t('cases:unavailable.back')}
        </Link>
      </div>
    );
  }
  if (detail.loading && !detail.data) return <Loading />;
  if (!detail.data) return <ErrorNotice error={detail.error} />;
  const { entity, links, occurrences } = detail.data;
  const members = occurrences.filter((o) => o.access === 'member');
  const hits = occurrences.filter((o) => o.access === 'hit');

  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/cases">{t('common:nav.cases')}</Link> /{' '}
            <Link to={`/cases/${entity.caseId}/entities`} className="mono">
              {detail.data.caseReference}
            </Link>{' '}
            / {t(`cases:entityTypes.${entity.type}`)}
          </>
        }
        title={entityName(entity)}
        description={t('cases:entityPage.inCase', {
          reference: detail.data.caseReference,
          title: detail.data.caseTitle,
        })}
      />
      <div className="grid-2">
        <div>
          <section className="panel" aria-labelledby="entity-facts">
            <h2 id="entity-facts">{t('cases:entityPage.facts')}</h2>
            <dl className="facts">
              <dt>{t('cases:entities.type')}</dt>
              <dd>{t(`cases:entityTypes.${entity.type}`)}</dd>
              {entity.label && (
                <>
                  <dt>{t('cases:entities.name')}</dt>
                  <dd>{entity.label}</dd>
                </>
              )}
              {entity.identifierDisplay && (
                <>
                  <dt>{t('cases:entities.identifier')}</dt>
                  <dd className="mono">{entity.identifierDisplay}</dd>
                </>
              )}
              {entity.identifierKey && (
                <>
                  <dt>{t('cases:entityPage.normalised')}</dt>
                  <dd className="mono">{entity.identifierKey}</dd>
                </>
              )}
              {Object.entries(entity.attributes).map(([key, value]) => (
                <span key={key} style={{ display: 'contents' }}>
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </span>
              ))}
              <dt>{t('cases:entityPage.source')}</dt>
              <dd className="mono">{entity.source}</dd>
              <dt>{t('cases:entityPage.added')}</dt>
              <dd>{format.dateTime(entity.createdAt)}</dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="entity-links">
            <h2 id="entity-links">{t('cases:links.title')}</h2>
            {links.length === 0 ? (
              <p className="empty">{t('cases:links.emptyForEntity')}</p>
            ) : (
              <ul className="plain rows">
                {links.map((link) => (
                  <li key={link.id}>
                    {link.direction === 'out' ? (
                      <>
                        <span className="badge">{t(`cases:linkTypes.${link.type}`)}</span> →{' '}
                        <Link to={`/entities/${link.other.id}`}>{link.other.label}</Link>
                      </>
                    ) : (
                      <>
                        <Link to={`/entities/${link.other.id}`}>{link.other.label}</Link> →{' '}
                        <span className="badge">{t(`cases:linkTypes.${link.type}`)}</span>
                      </>
                    )}
                    <span className="row-meta"> · {t(`cases:entityTypes.${link.other.type}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <section className="panel" aria-labelledby="entity-occurrences">
          <h2 id="entity-occurrences">{t('cases:entityPage.elsewhere')}</h2>
          {!entity.identifierKey ? (
            <p className="empty">{t('cases:entityPage.noIdentifier')}</p>
          ) : occurrences.length === 0 ? (
            <p className="empty">{t('cases:entityPage.nowhereElse')}</p>
          ) : (
            <>
              {members.map((o) =>
                o.access === 'member' ? (
                  <div className="access-card" key={o.entityId}>
                    <Link to={`/entities/${o.entityId}`}>
                      <span className="mono">{o.caseReference}</span> — {o.caseTitle}
                    </Link>
                    <div className="row-meta">
                      {o.agencyName} · {t(`common:countries.${o.country}`, { defaultValue: o.country })}
                    </div>
                  </div>
                ) : null,
              )}
              {hits.map((o, index) =>
                o.access === 'hit' ? (
                  <div className="hit-card" key={`hit-${index}`}>
                    <strong>{t('cases:entityPage.hitTitle')}</strong>
                    <p className="small" style={{ margin: '0.3rem 0' }}>
                      {t('cases:entityPage.hitBody', {
                        agency: o.agencyName,
                        country: t(`common:countries.${o.country}`, { defaultValue: o.country }),
                      })}
                    </p>
                    <div className="small">
                      {t('cases:entityPage.contact')}:{' '}
                      {o.contactPoint ?? t('cases:entityPage.contactAgency', { agency: o.agencyName })}
                    </div>
                  </div>
                ) : null,
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
