// The crypto tab of a case: import explorer exports and tag packs, trace a wallet forward or backward, see the flow
// as a graph or a table with a detail panel for every node and edge, save the trace (reproducible) and export it.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { crypto } from '@trag/contracts';
import { apiPost, apiUpload } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice, Loading } from '../../components/error-notice';
import type { CaseTabProps } from '../cases/case-tabs';
import { cryptoApi } from './crypto.api';
import {
  amount,
  buildFlow,
  CLUSTER_PREFIX,
  FlowGraph,
  short,
  traceClusters,
  type FlowCluster,
  type Selection,
} from './flow-graph';
import './crypto.css';

const KINDS = ['etherscan_csv', 'trongrid_json', 'tronscan_csv', 'esplora_json', 'tagpack_yaml', 'tag_csv'] as const;
const EXPORTS = ['pdf', 'csv', 'transfers_csv', 'graphml', 'ftm', 'data_request'] as const;

function ImportForm({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { t } = useTranslation('crypto');
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<(typeof KINDS)[number]>('etherscan_csv');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [outcome, setOutcome] = useState<crypto.ImportSummary | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const body: crypto.ImportRequest = { kind, fileName: file.name, content: await file.text() };
      setOutcome(await apiPost<crypto.ImportSummary>(cryptoApi.imports(caseId), body));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="crypto-row" onSubmit={(e) => void submit(e)}>
      <label>
        {t('import.file')}{' '}
        <input type="file" data-testid="crypto-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        {t('import.kind')}{' '}
        <select
          value={kind}
          data-testid="crypto-kind"
          onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`import.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!file || busy}>
        {t('import.submit')}
      </button>
      {outcome && (
        <span role="status" data-testid="crypto-import-result">
          {t(outcome.alreadyImported ? 'import.already' : 'import.done', {
            records: outcome.records,
            added: outcome.added,
          })}
          {outcome.stats.warnings.length > 0 && ` · ${t('import.warnings', { n: outcome.stats.warnings.length })}`}
        </span>
      )}
      <ErrorNotice error={error} />
    </form>
  );
}

function BlocksForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('crypto');
  const [file, setFile] = useState<File | null>(null);
  const [watch, setWatch] = useState<'wallets' | 'all'>('wallets');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [outcome, setOutcome] = useState<crypto.ImportSummary | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await apiUpload<crypto.ImportSummary>(cryptoApi.blocks(caseId, file.name, watch), file));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="crypto-row" onSubmit={(e) => void submit(e)} data-testid="crypto-blocks-form">
      <label>
        {t('blocks.file')}{' '}
        <input type="file" data-testid="crypto-blocks-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        {t('blocks.keep')}{' '}
        <select value={watch} onChange={(e) => setWatch(e.target.value as 'wallets' | 'all')}>
          <option value="wallets">{t('blocks.wallets')}</option>
          <option value="all">{t('blocks.all')}</option>
        </select>
      </label>
      <button type="submit" disabled={!file || busy}>
        {t('blocks.submit')}
      </button>
      {outcome && <ImportOutcome outcome={outcome} />}
      <ErrorNotice error={error} />
    </form>
  );
}

function ImportOutcome({ outcome }: { outcome: crypto.ImportSummary }) {
  const { t } = useTranslation('crypto');
  return (
    <span role="status" data-testid="crypto-import-result">
      {t(outcome.alreadyImported ? 'import.already' : 'import.done', {
        records: outcome.records,
        added: outcome.added,
      })}
      {outcome.stats.warnings.length > 0 && ` · ${outcome.stats.warnings.join(' ')}`}
    </span>
  );
}

/** "Fetch from the configured node/explorer": shown only when the server has one configured. */
function FetchForm({
  caseId,
  connector,
}: {
  caseId: string;
  connector: crypto.ConnectorListResponse['connectors'][number];
}) {
  const { t } = useTranslation('crypto');
  const [address, setAddress] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [watch, setWatch] = useState<'wallets' | 'all'>('wallets');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [outcome, setOutcome] = useState<crypto.ImportSummary | null>(null);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: crypto.FetchRequest =
        connector.accepts === 'address'
          ? { kind: 'address', address: address.trim() }
          : { kind: 'blocks', fromHeight: Number(from), toHeight: Number(to || from), watch };
      setOutcome(await apiPost<crypto.ImportSummary>(cryptoApi.fetch(caseId), body));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="crypto-row" onSubmit={(e) => void submit(e)} data-testid={`crypto-fetch-${connector.kind}`}>
      <strong>{t(`fetch.${connector.kind}`, { endpoint: connector.endpoint })}</strong>
      {connector.accepts === 'address' ? (
        <label>
          {t('fetch.address')} <input value={address} size={46} required onChange={(e) => setAddress(e.target.value)} />
        </label>
      ) : (
        <>
          <label>
            {t('fetch.from')}{' '}
            <input type="number" min={0} value={from} required onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('fetch.to')} <input type="number" min={0} value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <select value={watch} onChange={(e) => setWatch(e.target.value as 'wallets' | 'all')}>
            <option value="wallets">{t('blocks.wallets')}</option>
            <option value="all">{t('blocks.all')}</option>
          </select>
        </>
      )}
      <button type="submit" disabled={busy}>
        {t('fetch.submit')}
      </button>
      {outcome && <ImportOutcome outcome={outcome} />}
      <ErrorNotice error={error} />
    </form>
  );
}

/** Runs multi-input clustering over the case's Bitcoin data, so traces can group addresses by owner. */
function ClusterButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation('crypto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [outcome, setOutcome] = useState<crypto.ClusterResponse | null>(null);
  async function run() {
    setBusy(true);
    setError(undefined);
    try {
      setOutcome(await apiPost<crypto.ClusterResponse>(cryptoApi.cluster(caseId), {}));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="crypto-row">
      <button type="button" disabled={busy} onClick={() => void run()} data-testid="crypto-cluster-run">
        {t('clusters.run')}
      </button>
      {outcome && (
        <span role="status" data-testid="crypto-cluster-result">
          {t('clusters.done', { clusters: outcome.clusters.length, coinjoins: outcome.coinjoinsExcluded.length })}
        </span>
      )}
      <ErrorNotice error={error} />
    </div>
  );
}

function DetailPanel({
  trace,
  selection,
  onHide,
  onToggleCluster,
  clusterLabel,
}: {
  trace: crypto.TraceResponse;
  selection: Selection;
  onHide(id: string): void;
  onToggleCluster(id: string): void;
  clusterLabel(c: FlowCluster): string;
}) {
  const { t } = useTranslation('crypto');
  if (!selection) return <aside className="crypto-detail">{t('detail.hint')}</aside>;
  if (selection.kind === 'node' && selection.id.startsWith(CLUSTER_PREFIX)) {
    const cluster = traceClusters(trace).find((c) => `${CLUSTER_PREFIX}${c.id}` === selection.id);
    if (!cluster) return <aside className="crypto-detail">{t('detail.hint')}</aside>;
    return (
      <aside className="crypto-detail" data-testid="crypto-detail">
        <h3>{clusterLabel(cluster)}</h3>
        {cluster.tag && (
          <p className="crypto-tag">
            <strong>{cluster.tag.label}</strong> — {cluster.tag.category ?? '–'} · {t('detail.source')}:{' '}
            {cluster.tag.source ?? cluster.tag.pack}
          </p>
        )}
        <p>{t('clusters.why')}</p>
        <ul>
          {cluster.members.map((m) => (
            <li key={m} className="crypto-mono">
              {m}
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => onToggleCluster(cluster.id)}>
          {t('clusters.expand')}
        </button>
      </aside>
    );
  }
  if (selection.kind === 'node') {
    const node = selection.id;
    const endpoint = trace.result.endpoints.find((e) => e.node === node);
    const tags = trace.tags[node] ?? [];
    const transfers = trace.result.edges.filter((e) => e.transfer.from === node || e.transfer.to === node);
    return (
      <aside className="crypto-detail" data-testid="crypto-detail">
        <h3 className="crypto-mono">{node}</h3>
        {trace.otherCases[node] ? (
          <p className="crypto-hit">{t('detail.otherCases', { n: trace.otherCases[node] })}</p>
        ) : null}
        {endpoint && (
          <p>
            {t(`reasons.${endpoint.reason}`)}
            {endpoint.stopReason ? ` (${endpoint.stopReason})` : ''}: <strong>{amount(endpoint.amount)}</strong> ·{' '}
            {(endpoint.share * 100).toFixed(2)}%
          </p>
        )}
        {tags.map((tag) => (
          <p key={`${tag.pack}-${tag.label}`} className="crypto-tag">
            <strong>{tag.label}</strong> — {tag.category ?? '–'} · {t('detail.confidence')}: {tag.confidence ?? '–'} ·{' '}
            {t('detail.source')}: {tag.source ?? tag.pack}
          </p>
        ))}
        <h4>{t('detail.transfers')}</h4>
        <ul>
          {transfers.map((e) => (
            <li key={e.transfer.id} className="crypto-mono">
              {new Date(e.transfer.time).toISOString().slice(0, 16)} {short(e.transfer.from)} → {short(e.transfer.to)}{' '}
              {amount(e.transfer.amount)} {e.transfer.asset} ({t('detail.traced')} {amount(e.traced)}){' '}
              {short(e.transfer.txHash)}
            </li>
          ))}
        </ul>
        <button type="button" onClick={() => onHide(node)}>
          {t('detail.hide')}
        </button>
      </aside>
    );
  }
  const flow = buildFlow(trace, new Set());
  const edge = flow.edges.find((e) => e.id === selection.id);
  if (!edge) return <aside className="crypto-detail">{t('detail.hint')}</aside>;
  return (
    <aside className="crypto-detail" data-testid="crypto-detail">
      <h3>
        {short(edge.source)} → {short(edge.target)}
      </h3>
      <p>
        {t('detail.traced')}:{' '}
        <strong>
          {amount(edge.traced)} {edge.asset}
        </strong>
      </p>
      <ul>
        {edge.transfers.map((e) => (
          <li key={e.transfer.id} className="crypto-mono">
            {new Date(e.transfer.time).toISOString().slice(0, 16)} {amount(e.transfer.amount)} {e.transfer.asset} ·{' '}
            {t('detail.hop')} {e.hop} · {e.transfer.txHash}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function ResultView({ trace }: { trace: crypto.TraceResponse }) {
  const { t } = useTranslation('crypto');
  const [view, setView] = useState<'graph' | 'table'>('graph');
  const [selection, setSelection] = useState<Selection>(null);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const clusters = useMemo(() => traceClusters(trace), [trace]);
  const toggleCluster = (id: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setSelection(null);
  };
  const clusterLabel = (c: FlowCluster) =>
    t('clusters.label', { name: c.tag?.label ?? short(c.id), shown: c.members.length, size: c.size });
  const times = trace.result.edges.map((e) => e.transfer.time);
  const [min, max] = [Math.min(...times), Math.max(...times)];
  const [until, setUntil] = useState(max);
  const reached = trace.result.endpoints.filter((e) => e.reason === 'stopped');
  return (
    <div className="crypto-result">
      <p data-testid="crypto-summary">
        {t('result.summary', { value: amount(trace.result.seedValue), endpoints: trace.result.endpoints.length })}
        {reached.map((e) => (
          <span key={e.node} className="crypto-reached">
            {' '}
            ⇄ {e.stopReason} — {amount(e.amount)} ({(e.share * 100).toFixed(1)}%)
          </span>
        ))}
        {trace.result.truncated && <span className="crypto-hit"> {t('result.truncated')}</span>}
      </p>
      <div className="crypto-row">
        <button type="button" aria-pressed={view === 'graph'} onClick={() => setView('graph')}>
          {t('result.graph')}
        </button>
        <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
          {t('result.table')}
        </button>
        {hidden.size > 0 && (
          <button type="button" onClick={() => setHidden(new Set())}>
            {t('result.showHidden', { n: hidden.size })}
          </button>
        )}
        {clusters.map((c) => (
          <button
            key={c.id}
            type="button"
            aria-pressed={collapsed.has(c.id)}
            data-testid="crypto-cluster-toggle"
            onClick={() => toggleCluster(c.id)}
          >
            {t(collapsed.has(c.id) ? 'clusters.expandNamed' : 'clusters.collapseNamed', { name: clusterLabel(c) })}
          </button>
        ))}
        {Number.isFinite(min) && max > min && (
          <label>
            {t('result.until')} {new Date(until).toISOString().slice(0, 16)}{' '}
            <input type="range" min={min} max={max} value={until} onChange={(e) => setUntil(Number(e.target.value))} />
          </label>
        )}
      </div>
      <div className="crypto-split">
        {view === 'graph' ? (
          <FlowGraph
            trace={trace}
            hidden={hidden}
            until={until}
            selection={selection}
            onSelect={setSelection}
            collapsed={collapsed}
            onToggleCluster={toggleCluster}
            clusterLabel={clusterLabel}
          />
        ) : (
          <table className="crypto-table" data-testid="crypto-table">
            <thead>
              <tr>
                <th>{t('table.endpoint')}</th>
                <th>{t('table.reason')}</th>
                <th>{t('table.amount')}</th>
                <th>{t('table.share')}</th>
                <th>{t('table.path')}</th>
              </tr>
            </thead>
            <tbody>
              {trace.result.endpoints.flatMap((e) =>
                e.paths.slice(0, 20).map((p, i) => (
                  <tr key={`${e.node}-${e.reason}-${i}`} onClick={() => setSelection({ kind: 'node', id: e.node })}>
                    <td className="crypto-mono">{trace.tags[e.node]?.[0]?.label ?? short(e.node)}</td>
                    <td>{t(`reasons.${e.reason}`)}</td>
                    <td>{amount(p.amount)}</td>
                    <td>{((p.amount / Math.max(1e-12, trace.result.seedValue)) * 100).toFixed(2)}%</td>
                    <td className="crypto-mono">
                      {p.nodes
                        .filter((n) => !n.startsWith('btc-tx:'))
                        .map(short)
                        .join(' → ')}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
        <DetailPanel
          trace={trace}
          selection={selection}
          onHide={(id) => setHidden((h) => new Set([...h, id]))}
          onToggleCluster={toggleCluster}
          clusterLabel={clusterLabel}
        />
      </div>
    </div>
  );
}

export function CryptoTab({ caseId }: CaseTabProps) {
  const { t } = useTranslation('crypto');
  const id = useId();
  const saved = useApi<crypto.SavedTraceListResponse>(cryptoApi.traces(caseId));
  const connectors = useApi<crypto.ConnectorListResponse>(cryptoApi.connectors());
  const [seed, setSeed] = useState('');
  const [direction, setDirection] = useState<'forward' | 'backward'>('forward');
  const [method, setMethod] = useState<'fifo' | 'haircut' | 'poison'>('fifo');
  const [maxHops, setMaxHops] = useState(5);
  const [asset, setAsset] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [trace, setTrace] = useState<crypto.TraceResponse | null>(null);
  const [verified, setVerified] = useState<Record<string, boolean>>({});
  const request = useMemo<crypto.TraceRequest>(
    () => ({ seed: { address: seed.trim() }, direction, method, maxHops, maxNodes: 500, ...(asset ? { asset } : {}) }),
    [seed, direction, method, maxHops, asset],
  );

  async function run(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setTrace(await apiPost<crypto.TraceResponse>(cryptoApi.trace(caseId), request));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  async function save() {
    setError(undefined);
    try {
      await apiPost<crypto.SavedTrace>(cryptoApi.traces(caseId), {
        title: `${method.toUpperCase()} ${direction} ${short(seed.trim())}`,
        request,
      });
      saved.reload();
    } catch (err) {
      setError(err);
    }
  }
  async function verify(traceId: string) {
    try {
      const r = await apiPost<crypto.VerifyTraceResponse>(cryptoApi.verify(caseId, traceId), {});
      setVerified((v) => ({ ...v, [traceId]: r.same }));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <div className="crypto-tab">
      <section className="panel" aria-labelledby={`${id}-import`}>
        <h2 id={`${id}-import`}>{t('import.title')}</h2>
        <ImportForm caseId={caseId} onDone={() => undefined} />
        <BlocksForm caseId={caseId} />
        <ClusterButton caseId={caseId} />
        {connectors.data?.connectors.map((c) => (
          <FetchForm key={c.kind} caseId={caseId} connector={c} />
        ))}
      </section>
      <section className="panel" aria-labelledby={`${id}-trace`}>
        <h2 id={`${id}-trace`}>{t('trace.title')}</h2>
        <form className="crypto-row" onSubmit={(e) => void run(e)}>
          <label>
            {t('trace.seed')}{' '}
            <input
              value={seed}
              data-testid="crypto-seed"
              size={46}
              onChange={(e) => setSeed(e.target.value)}
              required
            />
          </label>
          <label>
            {t('trace.direction')}{' '}
            <select value={direction} onChange={(e) => setDirection(e.target.value as 'forward' | 'backward')}>
              <option value="forward">{t('trace.forward')}</option>
              <option value="backward">{t('trace.backward')}</option>
            </select>
          </label>
          <label>
            {t('trace.method')}{' '}
            <select
              value={method}
              data-testid="crypto-method"
              onChange={(e) => setMethod(e.target.value as 'fifo' | 'haircut' | 'poison')}
            >
              <option value="fifo">{t('methods.fifo')}</option>
              <option value="haircut">{t('methods.haircut')}</option>
              <option value="poison">{t('methods.poison')}</option>
            </select>
          </label>
          <label>
            {t('trace.hops')}{' '}
            <input
              type="number"
              min={1}
              max={20}
              value={maxHops}
              onChange={(e) => setMaxHops(Number(e.target.value))}
            />
          </label>
          <label>
            {t('trace.asset')}{' '}
            <input value={asset} size={6} placeholder="USDT" onChange={(e) => setAsset(e.target.value.toUpperCase())} />
          </label>
          <button type="submit" disabled={busy || !seed.trim()} data-testid="crypto-run">
            {t('trace.run')}
          </button>
          {trace && (
            <button type="button" onClick={() => void save()} data-testid="crypto-save">
              {t('trace.save')}
            </button>
          )}
        </form>
        <p className="crypto-help">{t(`methodHelp.${method}`)}</p>
        <ErrorNotice error={error} />
        {trace && <ResultView trace={trace} />}
      </section>
      <section className="panel" aria-labelledby={`${id}-saved`}>
        <h2 id={`${id}-saved`}>{t('saved.title')}</h2>
        {saved.loading && <Loading />}
        <ErrorNotice error={saved.error} />
        <ul className="crypto-saved" data-testid="crypto-saved">
          {saved.data?.traces.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong> · {s.createdAt.slice(0, 16)} ·{' '}
              <span className="crypto-mono">{s.resultSha256.slice(0, 12)}</span>{' '}
              {EXPORTS.map((f) => (
                <a key={f} href={cryptoApi.export(caseId, s.id, f)} download data-testid={`crypto-export-${f}`}>
                  {t(`saved.exports.${f}`)}
                </a>
              ))}{' '}
              <button type="button" onClick={() => void verify(s.id)}>
                {t('saved.verify')}
              </button>
              {verified[s.id] !== undefined && (
                <span role="status">{t(verified[s.id] ? 'saved.same' : 'saved.changed')}</span>
              )}
            </li>
          ))}
          {saved.data && saved.data.traces.length === 0 && <li>{t('saved.none')}</li>}
        </ul>
      </section>
    </div>
  );
}
