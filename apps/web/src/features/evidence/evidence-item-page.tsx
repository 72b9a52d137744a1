// One evidence item: safe preview, collection record, attachments, custody timeline, verify, custody events.
// Captured pages are shown only in a sandboxed frame without scripts (the server also sends CSP "sandbox").
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { evidence } from '@trag/contracts';
import { ApiError, apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n/format';
import { evidenceApi, formatBytes } from './evidence.api';
import { EvidenceThumbnail } from './evidence-thumbnail';
import './evidence.css';

const EVENTS = ['annotated', 'sealed', 'released', 'transferred', 'disposed'] as const;

function TextPreview({ id }: { id: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void fetch(evidenceApi.content(id, true), { credentials: 'same-origin' })
      .then((r) => r.text())
      .then((body) => {
        if (!cancelled) setText(body.slice(0, 200_000));
      });
    return () => {
      cancelled = true;
    };
  }, [id]);
  return <pre className="evidence-text">{text ?? '…'}</pre>;
}

function ChatPreview({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const messages = useApi<evidence.EvidenceMessagesResponse>(evidenceApi.messages(id));
  if (!messages.data) return <Loading />;
  return (
    <div>
      <p className="muted small">{t('evidence:preview.messages', { count: messages.data.total })}</p>
      <ol className="evidence-chat" data-testid="chat-messages">
        {messages.data.messages.map((m) => (
          <li key={m.index} className={m.kind === 'service' ? 'evidence-chat-service' : undefined}>
            <div className="row-meta">
              <strong>{m.author ?? t('evidence:preview.system')}</strong>{' '}
              <time dateTime={m.time}>
                {m.timeBasis === 'utc'
                  ? format.dateTime(m.time)
                  : `${m.time.replace('T', ' ')} (${t('evidence:preview.deviceTime')})`}
              </time>{' '}
              <span className="mono small">{m.ref}</span>
            </div>
            {m.text && <div className="evidence-chat-text">{m.text}</div>}
            {m.attachments.map((a, i) =>
              a.itemId ? (
                <Link key={i} to={`/evidence/${a.itemId}`} className="tag">
                  📎 {a.name}
                </Link>
              ) : (
                <span key={i} className="tag">
                  {a.name} — {t('evidence:preview.notIncluded')}
                </span>
              ),
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Preview({ item }: { item: evidence.EvidenceItem }) {
  const { t } = useTranslation();
  const src = evidenceApi.content(item.id, true);
  if (item.kind === 'chat_export') return <ChatPreview id={item.id} />;
  if (/^image\/(png|jpeg|gif|webp)$/.test(item.mediaType)) {
    return <img className="evidence-image" src={src} alt={item.description} />;
  }
  if (item.mediaType === 'application/pdf') {
    return (
      <object className="evidence-frame" data={src} type="application/pdf" aria-label={item.fileName}>
        <a href={src}>{t('evidence:preview.openPdf')}</a>
      </object>
    );
  }
  if (item.mediaType === 'text/html' || item.importFormat === 'html') {
    // sandbox="" : no scripts, no forms, no plugins, no top navigation, a unique origin.
    return <iframe className="evidence-frame" sandbox="" src={src} title={t('evidence:preview.capturedPage')} />;
  }
  if (item.kind === 'web_capture') {
    const resources =
      (item.metadata.resources as { uri: string; status: number | null; mediaType: string | null }[]) ?? [];
    return (
      <table className="data small">
        <thead>
          <tr>
            <th>URL</th>
            <th>HTTP</th>
            <th>{t('evidence:fields.kind')}</th>
          </tr>
        </thead>
        <tbody>
          {resources.slice(0, 200).map((r, i) => (
            <tr key={i}>
              <td className="mono">{r.uri}</td>
              <td>{r.status ?? '—'}</td>
              <td>{r.mediaType ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  if (/^(text\/plain|application\/json|text\/csv)$/.test(item.mediaType)) return <TextPreview id={item.id} />;
  return <p className="muted">{t('evidence:preview.none')}</p>;
}

export function EvidenceItemPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { itemId = '' } = useParams();
  const detail = useApi<evidence.EvidenceItemDetail>(evidenceApi.item(itemId));
  const [verify, setVerify] = useState<evidence.EvidenceVerifyResponse | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [event, setEvent] = useState({
    event: 'annotated' as (typeof EVENTS)[number],
    note: '',
    reference: '',
    toAgencyId: '',
  });

  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return (
      <div className="panel not-found" role="alert">
        <h1>{t('evidence:item.unavailable')}</h1>
        <p>{t('evidence:item.unavailableBody')}</p>
        <Link to="/cases" className="button">
          {t('evidence:item.back')}
        </Link>
      </div>
    );
  }
  if (detail.loading && !detail.data) return <Loading />;
  if (!detail.data) return <ErrorNotice error={detail.error} />;
  const { item, custody, attachments } = detail.data;

  async function runVerify() {
    setError(undefined);
    try {
      setVerify(await apiPost<evidence.EvidenceVerifyResponse>(evidenceApi.verify(item.id)));
    } catch (err) {
      setError(err);
    }
  }

  async function record(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      await apiPost(evidenceApi.custody(item.id), {
        event: event.event,
        ...(event.note ? { note: event.note } : {}),
        ...(event.reference ? { reference: event.reference } : {}),
        ...(event.event === 'transferred' ? { toAgencyId: event.toAgencyId } : {}),
      });
      setEvent({ ...event, note: '', reference: '' });
      detail.reload();
    } catch (err) {
      setError(err);
    }
  }

  const exif = item.metadata.exif as { fields: Record<string, string | number> } | undefined;
  const facts: [string, string | null][] = [
    ['fileName', item.fileName],
    ['kind', t(`evidence:kinds.${item.kind}`)],
    ['mediaType', item.mediaType],
    ['size', formatBytes(item.size, format.locale)],
    ['legalBasis', item.legalBasis],
    ['source', item.source],
    ['location', item.location],
    ['device', item.device],
    ['collected', `${format.dateTime(item.collectedAt)} — ${item.collectedByName}`],
    ['status', t(`evidence:status.${item.status}`)],
  ];

  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to={`/cases/${item.caseId}/evidence`}>{t('evidence:tab')}</Link> /{' '}
            <span className="mono">{item.exhibitNumber}</span>
          </>
        }
        title={`${item.exhibitNumber} — ${item.description}`}
        actions={
          <>
            <button type="button" className="button" onClick={() => void runVerify()}>
              {t('evidence:verify.button')}
            </button>
            <a className="button" href={evidenceApi.content(item.id)} download={item.fileName}>
              {t('evidence:item.download')}
            </a>
          </>
        }
      />
      <ErrorNotice error={error} />
      {verify && (
        <div
          className={`notice ${verify.ok ? 'notice-success' : 'notice-error'}`}
          role="status"
          data-testid="verify-result"
        >
          {verify.ok
            ? t('evidence:verify.ok', { entries: verify.entries })
            : t('evidence:verify.failed', { count: verify.problems.length })}
          {verify.problems.length > 0 && (
            <ul>
              {verify.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="grid-main-side">
        <div>
          <section className="panel" aria-labelledby="evidence-preview">
            <h2 id="evidence-preview">{t('evidence:preview.title')}</h2>
            <Preview item={item} />
          </section>
          {attachments.length > 0 && (
            <section className="panel" aria-labelledby="evidence-attachments">
              <h2 id="evidence-attachments">{t('evidence:item.attachments')}</h2>
              <ul>
                {attachments.map((a) => (
                  <li key={a.id}>
                    <EvidenceThumbnail item={a} />
                    <Link to={`/evidence/${a.id}`} className="mono">
                      {a.exhibitNumber}
                    </Link>{' '}
                    {a.fileName} ({formatBytes(a.size, format.locale)})
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel" aria-labelledby="evidence-custody">
            <h2 id="evidence-custody">{t('evidence:custody.title')}</h2>
            <ol className="evidence-timeline" data-testid="custody-timeline">
              {custody.map((entry) => (
                <li key={entry.seq}>
                  <div>
                    <strong>{t(`evidence:events.${entry.event}`)}</strong> — {entry.actorName}{' '}
                    <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
                  </div>
                  {typeof entry.details.note === 'string' && <div>{entry.details.note}</div>}
                  {typeof entry.details.reference === 'string' && (
                    <div className="small">{entry.details.reference}</div>
                  )}
                  <div className="mono small muted" title={t('evidence:custody.hash')}>
                    #{entry.seq} {entry.hash.slice(0, 16)}…{entry.timestamped ? ' ⏱' : ''}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside>
          <section className="panel" aria-labelledby="evidence-facts">
            <h2 id="evidence-facts">{t('evidence:item.record')}</h2>
            <dl className="facts">
              <dt>SHA-256</dt>
              <dd className="mono small" data-testid="item-sha256">
                {item.sha256}
              </dd>
              {facts
                .filter(([, v]) => v)
                .map(([key, value]) => (
                  <div key={key}>
                    <dt>{t(`evidence:fields.${key}`)}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          </section>
          {exif && (
            <section className="panel" aria-labelledby="evidence-exif">
              <h2 id="evidence-exif">{t('evidence:item.exif')}</h2>
              <dl className="facts small">
                {Object.entries(exif.fields).map(([key, value]) => (
                  <div key={key}>
                    <dt>{key}</dt>
                    <dd>{String(value)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          <section className="panel" aria-labelledby="evidence-event">
            <h2 id="evidence-event">{t('evidence:custody.record')}</h2>
            <form onSubmit={(e) => void record(e)}>
              <label className="field">
                <span className="field-label">{t('evidence:custody.event')}</span>
                <select
                  value={event.event}
                  onChange={(e) => setEvent({ ...event, event: e.target.value as (typeof EVENTS)[number] })}
                >
                  {EVENTS.map((name) => (
                    <option key={name} value={name}>
                      {t(`evidence:events.${name}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">{t('evidence:custody.note')}</span>
                <textarea value={event.note} onChange={(e) => setEvent({ ...event, note: e.target.value })} />
              </label>
              <label className="field">
                <span className="field-label">{t('evidence:custody.reference')}</span>
                <input value={event.reference} onChange={(e) => setEvent({ ...event, reference: e.target.value })} />
              </label>
              {event.event === 'transferred' && (
                <label className="field">
                  <span className="field-label">{t('evidence:custody.toAgency')}</span>
                  <input
                    value={event.toAgencyId}
                    onChange={(e) => setEvent({ ...event, toAgencyId: e.target.value })}
                  />
                </label>
              )}
              <div className="form-actions">
                <button type="submit" className="button">
                  {t('evidence:custody.submit')}
                </button>
              </div>
            </form>
          </section>
        </aside>
      </div>
    </>
  );
}
