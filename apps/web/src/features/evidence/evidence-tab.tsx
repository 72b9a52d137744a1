// The case page's "Evidence" tab: the case's items (filter by type, exhibit, collector, date), drag-and-drop upload
// with the collection record (description, legal basis, source, location, device), and court bundle export.
import { useId, useMemo, useState, type DragEvent, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { evidence } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { queryString, useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import { useFormat } from '../../i18n/format';
import type { CaseTabProps } from '../cases/case-tabs';
import { evidenceApi, formatBytes, uploadEvidence } from './evidence.api';
import { EvidenceThumbnail } from './evidence-thumbnail';
import './evidence.css';
import { HandlingBadge } from '../cooperation/handling-badge';

const KINDS = ['file', 'chat_export', 'web_capture'] as const;

export function EvidenceTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [filter, setFilter] = useState({ kind: '', exhibit: '', collector: '', from: '', to: '' });
  const path = evidenceApi.caseEvidence(
    caseId,
    queryString({
      kind: filter.kind,
      exhibit: filter.exhibit,
      collector: filter.collector,
      from: filter.from ? `${filter.from}T00:00:00.000Z` : '',
      to: filter.to ? `${filter.to}T23:59:59.999Z` : '',
    }),
  );
  const list = useApi<evidence.EvidenceListResponse>(path);
  const [files, setFiles] = useState<File[]>([]);
  const [fields, setFields] = useState({ description: '', legalBasis: '', source: '', location: '', device: '' });
  const [importExport, setImportExport] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [exported, setExported] = useState<evidence.EvidenceExport | null>(null);
  const [exporting, setExporting] = useState(false);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const [captureUrl, setCaptureUrl] = useState('');
  const [capturing, setCapturing] = useState(false);

  async function capture(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setCapturing(true);
    try {
      await apiPost<evidence.EvidenceCaptureResponse>(evidenceApi.capture(caseId), {
        url: captureUrl,
        description: fields.description || captureUrl,
        ...(fields.legalBasis ? { legalBasis: fields.legalBasis } : {}),
      });
      setCaptureUrl('');
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setCapturing(false);
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    setFiles([...event.dataTransfer.files]);
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      for (const [index, file] of files.entries()) {
        await uploadEvidence<evidence.EvidenceItem>(caseId, file, { ...fields, import: importExport }, (f) =>
          setProgress((index + f) / files.length),
        );
      }
      setFiles([]);
      setFields({ ...fields, description: '' });
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  async function exportBundle() {
    setError(undefined);
    setExporting(true);
    try {
      setExported(await apiPost<evidence.EvidenceExport>(evidenceApi.exports(caseId), { itemIds: [...selected] }));
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setExporting(false);
    }
  }

  const toggle = (itemId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });

  return (
    <div className="grid-main-side">
      <div>
        <section className="panel" aria-labelledby={`${id}-list`}>
          <div className="panel-header">
            <h2 id={`${id}-list`}>{t('evidence:list.title')}</h2>
            <button
              type="button"
              className="button button-primary"
              disabled={selected.size === 0 || exporting}
              onClick={() => void exportBundle()}
            >
              {exporting ? t('evidence:export.working') : t('evidence:export.button', { count: selected.size })}
            </button>
          </div>
          <div className="filters" role="search">
            <label className="field">
              <span className="field-label">{t('evidence:filter.kind')}</span>
              <select value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })}>
                <option value="">{t('evidence:filter.all')}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`evidence:kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field-label">{t('evidence:filter.exhibit')}</span>
              <input value={filter.exhibit} onChange={(e) => setFilter({ ...filter, exhibit: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('evidence:filter.collector')}</span>
              <input value={filter.collector} onChange={(e) => setFilter({ ...filter, collector: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('evidence:filter.from')}</span>
              <input type="date" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('evidence:filter.to')}</span>
              <input type="date" value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
            </label>
          </div>
          <ErrorNotice error={list.error} />
          {exported && (
            <div className="notice notice-success" role="status" data-testid="export-result">
              {t('evidence:export.done', { count: exported.itemCount })}{' '}
              <a href={evidenceApi.exportDownload(exported.id)} download={exported.fileName}>
                {exported.fileName}
              </a>
              <div className="small mono">SHA-256 {exported.sha256}</div>
              <div className="small">{t('evidence:export.verifyHint')}</div>
            </div>
          )}
          {list.loading && !list.data ? (
            <Loading />
          ) : items.length === 0 ? (
            <p className="empty">{t('evidence:list.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data" data-testid="evidence-list">
                <thead>
                  <tr>
                    <th>
                      <span className="visually-hidden">{t('evidence:list.select')}</span>
                    </th>
                    <th>{t('evidence:fields.exhibit')}</th>
                    <th>{t('evidence:fields.description')}</th>
                    <th>{t('evidence:fields.kind')}</th>
                    <th>{t('evidence:fields.size')}</th>
                    <th>{t('evidence:fields.collected')}</th>
                    <th>SHA-256</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((item) => (
                    <tr key={item.id}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('evidence:list.selectItem', { exhibit: item.exhibitNumber })}
                          checked={selected.has(item.id)}
                          onChange={() => toggle(item.id)}
                        />
                      </td>
                      <td className="mono">
                        <Link to={`/evidence/${item.id}`}>{item.exhibitNumber}</Link>{' '}
                        <HandlingBadge caseId={caseId} recordId={item.id} />
                      </td>
                      <td>
                        <EvidenceThumbnail item={item} />
                        <div className="row-title">{item.description}</div>
                        <div className="row-meta">
                          {item.fileName}
                          {item.duplicateOf.length > 0 && (
                            <span className="badge badge-warn">
                              {t('evidence:list.duplicate', { exhibits: item.duplicateOf.join(', ') })}
                            </span>
                          )}
                        </div>
                      </td>
                      <td>{t(`evidence:kinds.${item.kind}`)}</td>
                      <td className="num">{formatBytes(item.size, format.locale)}</td>
                      <td>
                        <div>{format.dateTime(item.collectedAt)}</div>
                        <div className="row-meta">{item.collectedByName}</div>
                      </td>
                      <td className="mono small" title={item.sha256}>
                        {item.sha256.slice(0, 12)}…
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
      <aside>
        <section className="panel" aria-labelledby={`${id}-upload`}>
          <h2 id={`${id}-upload`}>{t('evidence:upload.title')}</h2>
          <form onSubmit={(e) => void upload(e)}>
            <div
              className={`evidence-drop${dragging ? ' evidence-drop-active' : ''}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
              data-testid="evidence-drop"
            >
              <p>{t('evidence:upload.drop')}</p>
              <label className="field">
                <span className="field-label">{t('evidence:upload.choose')}</span>
                <input type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
              </label>
              {files.length > 0 && (
                <ul className="small">
                  {files.map((f) => (
                    <li key={f.name}>
                      {f.name} ({formatBytes(f.size, format.locale)})
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <label className="field">
              <span className="field-label">{t('evidence:fields.description')}</span>
              <input
                required
                value={fields.description}
                onChange={(e) => setFields({ ...fields, description: e.target.value })}
              />
            </label>
            {(['legalBasis', 'source', 'location', 'device'] as const).map((name) => (
              <label className="field" key={name}>
                <span className="field-label">{t(`evidence:fields.${name}`)}</span>
                <input value={fields[name]} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} />
              </label>
            ))}
            <label className="checkbox">
              <input type="checkbox" checked={importExport} onChange={(e) => setImportExport(e.target.checked)} />
              {t('evidence:upload.import')}
            </label>
            <p className="field-hint">{t('evidence:upload.importHint')}</p>
            <ErrorNotice error={error} />
            {progress !== null && (
              <progress value={progress} max={1} aria-label={t('evidence:upload.progress')}>
                {Math.round(progress * 100)}%
              </progress>
            )}
            <div className="form-actions">
              <button
                type="submit"
                className="button button-primary"
                disabled={files.length === 0 || progress !== null}
              >
                {t('evidence:upload.submit')}
              </button>
            </div>
          </form>
        </section>
        <section className="panel" aria-labelledby={`${id}-capture`}>
          <h2 id={`${id}-capture`}>{t('evidence:capture.title')}</h2>
          <form onSubmit={(e) => void capture(e)}>
            <label className="field">
              <span className="field-label">{t('evidence:capture.url')}</span>
              <input type="url" required value={captureUrl} onChange={(e) => setCaptureUrl(e.target.value)} />
            </label>
            <p className="field-hint">{t('evidence:capture.hint')}</p>
            <div className="form-actions">
              <button type="submit" className="button" disabled={capturing || captureUrl === ''}>
                {capturing ? t('evidence:capture.working') : t('evidence:capture.submit')}
              </button>
            </div>
          </form>
        </section>
      </aside>
    </div>
  );
}
