// One victim record: what the viewer may see (decrypted by the server only for allowed roles), who can see what
// and why, break-glass, and the record's screening, interview, consent, referral and access-log sections.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { victims } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { useFormat } from '../../i18n/format';
import { ConsentSection, ReferralSection } from './victim-consent-referrals';
import { EDITABLE_FIELDS, ProtectedEditor } from './victim-protected-editor';
import { InterviewSection, ScreeningSection } from './victim-screening';
import { canDo, victimsApi } from './victims.api';

export function VictimRecordPanel({ victimId, onChanged }: { victimId: string; onChanged(): void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = useId();
  const record = useApi<victims.VictimResponse>(victimsApi.victim(victimId));
  const [glass, setGlass] = useState<victims.VictimRecord | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const victim = glass ?? record.data?.victim;

  async function breakGlass(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      setGlass((await apiPost<victims.VictimResponse>(victimsApi.breakGlass(victimId), { reason })).victim);
    } catch (err) {
      setError(err);
    }
  }

  if (record.loading && !victim) return <Loading />;
  if (!victim) return <ErrorNotice error={record.error} />;
  const groups = Object.entries(victim.groups) as [string, Record<string, string | boolean | string[]>][];

  return (
    <>
      <section className="panel" aria-labelledby={`${id}-title`} data-testid="victim-record">
        <h2 id={`${id}-title`}>
          <span className="mono">{victim.code}</span> ·{' '}
          {victim.erased ? t('victims:status.erased') : t(`victims:status.${victim.status}`)}
        </h2>
        {victim.statusBody && (
          <p className="muted">
            {t('victims:fields.statusBody')}: {victim.statusBody} {victim.statusDate && `(${victim.statusDate})`}
          </p>
        )}
        {victim.breakGlass && (
          <div className="notice notice-error" role="status">
            {t('victims:breakGlass.active')}
          </div>
        )}
        {groups.length > 0 ? (
          groups.map(([group, values]) => (
            <div key={group}>
              <h3>{t(`victims:groups.${group}`)}</h3>
              <dl className="facts">
                {Object.entries(values).map(([field, value]) => (
                  <div key={field}>
                    <dt>
                      {EDITABLE_FIELDS.some((f) => f.name === field)
                        ? t(`victims:fieldNames.${field}`)
                        : field.replace(/^(prs|vic)_/, '')}
                    </dt>
                    <dd>{Array.isArray(value) ? value.join(', ') : String(value)}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))
        ) : (
          <p className="muted">
            {victim.readable.length > 0 ? t('victims:record.noProtectedData') : t('victims:record.pseudonymOnly')}
          </p>
        )}
        {victim.readable.length === 0 && canDo(user.role, 'breakGlass') && !victim.erased && (
          <form onSubmit={(e) => void breakGlass(e)}>
            <ErrorNotice error={error} />
            <div className="field">
              <label htmlFor={`${id}-reason`}>{t('victims:breakGlass.reason')}</label>
              <textarea
                id={`${id}-reason`}
                rows={2}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                aria-describedby={`${id}-reason-hint`}
              />
              <span className="field-hint" id={`${id}-reason-hint`}>
                {t('victims:breakGlass.hint')}
              </span>
            </div>
            <button type="submit" className="button button-danger" disabled={reason.trim().length < 10}>
              {t('victims:breakGlass.submit')}
            </button>
          </form>
        )}
        {!victim.erased && victim.writable.includes('identity') && (
          <ProtectedEditor
            victim={victim}
            onSaved={() => {
              setGlass(null);
              record.reload();
            }}
          />
        )}
        <VisibilityDetails />
      </section>
      {!victim.erased && canDo(user.role, 'screen') && <ScreeningSection victimId={victimId} />}
      {canDo(user.role, 'interviewRead') && <InterviewSection victimId={victimId} />}
      {canDo(user.role, 'consentRead') && <ConsentSection victimId={victimId} onChanged={onChanged} />}
      {!victim.erased && canDo(user.role, 'refer') && <ReferralSection victimId={victimId} />}
      {canDo(user.role, 'accessLog') && <AccessLogSection victimId={victimId} />}
    </>
  );
}

function VisibilityDetails() {
  const { t } = useTranslation();
  const policy = useApi<victims.VisibilityResponse>(victimsApi.policy());
  return (
    <details>
      <summary>{t('victims:visibility.title')}</summary>
      <table className="data">
        <thead>
          <tr>
            <th>{t('victims:visibility.role')}</th>
            <th>{t('victims:visibility.reads')}</th>
            <th>{t('victims:visibility.why')}</th>
          </tr>
        </thead>
        <tbody>
          {(policy.data?.roles ?? []).map((r) => (
            <tr key={r.role}>
              <td>{t(`victims:roles.${r.role}`)}</td>
              <td>
                {r.read.length === 0
                  ? t('victims:visibility.pseudonymOnly')
                  : r.read.map((g) => t(`victims:groups.${g}`)).join(', ')}
              </td>
              <td lang="en">{r.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function AccessLogSection({ victimId }: { victimId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const log = useApi<victims.AccessLogResponse>(victimsApi.accessLog(victimId));
  return (
    <section className="panel" aria-labelledby={`${id}-log`}>
      <h2 id={`${id}-log`}>{t('victims:accessLog.title')}</h2>
      <ErrorNotice error={log.error} />
      {(log.data?.entries ?? []).length === 0 ? (
        <p className="empty">{t('victims:accessLog.empty')}</p>
      ) : (
        <ul className="plain rows">
          {log.data!.entries.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at}>{format.dateTime(e.at)}</time> · <strong>{e.actorName}</strong> (
              {t(`victims:roles.${e.actorRole}`)}) · {t(`victims:accessLog.actions.${e.action}`)} ·{' '}
              {e.fieldGroups.map((g) => t(`victims:groups.${g}`, { defaultValue: g })).join(', ')}
              {e.reason && ` — ${e.reason}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
