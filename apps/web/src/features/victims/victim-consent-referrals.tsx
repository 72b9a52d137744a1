// Consent per purpose and consent-gated referrals to service providers.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { victims } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice } from '../../components/error-notice';
import { canDo, victimsApi } from './victims.api';

const PURPOSES = ['services', 'sharing', 'proceedings', 'statistics'] as const;
const STATES = ['given', 'refused', 'withdrawn'] as const;
const HOW = ['signed_form', 'oral_witnessed', 'audio_recording', 'electronic'] as const;
const SERVICES = [
  'shelter',
  'medical',
  'psychological',
  'legal_aid',
  'interpretation',
  'education',
  'employment',
  'financial',
  'family_tracing',
  'return_reintegration',
] as const;

export function ConsentSection({ victimId, onChanged }: { victimId: string; onChanged(): void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = useId();
  const list = useApi<victims.ConsentListResponse>(victimsApi.consents(victimId));
  const [form, setForm] = useState({
    purpose: 'services' as (typeof PURPOSES)[number],
    recipient: '',
    state: 'given' as (typeof STATES)[number],
    decidedOn: new Date().toISOString().slice(0, 10),
    language: 'en',
    interpreterUsed: false,
    recordedHow: 'signed_form' as (typeof HOW)[number],
  });
  const [error, setError] = useState<unknown>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const { recipient, ...rest } = form;
    const body: victims.CreateConsentRequest = { ...rest, ...(form.purpose === 'sharing' ? { recipient } : {}) };
    try {
      await apiPost(victimsApi.consents(victimId), body);
      list.reload();
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-consent`}>
      <h2 id={`${id}-consent`}>{t('victims:consent.title')}</h2>
      <ErrorNotice error={list.error} />
      {(list.data?.consents ?? []).length === 0 ? (
        <p className="empty">{t('victims:consent.empty')}</p>
      ) : (
        <ul className="plain rows" data-testid="consent-list">
          {list.data!.consents.map((c) => (
            <li key={c.id}>
              {c.decidedOn} · {t(`victims:consent.purposes.${c.purpose}`)}
              {c.recipient && ` (${c.recipient})`} · <strong>{t(`victims:consent.states.${c.state}`)}</strong> ·{' '}
              {c.language}
              {c.interpreterUsed && ` · ${t('victims:consent.interpreter')}`} ·{' '}
              {t(`victims:consent.how.${c.recordedHow}`)}
            </li>
          ))}
        </ul>
      )}
      {canDo(user.role, 'consentWrite') && (
        <form onSubmit={(e) => void submit(e)}>
          <ErrorNotice error={error} />
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${id}-purpose`}>{t('victims:consent.purpose')}</label>
              <select
                id={`${id}-purpose`}
                value={form.purpose}
                onChange={(e) => setForm({ ...form, purpose: e.target.value as (typeof PURPOSES)[number] })}
              >
                {PURPOSES.map((p) => (
                  <option key={p} value={p}>
                    {t(`victims:consent.purposes.${p}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-state`}>{t('victims:consent.state')}</label>
              <select
                id={`${id}-state`}
                value={form.state}
                onChange={(e) => setForm({ ...form, state: e.target.value as (typeof STATES)[number] })}
              >
                {STATES.map((s) => (
                  <option key={s} value={s}>
                    {t(`victims:consent.states.${s}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {form.purpose === 'sharing' && (
            <div className="field">
              <label htmlFor={`${id}-recipient`}>{t('victims:consent.recipient')}</label>
              <input
                id={`${id}-recipient`}
                value={form.recipient}
                onChange={(e) => setForm({ ...form, recipient: e.target.value })}
              />
            </div>
          )}
          <div className="form-row">
            <div className="field">
              <label htmlFor={`${id}-date`}>{t('victims:consent.date')}</label>
              <input
                id={`${id}-date`}
                type="date"
                value={form.decidedOn}
                onChange={(e) => setForm({ ...form, decidedOn: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-lang`}>{t('victims:consent.language')}</label>
              <input
                id={`${id}-lang`}
                value={form.language}
                maxLength={10}
                onChange={(e) => setForm({ ...form, language: e.target.value })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-how`}>{t('victims:consent.recordedHow')}</label>
              <select
                id={`${id}-how`}
                value={form.recordedHow}
                onChange={(e) => setForm({ ...form, recordedHow: e.target.value as (typeof HOW)[number] })}
              >
                {HOW.map((h) => (
                  <option key={h} value={h}>
                    {t(`victims:consent.how.${h}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <label>
            <input
              type="checkbox"
              checked={form.interpreterUsed}
              onChange={(e) => setForm({ ...form, interpreterUsed: e.target.checked })}
            />{' '}
            {t('victims:consent.interpreter')}
          </label>
          <div className="form-actions">
            <button type="submit" className="button button-primary">
              {t('victims:consent.submit')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

export function ReferralSection({ victimId }: { victimId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const id = useId();
  const list = useApi<victims.ReferralListResponse>(victimsApi.referrals(victimId));
  const [form, setForm] = useState({
    serviceType: 'shelter' as (typeof SERVICES)[number],
    providerName: '',
    shareIdentity: true,
    overrideReason: '',
  });
  const [error, setError] = useState<unknown>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const body: victims.CreateReferralRequest = {
      serviceType: form.serviceType,
      providerName: form.providerName,
      sharedGroups: form.shareIdentity ? ['identity'] : [],
      ...(form.overrideReason.trim() ? { overrideReason: form.overrideReason } : {}),
    };
    try {
      await apiPost(victimsApi.referrals(victimId), body);
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  async function move(referralId: string, to: 'accepted' | 'rejected' | 'done' | 'revoked') {
    setError(undefined);
    try {
      await apiPost(victimsApi.referralState(referralId), { to });
      list.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-ref`}>
      <h2 id={`${id}-ref`}>{t('victims:referral.title')}</h2>
      <ErrorNotice error={list.error ?? error} />
      {(list.data?.referrals ?? []).length === 0 ? (
        <p className="empty">{t('victims:referral.empty')}</p>
      ) : (
        <ul className="plain rows" data-testid="referral-list">
          {list.data!.referrals.map((r) => (
            <li key={r.id}>
              {t(`victims:referral.services.${r.serviceType}`)} → {r.providerName} ·{' '}
              <strong>{t(`victims:referral.states.${r.state}`)}</strong>
              {!r.consentBased && ` · ${t('victims:referral.override')}`}{' '}
              {r.state === 'sent' && (
                <>
                  <button type="button" className="button button-small" onClick={() => void move(r.id, 'accepted')}>
                    {t('victims:referral.actions.accepted')}
                  </button>{' '}
                  <button type="button" className="button button-small" onClick={() => void move(r.id, 'rejected')}>
                    {t('victims:referral.actions.rejected')}
                  </button>
                </>
              )}
              {r.state === 'accepted' && (
                <button type="button" className="button button-small" onClick={() => void move(r.id, 'done')}>
                  {t('victims:referral.actions.done')}
                </button>
              )}
              {(r.state === 'sent' || r.state === 'accepted') && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button button-small button-quiet"
                    onClick={() => void move(r.id, 'revoked')}
                  >
                    {t('victims:referral.actions.revoked')}
                  </button>{' '}
                  <a href={victimsApi.referralLetter(r.id)}>{t('victims:referral.letter')}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${id}-service`}>{t('victims:referral.service')}</label>
            <select
              id={`${id}-service`}
              value={form.serviceType}
              onChange={(e) => setForm({ ...form, serviceType: e.target.value as (typeof SERVICES)[number] })}
            >
              {SERVICES.map((s) => (
                <option key={s} value={s}>
                  {t(`victims:referral.services.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-provider`}>{t('victims:referral.provider')}</label>
            <input
              id={`${id}-provider`}
              value={form.providerName}
              onChange={(e) => setForm({ ...form, providerName: e.target.value })}
            />
          </div>
        </div>
        <label>
          <input
            type="checkbox"
            checked={form.shareIdentity}
            onChange={(e) => setForm({ ...form, shareIdentity: e.target.checked })}
          />{' '}
          {t('victims:referral.shareIdentity')}
        </label>
        {user.role === 'supervisor' && (
          <div className="field">
            <label htmlFor={`${id}-override`}>{t('victims:referral.overrideReason')}</label>
            <input
              id={`${id}-override`}
              value={form.overrideReason}
              onChange={(e) => setForm({ ...form, overrideReason: e.target.value })}
            />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!form.providerName.trim()}>
            {t('victims:referral.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
