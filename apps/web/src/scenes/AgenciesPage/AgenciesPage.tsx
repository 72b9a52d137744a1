// Agency settings (administrators): name, case reference prefix, whether two-factor authentication is required.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { identity } from '@trag/contracts';
import { apiPatch } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useCurrentUser } from '../../app/session';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';

function AgencyEditor({ agency, onSaved }: { agency: identity.Agency; onSaved(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(agency.name);
  const [prefix, setPrefix] = useState(agency.referencePrefix);
  const [requireTotp, setRequireTotp] = useState(agency.requireTotp);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setSaved(false);
    try {
      const body: identity.UpdateAgencyRequest = { name: name.trim(), referencePrefix: prefix.trim(), requireTotp };
      await apiPatch(`/api/agencies/${agency.id}`, body);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)}>
      <ErrorNotice error={error} />
      {saved && (
        <p className="notice notice-success" role="status">
          {t('identity:agencies.saved')}
        </p>
      )}
      <div className="form-row">
        <div className="field" style={{ flex: '2 1 260px' }}>
          <label htmlFor={`name-${agency.id}`}>{t('identity:agencies.name')}</label>
          <input id={`name-${agency.id}`} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`prefix-${agency.id}`}>{t('identity:agencies.referencePrefix')}</label>
          <input id={`prefix-${agency.id}`} value={prefix} onChange={(e) => setPrefix(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={requireTotp} onChange={(e) => setRequireTotp(e.target.checked)} />
          {t('identity:agencies.requireTotp')}
        </label>
        <span className="field-hint">{t('identity:agencies.requireTotpHint')}</span>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('common:actions.save')}
        </button>
      </div>
    </form>
  );
}

export function AgenciesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const agencies = useApi<identity.AgencyListResponse>('/api/agencies');
  const list = agencies.data?.agencies ?? [];
  return (
    <>
      <PageHeader title={t('identity:agencies.title')} description={t('identity:agencies.description')} />
      <ErrorNotice error={agencies.error} />
      {agencies.loading && !agencies.data && <Loading />}
      {list.map((agency) => (
        <section className="panel" key={agency.id} aria-labelledby={`agency-${agency.id}`}>
          <div className="panel-header">
            <h2 id={`agency-${agency.id}`}>{agency.name}</h2>
            <span className="muted small">
              {t(`common:agencyKinds.${agency.kind}`)} ·{' '}
              {t(`common:countries.${agency.country}`, { defaultValue: agency.country })}
            </span>
          </div>
          {agency.id === me.agency.id ? (
            <AgencyEditor agency={agency} onSaved={agencies.reload} />
          ) : (
            <p className="muted small">{t('identity:agencies.otherAgency')}</p>
          )}
        </section>
      ))}
    </>
  );
}
