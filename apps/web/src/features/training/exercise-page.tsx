// A hands-on exercise on sandbox data: the synthetic material, the sandbox tool (Trag's own template finder, tracer,
// evidence export and verifier run on the material), the answer form and the checked feedback. The session's trainer
// sees the same page with the answer key.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { training } from '@trag/contracts';
import { apiPost } from '../../api/client';
import { useApi } from '../../api/use-api';
import { ErrorNotice } from '../../components/error-notice';
import { trainingApi } from './training.api';

interface AdsMaterial {
  ads: { id: string; text: string }[];
}
interface TraceMaterial {
  seedAddress: string;
  asset: string;
  transfers: { id: string; from: string; to: string; amount: number; time: number }[];
  tags: { address: string; label: string }[];
}
interface ChatMaterial {
  fileName: string;
  chatText: string;
}
interface ScreeningMaterial {
  person: { pseudonym: string; age: number; sector: string };
  statements: { id: string; source: string; text: string }[];
}
type ToolResult = Record<string, unknown>;

/** Long material scrolls inside its panel. */
const SCROLL = { maxHeight: '24rem', overflow: 'auto' } as const;

export function TrainingExercisePage() {
  const { t } = useTranslation();
  const { exerciseId = '' } = useParams();
  const detail = useApi<training.ExerciseDetail>(trainingApi.exercise(exerciseId));
  const [error, setError] = useState<unknown>(undefined);
  const [tool, setTool] = useState<ToolResult | null>(null);
  const [verdict, setVerdict] = useState<training.AnswerVerdict | null>(null);

  async function run(body: training.ToolRequest) {
    try {
      setTool(await apiPost<ToolResult>(trainingApi.exerciseTool(exerciseId), body));
      setError(undefined);
    } catch (err) {
      setError(err);
    }
  }

  async function answer(body: training.AnswerRequest) {
    try {
      setVerdict(await apiPost<training.AnswerVerdict>(trainingApi.exerciseAnswer(exerciseId), body));
      setError(undefined);
      detail.reload();
    } catch (err) {
      setError(err);
    }
  }

  const data = detail.data;
  if (!data)
    return (
      <div className="page">
        <ErrorNotice error={detail.error} />
      </div>
    );
  const kind = data.exercise.kind;
  const shown = verdict ?? data.work?.verdict ?? null;
  return (
    <div className="page">
      <h1>{t(`training:exercises.kinds.${kind}`)}</h1>
      <p className="notice">{t('training:exercises.sandbox')}</p>
      <p>{t(`training:exercises.tasks.${kind}`)}</p>
      <ErrorNotice error={error} />
      {kind === 'ad-templates' && (
        <AdTemplates material={data.material as AdsMaterial} tool={tool} onRun={run} onAnswer={answer} />
      )}
      {kind === 'wallet-trace' && (
        <WalletTrace material={data.material as TraceMaterial} tool={tool} onRun={run} onAnswer={answer} />
      )}
      {kind === 'chat-evidence' && (
        <ChatEvidence
          exerciseId={exerciseId}
          material={data.material as ChatMaterial}
          tool={tool}
          onRun={run}
          onAnswer={answer}
        />
      )}
      {kind === 'screening-referral' && data.screening && (
        <ScreeningReferral material={data.material as ScreeningMaterial} options={data.screening} onAnswer={answer} />
      )}
      {shown && <Feedback verdict={shown} />}
      {data.answerKey !== null && data.answerKey !== undefined && (
        <section className="panel" aria-labelledby="exercise-key">
          <h2 id="exercise-key">{t('training:exercises.answerKey')}</h2>
          <pre className="mono">{JSON.stringify(data.answerKey, null, 2)}</pre>
        </section>
      )}
    </div>
  );
}

function Feedback({ verdict }: { verdict: training.AnswerVerdict }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="exercise-feedback" aria-live="polite">
      <h2 id="exercise-feedback">{t('training:exercises.feedback')}</h2>
      <p data-testid="exercise-verdict">
        <strong>{verdict.correct ? t('training:exercises.correct') : t('training:exercises.notYet')}</strong>
      </p>
      <ul className="plain rows">
        {verdict.parts.map((p) => (
          <li key={p.part}>
            {p.correct ? '✓' : '✗'} {p.feedback}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnswerForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="exercise-answer">
      <h2 id="exercise-answer">{t('training:exercises.answer')}</h2>
      <form
        className="form-row"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <button type="submit" className="button">
          {t('training:exercises.submit')}
        </button>
      </form>
    </section>
  );
}

interface KindProps<M> {
  material: M;
  tool: ToolResult | null;
  onRun: (body: training.ToolRequest) => Promise<void>;
  onAnswer: (body: training.AnswerRequest) => Promise<void>;
}

function AdTemplates({ material, tool, onRun, onAnswer }: KindProps<AdsMaterial>) {
  const { t } = useTranslation();
  const [adId, setAdId] = useState('');
  const [phone, setPhone] = useState('');
  const clusters =
    (tool?.clusters as {
      cluster: number;
      size: number;
      template: string;
      phones: { phone: string; ads: number }[];
    }[]) ?? null;
  return (
    <>
      <section className="panel" aria-labelledby="exercise-material">
        <h2 id="exercise-material">{t('training:exercises.ads', { count: material.ads.length })}</h2>
        <ol className="plain rows" style={SCROLL}>
          {material.ads.map((a) => (
            <li key={a.id}>
              <span className="mono">{a.id}</span> {a.text}
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={() => void onRun({ tool: 'find-templates' })}>
          {t('training:exercises.findTemplates')}
        </button>
        {clusters && (
          <ol className="plain rows" data-testid="exercise-clusters">
            {clusters.map((c) => (
              <li key={c.cluster}>
                <strong>{t('training:exercises.clusterSize', { count: c.size })}</strong> — {c.template}
                <br />
                {c.phones.map((p) => `${p.phone} (${p.ads})`).join(', ')}
              </li>
            ))}
          </ol>
        )}
      </section>
      <AnswerForm onSubmit={() => void onAnswer({ kind: 'ad-templates', adId, phone })}>
        <label>
          {t('training:exercises.adId')}
          <input name="adId" value={adId} onChange={(e) => setAdId(e.target.value)} required />
        </label>
        <label>
          {t('training:exercises.phone')}
          <input name="phone" value={phone} onChange={(e) => setPhone(e.target.value)} required />
        </label>
      </AnswerForm>
    </>
  );
}

function WalletTrace({ material, tool, onRun, onAnswer }: KindProps<TraceMaterial>) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<'fifo' | 'haircut' | 'poison'>('fifo');
  const [exchange, setExchange] = useState('');
  const [address, setAddress] = useState('');
  const endpoints =
    (tool?.endpoints as { node: string; stopReason: string | null; amount: number; share: number; reason: string }[]) ??
    null;
  return (
    <>
      <section className="panel" aria-labelledby="exercise-material">
        <h2 id="exercise-material">{t('training:exercises.wallet')}</h2>
        <p className="mono">{material.seedAddress}</p>
        <details>
          <summary>{t('training:exercises.transfers', { count: material.transfers.length })}</summary>
          <table>
            <tbody>
              {material.transfers.map((tr) => (
                <tr key={tr.id}>
                  <td>{new Date(tr.time).toISOString().slice(0, 16)}</td>
                  <td className="mono">{tr.from.slice(0, 12)}…</td>
                  <td className="mono">{tr.to.slice(0, 12)}…</td>
                  <td>
                    {tr.amount} {material.asset}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <ul className="plain">
          {material.tags.map((tag) => (
            <li key={tag.address}>
              <span className="mono">{tag.address}</span> — {tag.label}
            </li>
          ))}
        </ul>
        <div className="form-row">
          <label>
            {t('training:exercises.method')}
            <select
              name="method"
              value={method}
              onChange={(e) => setMethod(e.target.value as 'fifo' | 'haircut' | 'poison')}
            >
              <option value="fifo">FIFO</option>
              <option value="haircut">haircut</option>
              <option value="poison">poison</option>
            </select>
          </label>
          <button type="button" className="button" onClick={() => void onRun({ tool: 'trace', method })}>
            {t('training:exercises.trace')}
          </button>
        </div>
        {endpoints && (
          <table data-testid="exercise-endpoints">
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.node + e.reason}>
                  <td className="mono">{e.node}</td>
                  <td>{e.stopReason ?? e.reason}</td>
                  <td>{e.amount}</td>
                  <td>{Math.round(e.share * 100)} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <AnswerForm
        onSubmit={() =>
          void onAnswer({
            kind: 'wallet-trace',
            exchange,
            ...(address ? { depositAddress: address } : {}),
          })
        }
      >
        <label>
          {t('training:exercises.exchange')}
          <input name="exchange" value={exchange} onChange={(e) => setExchange(e.target.value)} required />
        </label>
        <label>
          {t('training:exercises.depositAddress')}
          <input name="depositAddress" value={address} onChange={(e) => setAddress(e.target.value)} />
        </label>
      </AnswerForm>
    </>
  );
}

function ChatEvidence({
  exerciseId,
  material,
  tool,
  onRun,
  onAnswer,
}: KindProps<ChatMaterial> & { exerciseId: string }) {
  const { t } = useTranslation();
  const [sha, setSha] = useState('');
  const [messages, setMessages] = useState('');
  return (
    <>
      <section className="panel" aria-labelledby="exercise-material">
        <h2 id="exercise-material">{material.fileName}</h2>
        <pre style={SCROLL}>{material.chatText}</pre>
        <div className="form-row">
          <button type="button" className="button" onClick={() => void onRun({ tool: 'collect-export' })}>
            {t('training:exercises.collectExport')}
          </button>
          <a className="button" href={trainingApi.exerciseBundle(exerciseId)}>
            {t('training:exercises.download')}
          </a>
          <button type="button" className="button" onClick={() => void onRun({ tool: 'verify' })}>
            {t('training:exercises.verify')}
          </button>
        </div>
        {tool && (
          <pre className="mono" data-testid="exercise-report">
            {JSON.stringify(tool, null, 2)}
          </pre>
        )}
      </section>
      <AnswerForm
        onSubmit={() => void onAnswer({ kind: 'chat-evidence', bundleSha256: sha, messages: Number(messages) })}
      >
        <label>
          {t('training:exercises.messages')}
          <input
            name="messages"
            type="number"
            min={0}
            value={messages}
            onChange={(e) => setMessages(e.target.value)}
            required
          />
        </label>
        <label>
          {t('training:exercises.bundleSha256')}
          <input name="bundleSha256" value={sha} onChange={(e) => setSha(e.target.value)} required />
        </label>
      </AnswerForm>
    </>
  );
}

function ScreeningReferral({
  material,
  options,
  onAnswer,
}: {
  material: ScreeningMaterial;
  options: NonNullable<training.ExerciseDetail['screening']>;
  onAnswer: (body: training.AnswerRequest) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [present, setPresent] = useState<string[]>([]);
  const [services, setServices] = useState<string[]>([]);
  const [suggestion, setSuggestion] = useState('');
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  return (
    <>
      <section className="panel" aria-labelledby="exercise-material">
        <h2 id="exercise-material">
          {material.person.pseudonym}, {material.person.age}
        </h2>
        <ul className="plain rows">
          {material.statements.map((s) => (
            <li key={s.id}>
              <em>{t(`training:exercises.sources.${s.source}`)}</em>: {s.text}
            </li>
          ))}
        </ul>
      </section>
      <AnswerForm onSubmit={() => void onAnswer({ kind: 'screening-referral', present, suggestion, services })}>
        <fieldset>
          <legend>{t('training:exercises.indicators')}</legend>
          {options.indicators.map((i) => (
            <label key={i.id}>
              <input
                type="checkbox"
                name={`indicator-${i.id}`}
                checked={present.includes(i.id)}
                onChange={() => setPresent(toggle(present, i.id))}
              />
              {i.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('training:exercises.nextStep')}</legend>
          {options.suggestions.map((s) => (
            <label key={s.id}>
              <input
                type="radio"
                name="suggestion"
                value={s.id}
                checked={suggestion === s.id}
                onChange={() => setSuggestion(s.id)}
              />
              {s.text}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('training:exercises.services')}</legend>
          {options.services.map((s) => (
            <label key={s}>
              <input
                type="checkbox"
                name={`service-${s}`}
                checked={services.includes(s)}
                onChange={() => setServices(toggle(services, s))}
              />
              {t(`training:exercises.serviceTypes.${s}`)}
            </label>
          ))}
        </fieldset>
      </AnswerForm>
    </>
  );
}
