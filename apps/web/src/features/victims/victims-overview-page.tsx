// The "Victim protection" page: break-glass alerts on the records you own, every open referral in your cases with
// its age, and (for statistics roles) the link to the k-anonymised statistics.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { victims } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice } from '../../components/error-notice';
import { useFormat } from '../../i18n/format';
import { canDo, victimsApi } from './victims.api';

export function VictimsOverviewPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <div className="page">
      <h1>{t('victims:overview.title')}</h1>
      {canDo(user.role, 'statistics') && (
        <p>
          <Link to="/victims/statistics">{t('victims:stats.title')}</Link>
        </p>
      )}
      <AlertsPanel />
      {canDo(user.role, 'refer') && <OpenReferralsPanel />}
      {canDo(user.role, 'retention') && <RetentionPanel />}
    </div>
  );
}

function AlertsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const alerts = useApi<victims.AlertsResponse>(victimsApi.alerts());
  const [error, setError] = useState<unknown>(undefined);
  async function acknowledge(id: string) {
    try {
      await apiPost(victimsApi.acknowledge(id));
      alerts.reload();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="panel" aria-labelledby="victims-alerts">
      <h2 id="victims-alerts">{t('victims:overview.alerts')}</h2>
      <ErrorNotice error={alerts.error ?? error} />
      {(alerts.data?.alerts ?? []).length === 0 ? (
        <p className="empty">{t('victims:overview.noAlerts')}</p>
      ) : (
        <ul className="plain rows">
          {alerts.data!.alerts.map((a) => (
            <li key={a.id}>
              <Link className="mono" to={`/cases/${a.caseId}/victims`}>
                {a.code}
              </Link>{' '}
              · <time dateTime={a.at}>{format.dateTime(a.at)}</time> · <strong>{a.actorName}</strong> (
              {t(`victims:roles.${a.actorRole}`)}): {a.reason}{' '}
              <button type="button" className="button button-small" onClick={() => void acknowledge(a.id)}>
                {t('victims:overview.acknowledge')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OpenReferralsPanel() {
  const { t } = useTranslation();
  const open = useApi<victims.OpenReferralsResponse>(victimsApi.openReferrals());
  return (
    <section className="panel" aria-labelledby="victims-open-referrals">
      <h2 id="victims-open-referrals">{t('victims:overview.openReferrals')}</h2>
      <ErrorNotice error={open.error} />
      {(open.data?.referrals ?? []).length === 0 ? (
        <p className="empty">{t('victims:referral.empty')}</p>
      ) : (
        <table className="data">
          <thead>
            <tr>
              <th>{t('victims:fields.code')}</th>
              <th>{t('victims:referral.service')}</th>
              <th>{t('victims:referral.provider')}</th>
              <th>{t('victims:fields.status')}</th>
              <th className="num">{t('victims:overview.age')}</th>
            </tr>
          </thead>
          <tbody>
            {open.data!.referrals.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link className="mono" to={`/cases/${r.caseId}/victims`}>
                    {r.code}
                  </Link>
                </td>
                <td>{t(`victims:referral.services.${r.serviceType}`)}</td>
                <td>{r.providerName}</td>
                <td>{t(`victims:referral.states.${r.state}`)}</td>
                <td className="num">{t('victims:overview.days', { days: r.ageDays })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function RetentionPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const due = useApi<victims.DueResponse>(victimsApi.retentionDue());
  const [error, setError] = useState<unknown>(undefined);
  async function erase(recordId: string, months: number) {
    if (!window.confirm(t('victims:retention.confirm'))) return;
    try {
      await apiPost(victimsApi.erase(recordId), { reason: `retention rule: ${months} months` });
      due.reload();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="panel" aria-labelledby="victims-retention">
      <h2 id="victims-retention">{t('victims:retention.title')}</h2>
      <p className="muted">{t('victims:retention.hint')}</p>
      <ErrorNotice error={due.error ?? error} />
      {(due.data?.due ?? []).length === 0 ? (
        <p className="empty">{t('victims:retention.empty')}</p>
      ) : (
        <ul className="plain rows">
          {due.data!.due.map((d) => (
            <li key={d.recordId}>
              <span className="mono">{d.code}</span> ·{' '}
              {t('victims:retention.dueSince', { date: format.dateTime(d.dueSince) })}{' '}
              <button
                type="button"
                className="button button-small button-danger"
                onClick={() => void erase(d.recordId, d.months)}
              >
                {t('victims:retention.erase')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
