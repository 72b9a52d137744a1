// Cross-border cooperation: this agency's partner card (fingerprint, QR code), partner agencies (add from a card,
// accept after comparing fingerprints by phone, revoke), packages sent and received (upload a package file, import
// it into a case, handling codes shown), and hit/no-hit questions to partners (answers: hit or no hit, and a contact).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { cooperation } from '@trag/contracts';
import { ApiError, apiPost, apiUpload } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';

const MATCHABLE = ['phone', 'email', 'crypto_wallet', 'iban', 'online_account', 'document'] as const;

function OwnCard() {
  const { t } = useTranslation('cooperation');
  const card = useApi<cooperation.OwnCardResponse>('/api/cooperation/card');
  if (card.loading) return <Loading />;
  if (card.error || !card.data) return <ErrorNotice error={card.error} />;
  const json = JSON.stringify(card.data.card, null, 2);
  return (
    <section className="card" data-testid="coop-own-card">
      <h2>{t('card.title')}</h2>
      <p>{t('card.explain')}</p>
      <p>
        {t('card.fingerprint')}: <code data-testid="coop-own-fingerprint">{card.data.fingerprintReadable}</code>
      </p>
      <div style={{ width: 180 }} dangerouslySetInnerHTML={{ __html: card.data.qrSvg }} />
      <a href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`} download="trag-partner-card.json">
        {t('card.download')}
      </a>
    </section>
  );
}

function Partners({ partners, reload }: { partners: cooperation.Partner[]; reload(): void }) {
  const { t } = useTranslation('cooperation');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  async function add(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await apiPost('/api/cooperation/partners', { card: JSON.parse(text) as unknown });
      setText('');
      reload();
    } catch (err) {
      setError(err instanceof SyntaxError ? new ApiError(400, 'partner_card_invalid', t('partners.notJson')) : err);
    }
  }
  async function act(id: string, what: 'accept' | 'revoke') {
    setError(undefined);
    try {
      await apiPost(`/api/cooperation/partners/${encodeURIComponent(id)}/${what}`);
      reload();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card">
      <h2>{t('partners.title')}</h2>
      {partners.length === 0 ? (
        <p className="muted">{t('partners.none')}</p>
      ) : (
        <table data-testid="coop-partners">
          <thead>
            <tr>
              <th>{t('partners.agency')}</th>
              <th>{t('partners.country')}</th>
              <th>{t('card.fingerprint')}</th>
              <th>{t('partners.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr key={p.id}>
                <td>{p.agencyName}</td>
                <td>{p.country}</td>
                <td>
                  <code>{p.fingerprintReadable}</code>
                </td>
                <td>{t(`partners.statuses.${p.status}`)}</td>
                <td>
                  {p.status !== 'trusted' && (
                    <button type="button" onClick={() => void act(p.id, 'accept')}>
                      {t('partners.accept')}
                    </button>
                  )}
                  {p.status !== 'revoked' && (
                    <button type="button" onClick={() => void act(p.id, 'revoke')}>
                      {t('partners.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(e) => void add(e)}>
        <label>
          {t('partners.paste')}
          <textarea rows={4} value={text} data-testid="coop-card-input" onChange={(e) => setText(e.target.value)} />
        </label>
        <p className="muted">{t('partners.compare')}</p>
        <button type="submit" disabled={!text.trim()}>
          {t('partners.add')}
        </button>
      </form>
      <ErrorNotice error={error} />
    </section>
  );
}

function Packages({ reloadKey }: { reloadKey: number }) {
  const { t } = useTranslation('cooperation');
  const packages = useApi<cooperation.PackageListResponse>(`/api/cooperation/packages?v=${reloadKey}`);
  const [error, setError] = useState<unknown>(undefined);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  async function upload(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    try {
      const summary = await apiUpload<cooperation.PackageSummary>('/api/cooperation/packages/upload', file);
      setDone(t(`packages.statuses.${summary.status}`, { defaultValue: summary.status }));
      packages.reload();
    } catch (err) {
      setError(err);
    }
  }
  async function importInto(id: string) {
    setError(undefined);
    try {
      const result = await apiPost<cooperation.PackageImportResponse>(
        `/api/cooperation/packages/${encodeURIComponent(id)}/import`,
        { newCaseTitle: titles[id] || t('packages.defaultTitle') },
      );
      setDone(t('packages.imported', result.created));
      packages.reload();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="card">
      <h2>{t('packages.title')}</h2>
      <label>
        {t('packages.upload')}{' '}
        <input type="file" accept=".zip" data-testid="coop-upload" onChange={(e) => void upload(e.target.files?.[0])} />
      </label>
      {done && (
        <p role="status" data-testid="coop-status">
          {done}
        </p>
      )}
      <ErrorNotice error={error} />
      {packages.loading && <Loading />}
      {packages.data && packages.data.items.length === 0 && <p className="muted">{t('packages.none')}</p>}
      {packages.data && packages.data.items.length > 0 && (
        <table data-testid="coop-packages">
          <thead>
            <tr>
              <th>{t('packages.direction')}</th>
              <th>{t('partners.agency')}</th>
              <th>{t('packages.handling')}</th>
              <th>{t('packages.grading')}</th>
              <th>{t('packages.purpose')}</th>
              <th>{t('packages.contents')}</th>
              <th>{t('partners.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {packages.data.items.map((p) => (
              <tr key={p.id}>
                <td>{t(`packages.${p.direction}`)}</td>
                <td>
                  {p.partner ? `${p.partner.agencyName} (${p.partner.country})` : p.senderFingerprint.slice(0, 16)}
                </td>
                <td>
                  <strong className="handling-code" title={t(`handling.${p.handlingCode}`)}>
                    {p.handlingCode}
                  </strong>{' '}
                  {p.restrictions}
                </td>
                <td>
                  {p.sourceGrade}
                  {p.informationGrade}
                </td>
                <td>{p.purpose}</td>
                <td>{t('packages.counts', p.counts)}</td>
                <td>{t(`packages.statuses.${p.status}`, { defaultValue: p.status })}</td>
                <td>
                  {p.direction === 'in' && p.status !== 'imported' && (
                    <>
                      <input
                        aria-label={t('packages.caseTitle')}
                        placeholder={t('packages.caseTitle')}
                        value={titles[p.id] ?? ''}
                        onChange={(e) => setTitles({ ...titles, [p.id]: e.target.value })}
                      />
                      <button type="button" data-testid="coop-import" onClick={() => void importInto(p.id)}>
                        {t('packages.import')}
                      </button>
                    </>
                  )}
                  {p.direction === 'out' && (
                    <a href={`/api/cooperation/packages/${encodeURIComponent(p.id)}/file`}>{t('packages.download')}</a>
                  )}
                  {p.caseId && p.direction === 'in' && (
                    <a href={`/cases/${encodeURIComponent(p.caseId)}`}>{t('packages.openCase')}</a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function HitQuery({ partners }: { partners: cooperation.Partner[] }) {
  const { t } = useTranslation('cooperation');
  const trusted = partners.filter((p) => p.status === 'trusted');
  const [type, setType] = useState<(typeof MATCHABLE)[number]>('phone');
  const [values, setValues] = useState('');
  const [purpose, setPurpose] = useState('');
  const [result, setResult] = useState<cooperation.HitQueryResponse | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  async function ask(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const identifiers = values
        .split('\n')
        .map((v) => v.trim())
        .filter(Boolean)
        .map((value) => ({ type, value }));
      setResult(
        await apiPost<cooperation.HitQueryResponse>('/api/cooperation/hits', {
          partnerIds: trusted.map((p) => p.id),
          identifiers,
          purpose,
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="card">
      <h2>{t('hits.title')}</h2>
      <p>{t('hits.explain')}</p>
      <form onSubmit={(e) => void ask(e)}>
        <label>
          {t('hits.type')}{' '}
          <select value={type} onChange={(e) => setType(e.target.value as (typeof MATCHABLE)[number])}>
            {MATCHABLE.map((m) => (
              <option key={m} value={m}>
                {t(`hits.types.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('hits.values')}
          <textarea rows={3} value={values} data-testid="coop-hit-values" onChange={(e) => setValues(e.target.value)} />
        </label>
        <label>
          {t('hits.purpose')}
          <input value={purpose} data-testid="coop-hit-purpose" onChange={(e) => setPurpose(e.target.value)} />
        </label>
        <button type="submit" disabled={busy || trusted.length === 0 || !values.trim() || !purpose.trim()}>
          {t('hits.ask', { n: trusted.length })}
        </button>
      </form>
      <ErrorNotice error={error} />
      {result && (
        <ul data-testid="coop-hit-results">
          {result.results.map((r) => (
            <li key={r.partnerId}>
              <strong>
                {r.agencyName} ({r.country})
              </strong>
              {': '}
              {!r.ok
                ? t('hits.failed', { problem: r.problem ?? '' })
                : r.hits.length === 0
                  ? t('hits.noHit')
                  : t('hits.hit', { values: r.hits.map((h) => h.value).join(', '), contact: r.contact ?? '' })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function CooperationPage() {
  const { t } = useTranslation('cooperation');
  const partners = useApi<cooperation.PartnerListResponse>('/api/cooperation/partners');
  const [reloadKey] = useState(0);
  return (
    <div className="page">
      <PageHeader title={t('title')} description={t('description')} />
      <OwnCard />
      {partners.loading && <Loading />}
      <ErrorNotice error={partners.error} />
      {partners.data && <Partners partners={partners.data.items} reload={partners.reload} />}
      {partners.data && <HitQuery partners={partners.data.items} />}
      <Packages reloadKey={reloadKey} />
    </div>
  );
}
