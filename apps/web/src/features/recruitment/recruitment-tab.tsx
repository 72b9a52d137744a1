// The recruitment tab of a case: import items, read them by score with highlighted indicators and named reasons,
// mark them relevant or not, see the template ads (near-duplicate clusters) and the contacts shared across items,
// each one click from becoming an entity.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { recruitment as contracts, type evidence, type platform, type recruitment } from '@trag/contracts';
import { apiPost, apiUploadWithProgress } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import type { CaseTabProps } from '../cases/case-tabs';
import { formatBytes } from '../evidence/evidence.api';
import { HighlightedText } from './highlighted-text';
import { COLUMN_SAMPLE_BYTES, csvColumns, guessColumns, jsonlColumns, type ColumnChoice } from './import-columns';
import { ImportProgress, type ImportJobEnd } from './import-progress';
import { NetworkGraph } from './network-graph';
import { recruitmentApi } from './recruitment.api';
import { TemplatesPanel } from './templates-panel';
import './recruitment.css';

const FORMATS = ['jsonl', 'csv', 'text', 'telegram', 'whatsapp', 'html', 'warc'] as const;

/** Evidence items that hold web pages: WARC captures and saved HTML (as the server's importFromEvidence accepts). */
function isWebPage(item: evidence.EvidenceItem): boolean {
  return (
    item.importFormat === 'warc' ||
    item.importFormat === 'html' ||
    /\.(x?html?|warc(\.gz)?)$/i.test(item.fileName) ||
    /^(text\/html|application\/xhtml\+xml|application\/warc)/.test(item.mediaType)
  );
}

function EvidenceImportForm({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t } = useTranslation('recruitment');
  const list = useApi<evidence.EvidenceListResponse>(recruitmentApi.caseEvidence(caseId));
  const pages = (list.data?.items ?? []).filter(isWebPage);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [end, setEnd] = useState<ImportJobEnd | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const evidenceId = chosen || pages[0]?.id || '';
  const busy = jobId !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!evidenceId) return;
    setError(undefined);
    setEnd(null);
    try {
      const body: recruitment.EvidenceImportRequest = { evidenceId, mode: 'skip_bad' };
      setJobId((await apiPost<platform.Job>(recruitmentApi.importJobsFromEvidence(caseId), body)).id);
    } catch (err) {
      setError(err);
    }
  }
  const finished = useCallback(
    (result: ImportJobEnd) => {
      setJobId(null);
      setEnd(result);
      if (result.status === 'succeeded') onDone();
    },
    [onDone],
  );

  if (list.loading && !list.data) return <Loading />;
  return (
    <div className="recruitment-evidence-import" data-testid="recruitment-from-evidence">
      <h3>{t('tab.fromEvidenceTitle')}</h3>
      <ErrorNotice error={list.error ?? error} />
      {pages.length === 0 ? (
        <p className="empty">{t('tab.evidenceNone')}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="recruitment-import">
          <label>
            {t('tab.evidenceItem')}{' '}
            <select value={evidenceId} onChange={(e) => setChosen(e.target.value)}>
              {pages.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.exhibitNumber} · {p.fileName}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t('tab.importing') : t('tab.importFromEvidence')}
          </button>
        </form>
      )}
      {jobId && <ImportProgress jobId={jobId} onEnd={finished} />}
      <ImportEnd end={end} />
    </div>
  );
}

/** What a finished import job says: counts and rejected lines, or why it failed, or that it was cancelled. */
function ImportEnd({ end }: { end: ImportJobEnd | null }) {
  const { t } = useTranslation('recruitment');
  if (!end) return null;
  if (end.status === 'cancelled') return <p role="status">{t('tab.progress.cancelled')}</p>;
  if (end.status === 'failed')
    return (
      <p role="alert" className="error">
        {t('tab.progress.failed', { reason: end.error })}
      </p>
    );
  const outcome = end.outcome;
  return (
    <div role="status">
      <p>
        {t('tab.imported', {
          count: outcome.itemsImported,
          flagged: outcome.flagged,
          rejected: outcome.linesRejected,
        })}
      </p>
      {outcome.errors.length > 0 && (
        <ul>
          {outcome.errors.slice(0, 20).map((e) => (
            <li key={e.line}>{t('tab.lineError', { line: e.line, message: e.message })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
const ENCODINGS = ['auto', 'utf-8', 'windows-1250', 'windows-1251'] as const;
/** The server takes files up to this size per import (MAX_IMPORT_UPLOAD_BYTES); larger ones are refused here. */
const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
const COLUMN_PARTS = ['text', 'id', 'postedAt', 'url', 'source'] as const;
const QUERY_OF_PART = {
  text: 'textColumn',
  id: 'idColumn',
  postedAt: 'dateColumn',
  url: 'urlColumn',
  source: 'sourceColumn',
} as const;

/** The columns of a CSV or JSON Lines file, read from its first bytes; [] when none can be read. */
async function columnsOf(file: File, format: 'csv' | 'jsonl'): Promise<string[]> {
  const head = await file.slice(0, COLUMN_SAMPLE_BYTES).text();
  return format === 'csv' ? csvColumns(head) : jsonlColumns(head);
}

/** Which column holds each part: chosen by the user, first guessed from the column names. */
function ColumnsChooser({
  columns,
  choice,
  onChange,
}: {
  columns: string[];
  choice: Partial<ColumnChoice>;
  onChange(choice: Partial<ColumnChoice>): void;
}) {
  const { t } = useTranslation('recruitment');
  if (columns.length === 0) return <p className="muted">{t('tab.columnsUnknown')}</p>;
  return (
    <fieldset className="recruitment-columns" data-testid="recruitment-columns">
      <legend>{t('tab.columnsTitle')}</legend>
      {COLUMN_PARTS.map((part) => (
        <label key={part}>
          {t(`tab.columns.${part}`)}{' '}
          <select
            value={choice[part] ?? ''}
            required={part === 'text'}
            onChange={(e) => onChange({ ...choice, [part]: e.target.value || undefined })}
          >
            <option value="">{part === 'text' ? t('tab.columnChoose') : t('tab.columnNone')}</option>
            {columns.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

function ImportForm({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t, i18n } = useTranslation('recruitment');
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('jsonl');
  const [mode, setMode] = useState<'skip_bad' | 'all_or_nothing'>('skip_bad');
  const [encoding, setEncoding] = useState<(typeof ENCODINGS)[number]>('auto');
  const [columns, setColumns] = useState<string[]>([]);
  const [choice, setChoice] = useState<Partial<ColumnChoice>>({});
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [end, setEnd] = useState<ImportJobEnd | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const busy = uploaded !== null || jobId !== null;
  const hasColumns = format === 'csv' || format === 'jsonl';
  const tooLarge = file !== null && file.size > MAX_UPLOAD_BYTES;
  const finished = useCallback(
    (result: ImportJobEnd) => {
      setJobId(null);
      setEnd(result);
      if (result.status === 'succeeded') onDone();
    },
    [onDone],
  );

  // The file's columns, whenever the file or the format changes (a CSV or JSON Lines file only).
  useEffect(() => {
    let current = true;
    setColumns([]);
    setChoice({});
    if (!file || (format !== 'csv' && format !== 'jsonl')) return;
    columnsOf(file, format)
      .then((found) => {
        if (!current) return;
        setColumns(found);
        setChoice(guessColumns(found) ?? {});
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [file, format]);

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setEnd(null);
    const suggested = chosen ? contracts.importFormatOfFileName(chosen.name) : null;
    if (suggested) setFormat(suggested);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file || tooLarge) return;
    setUploaded(0);
    setError(undefined);
    setEnd(null);
    try {
      const query = new URLSearchParams({ format, mode, encoding, fileName: file.name });
      if (hasColumns && columns.length > 0) {
        for (const part of COLUMN_PARTS) {
          const column = choice[part];
          if (column) query.set(QUERY_OF_PART[part], column);
        }
      }
      // Sent as it is read from disk, then queued as a background job: the bar below follows it, and it can be
      // cancelled with nothing imported.
      const job = await apiUploadWithProgress<platform.Job>(
        `${recruitmentApi.importUpload(caseId)}?${query.toString()}`,
        file,
        (fraction) => setUploaded(fraction),
      );
      setJobId(job.id);
    } catch (err) {
      setError(err);
    } finally {
      setUploaded(null);
    }
  }

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('tab.importTitle')}</h2>
      <form onSubmit={(e) => void submit(e)} className="recruitment-import">
        <label>
          {t('tab.file')}{' '}
          <input type="file" data-testid="recruitment-file" onChange={(e) => chooseFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          {t('tab.format')}{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as (typeof FORMATS)[number])}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`tab.formats.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tab.mode')}{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as 'skip_bad' | 'all_or_nothing')}>
            <option value="skip_bad">{t('tab.modes.skip_bad')}</option>
            <option value="all_or_nothing">{t('tab.modes.all_or_nothing')}</option>
          </select>
        </label>
        <label>
          {t('tab.encoding')}{' '}
          <select value={encoding} onChange={(e) => setEncoding(e.target.value as (typeof ENCODINGS)[number])}>
            {ENCODINGS.map((f) => (
              <option key={f} value={f}>
                {t(`tab.encodings.${f}`)}
              </option>
            ))}
          </select>
        </label>
        {file && hasColumns && <ColumnsChooser columns={columns} choice={choice} onChange={setChoice} />}
        <button type="submit" disabled={!file || busy || tooLarge}>
          {busy ? t('tab.importing') : t('tab.importSubmit')}
        </button>
      </form>
      {file && tooLarge && (
        <p role="alert" className="error">
          {t('tab.tooLarge', {
            size: formatBytes(file.size, i18n.language),
            max: formatBytes(MAX_UPLOAD_BYTES, i18n.language),
          })}
        </p>
      )}
      {uploaded !== null && (
        <p className="recruitment-progress" role="status" data-testid="recruitment-upload">
          {t('tab.uploading')}{' '}
          <progress max={100} value={Math.round(uploaded * 100)}>
            {Math.round(uploaded * 100)} %
          </progress>{' '}
          {Math.round(uploaded * 100)} %
        </p>
      )}
      <ErrorNotice error={error} />
      {jobId && <ImportProgress jobId={jobId} onEnd={finished} />}
      <ImportEnd end={end} />
      <EvidenceImportForm caseId={caseId} onDone={onDone} />
    </section>
  );
}

function ItemView({ itemId, onMarked }: { itemId: string; onMarked(): void }) {
  const { t } = useTranslation('recruitment');
  const item = useApi<recruitment.ItemDetailResponse>(recruitmentApi.item(itemId));
  const [error, setError] = useState<unknown>(undefined);
  async function mark(relevance: 'relevant' | 'not_relevant') {
    try {
      await apiPost(recruitmentApi.mark(itemId), { relevance } satisfies recruitment.MarkRequest);
      item.reload();
      onMarked();
    } catch (err) {
      setError(err);
    }
  }
  if (item.loading && !item.data) return <Loading />;
  if (!item.data) return <ErrorNotice error={item.error} />;
  const d = item.data;
  return (
    <section className="panel recruitment-item" data-testid="recruitment-item">
      <p>
        {t('tab.score')}: <strong>{d.item.score}</strong>{' '}
        {d.item.flagged && <span className="badge">{t('tab.flagged')}</span>}{' '}
        {d.item.relevance && <em>{t(`tab.relevance.${d.item.relevance}`)}</em>}
      </p>
      <p className="recruitment-source" data-testid="recruitment-source">
        {t('tab.source')}: {d.item.source ?? '—'} · {d.item.sourcePosition}
        {d.item.evidenceId && (
          <>
            {' '}
            · <Link to={`/evidence/${encodeURIComponent(d.item.evidenceId)}`}>{t('tab.openEvidence')}</Link>
          </>
        )}
        {d.item.url && (
          <>
            {' '}
            · <code>{d.item.url}</code>
          </>
        )}
      </p>
      <HighlightedText
        text={d.item.text}
        spans={d.indicators.map((i) => ({
          start: i.start,
          end: i.end,
          label: t(`offerCheck.indicators.${i.id}`, { defaultValue: i.title }),
        }))}
      />
      <h3>{t('tab.why')}</h3>
      <ul>
        {d.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <h3>{t('tab.identifiers')}</h3>
      <ul>
        {d.identifiers.map((i) => (
          <li key={`${i.type}-${i.value}-${i.start}`}>
            {i.type}: <code>{i.value}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void mark('relevant')}>
        {t('tab.markRelevant')}
      </button>{' '}
      <button type="button" onClick={() => void mark('not_relevant')}>
        {t('tab.markNotRelevant')}
      </button>
      <ErrorNotice error={error} />
    </section>
  );
}

function NetworkPanel({ caseId, version }: { caseId: string; version: number }) {
  const { t } = useTranslation('recruitment');
  const network = useApi<recruitment.NetworkResponse>(recruitmentApi.network(caseId));
  const { reload } = network;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const [added, setAdded] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(undefined);
  async function add(type: string, value: string, key: string) {
    try {
      await apiPost<recruitment.AddEntityResponse>(recruitmentApi.entities(caseId), {
        type,
        value,
      } satisfies recruitment.AddEntityRequest);
      setAdded((a) => ({ ...a, [key]: true }));
    } catch (err) {
      setError(err);
    }
  }
  const shared = (network.data?.identifiers ?? []).filter((i) => i.degree >= 2);
  return (
    <section className="panel" data-testid="recruitment-network">
      <h2>{t('tab.networkTitle')}</h2>
      <ErrorNotice error={network.error ?? error} />
      {network.data && network.data.edges.length > 0 && <NetworkGraph view={network.data} />}
      {network.data?.truncated && (
        <p className="muted" data-testid="recruitment-network-truncated">
          {t('tab.networkTruncated', {
            shown: network.data.identifiers.length,
            total: network.data.totals.identifiers,
            items: network.data.totals.items,
          })}
        </p>
      )}
      {shared.length === 0 ? (
        <p className="empty">{t('tab.networkEmpty')}</p>
      ) : (
        <div className="recruitment-network-table">
          <table>
            <tbody>
              {shared.map((i) => (
                <tr key={i.key} data-identifier={i.key}>
                  <td>{i.type}</td>
                  <td>
                    <code>{i.value}</code>
                  </td>
                  <td>
                    {t('tab.items')}: {i.degree}
                  </td>
                  <td>
                    {i.firstSeen.slice(0, 10)} – {i.lastSeen.slice(0, 10)}
                  </td>
                  <td>
                    {added[i.key] ? (
                      <span role="status">{t('tab.added')}</span>
                    ) : (
                      <button type="button" onClick={() => void add(i.type, i.value, i.key)}>
                        {t('tab.addToCase')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {t('tab.exportAs')}: <a href={recruitmentApi.networkExport(caseId, 'graphml')}>GraphML</a> ·{' '}
        <a href={recruitmentApi.networkExport(caseId, 'csv')}>CSV</a> ·{' '}
        <a href={recruitmentApi.networkExport(caseId, 'ftm')}>FollowTheMoney</a>
      </p>
    </section>
  );
}

export function RecruitmentTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation('recruitment');
  const [version, setVersion] = useState(0);
  const items = useApi<recruitment.ItemListResponse>(recruitmentApi.items(caseId));
  const { reload } = items;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="recruitment-tab">
      <ImportForm caseId={caseId} onDone={() => setVersion((v) => v + 1)} />
      <section className="panel">
        <h2>{t('tab.itemsTitle')}</h2>
        <ErrorNotice error={items.error} />
        {items.loading && !items.data ? (
          <Loading />
        ) : (items.data?.items ?? []).length === 0 ? (
          <p className="empty">{t('tab.itemsEmpty')}</p>
        ) : (
          <ul className="plain rows" data-testid="recruitment-items">
            {items.data!.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="link-button" onClick={() => setSelected(item.id)}>
                  <strong>{item.score}</strong> {item.flagged && <span className="badge">{t('tab.flagged')}</span>}{' '}
                  {item.excerpt}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      {selected && <ItemView itemId={selected} onMarked={() => setVersion((v) => v + 1)} />}
      <TemplatesPanel caseId={caseId} version={version} onOpenItem={setSelected} />
      <NetworkPanel caseId={caseId} version={version} />
    </div>
  );
}
