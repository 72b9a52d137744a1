// Optional live sources, for deployments that run their own Bitcoin infrastructure: an Esplora HTTP API (address
// history with prevouts) or a Bitcoin Core node over JSON-RPC (raw blocks by height, parsed by block-parser.ts).
// Both produce the same flow records as the file importers, so everything after them (idempotent import, tracing,
// clustering) is shared. Network failures, rate limits and protocol errors become AppErrors with stable codes.
//
// Configured from the environment (never from a request, so a user cannot make the server call arbitrary hosts):
//   TRAG_ESPLORA_URL      e.g. http://127.0.0.1:3002/api (an Esplora/electrs or mempool.space backend)
//   TRAG_BITCOIN_RPC_URL  e.g. http://127.0.0.1:8332 ; TRAG_BITCOIN_RPC_USER / TRAG_BITCOIN_RPC_PASSWORD
import { AppError, invalid } from '../shared';
import { validateAddress } from './address';
import { iterateBlocks } from './block-parser';
import { BlockFlows } from './block-flows';
import { importEsploraJson } from './esplora.importer';
import type { FlowRecord } from './flow-record';
import type { ImportStats } from './import-common';

export type ConnectorKind = 'esplora' | 'bitcoin_rpc';

export type FetchRequest =
  | { kind: 'address'; address: string; maxPages?: number }
  | { kind: 'blocks'; fromHeight: number; toHeight: number; watch: string[] | null };

export interface ChainConnector {
  readonly kind: ConnectorKind;
  /** Where it reads from, without credentials (shown to users and written to the import record). */
  readonly endpoint: string;
  /** Which requests it can answer. */
  readonly accepts: FetchRequest['kind'];
  /** Streams flow records; stats count what was read and skipped. */
  records(request: FetchRequest, stats: ImportStats): AsyncGenerator<FlowRecord>;
}

export interface ConnectorOptions {
  /** Per request, milliseconds. */
  timeoutMs?: number;
  /** A 429/503 answer with Retry-After up to this many seconds is waited for and retried (twice at most). */
  maxRetryWaitS?: number;
  fetch?: typeof fetch;
}

const MAX_BLOCKS_PER_FETCH = 1000;
const ESPLORA_CHAIN_PAGE = 25;

/** Reads connectors from the environment; none configured → empty list (the UI then hides "fetch"). */
export function chainConnectorsFromEnv(
  env: Record<string, string | undefined>,
  options: ConnectorOptions = {},
): ChainConnector[] {
  const out: ChainConnector[] = [];
  if (env.TRAG_ESPLORA_URL) out.push(new EsploraConnector(env.TRAG_ESPLORA_URL, options));
  if (env.TRAG_BITCOIN_RPC_URL) {
    out.push(
      new BitcoinRpcConnector(
        env.TRAG_BITCOIN_RPC_URL,
        env.TRAG_BITCOIN_RPC_USER
          ? { user: env.TRAG_BITCOIN_RPC_USER, password: env.TRAG_BITCOIN_RPC_PASSWORD ?? '' }
          : null,
        options,
      ),
    );
  }
  return out;
}

function parseBaseUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('crypto_connector_config', `${what}: "${raw}" is not a URL (expected http://host:port/path).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw invalid('crypto_connector_config', `${what}: only http and https URLs are supported.`);
  return url;
}

/** The endpoint as shown to people: no user name or password. */
const displayEndpoint = (url: URL) => `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;

class HttpClient {
  private readonly timeoutMs: number;
  private readonly maxRetryWaitS: number;
  private readonly doFetch: typeof fetch;
  constructor(
    private readonly endpoint: string,
    options: ConnectorOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetryWaitS = options.maxRetryWaitS ?? 5;
    this.doFetch = options.fetch ?? fetch;
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.doFetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        throw new AppError(
          'unavailable',
          'crypto_connector_unreachable',
          timedOut
            ? `${this.endpoint} did not answer within ${this.timeoutMs / 1000} s. Check that the server is running and reachable from this machine.`
            : `Cannot reach ${this.endpoint} (${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).message}). Check the configured address and that the server is running.`,
          { cause: error, details: { endpoint: this.endpoint } },
        );
      }
      if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
        const wait = Number(response.headers.get('retry-after') ?? 'NaN');
        await response.body?.cancel();
        if (attempt < 2 && Number.isFinite(wait) && wait >= 0 && wait <= this.maxRetryWaitS) {
          await new Promise((r) => setTimeout(r, wait * 1000));
          continue;
        }
        throw new AppError(
          'rate_limited',
          'crypto_connector_rate_limited',
          `${this.endpoint} is limiting requests (HTTP ${response.status}${Number.isFinite(wait) ? `, retry after ${wait} s` : ''}). Wait and fetch again; records already fetched are kept only when the import completes.`,
          { details: { endpoint: this.endpoint, retryAfterSeconds: Number.isFinite(wait) ? wait : null } },
        );
      }
      return response;
    }
  }
}

async function readJson(response: Response, endpoint: string, what: string): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(
      'unavailable',
      'crypto_connector_bad_response',
      `${endpoint} answered ${what} with something that is not JSON (HTTP ${response.status}). Is the URL that of the API?`,
      { details: { endpoint, status: response.status } },
    );
  }
}

function httpError(response: Response, endpoint: string, what: string, body: string): AppError {
  if (response.status === 401 || response.status === 403)
    return new AppError(
      'unavailable',
      'crypto_connector_auth',
      `${endpoint} refused the credentials (HTTP ${response.status}). Check the configured user name and password.`,
      { details: { endpoint, status: response.status } },
    );
  return new AppError(
    'unavailable',
    'crypto_connector_http',
    `${endpoint} answered ${what} with HTTP ${response.status}${body ? `: ${body.slice(0, 120)}` : ''}.`,
    { details: { endpoint, status: response.status } },
  );
}

/**
 * Esplora (Blockstream/electrs, mempool.space) address history. GET /address/:addr/txs gives the mempool and the
 * newest 25 confirmed transactions; older confirmed ones come 25 at a time from /address/:addr/txs/chain/:last_txid.
 * Unconfirmed transactions are skipped by the importer (no block time yet).
 */
export class EsploraConnector implements ChainConnector {
  readonly kind = 'esplora' as const;
  readonly accepts = 'address' as const;
  readonly endpoint: string;
  private readonly base: string;
  private readonly http: HttpClient;

  constructor(baseUrl: string, options: ConnectorOptions = {}) {
    const url = parseBaseUrl(baseUrl, 'TRAG_ESPLORA_URL');
    this.endpoint = displayEndpoint(url);
    this.base = url.toString().replace(/\/$/, '');
    this.http = new HttpClient(this.endpoint, options);
  }

  private async page(path: string): Promise<unknown[]> {
    const response = await this.http.request(`${this.base}${path}`, { headers: { accept: 'application/json' } });
    if (!response.ok)
      throw httpError(response, this.endpoint, path.split('/').slice(0, 3).join('/'), await response.text());
    const doc = await readJson(response, this.endpoint, 'an address history request');
    if (!Array.isArray(doc))
      throw new AppError(
        'unavailable',
        'crypto_connector_bad_response',
        `${this.endpoint} did not answer with a list of transactions. Is it an Esplora API?`,
        { details: { endpoint: this.endpoint } },
      );
    return doc;
  }

  async *records(request: FetchRequest, stats: ImportStats): AsyncGenerator<FlowRecord> {
    if (request.kind !== 'address')
      throw invalid('crypto_connector_request', 'An Esplora server is asked for an address, not for blocks.');
    const v = validateAddress(request.address);
    if (!v.valid || v.chain !== 'btc')
      throw invalid('crypto_address_invalid', 'Esplora serves Bitcoin addresses; this is not a valid Bitcoin address.');
    const address = v.normalized!;
    const maxPages = request.maxPages ?? 40;
    const file = `esplora ${this.endpoint} ${address}`;
    let path = `/address/${address}/txs`;
    const seen = new Set<string>();
    for (let pageNo = 1; pageNo <= maxPages; pageNo++) {
      const txs = await this.page(path);
      const confirmed = txs.filter(
        (t) => (t as { status?: { confirmed?: unknown } } | null)?.status?.confirmed === true,
      );
      // Esplora pages never overlap; a server that repeats itself must not make us loop or double-count.
      const fresh = txs.filter((t) => !seen.has(String((t as { txid?: unknown } | null)?.txid)));
      for (const t of fresh) seen.add(String((t as { txid?: unknown } | null)?.txid));
      yield* importEsploraJson(JSON.stringify(fresh), `${file} page ${pageNo}`, stats);
      if (confirmed.length < ESPLORA_CHAIN_PAGE || fresh.length === 0) return;
      const last = String((confirmed[confirmed.length - 1] as { txid?: unknown }).txid);
      path = `/address/${address}/txs/chain/${last}`;
    }
    stats.warnings.push(
      `${file}: stopped after ${maxPages} pages (${maxPages * ESPLORA_CHAIN_PAGE}+ transactions); fetch again with more pages for the older history.`,
    );
  }
}

/**
 * Bitcoin Core JSON-RPC: getblockhash(height) then getblock(hash, 0) (verbosity 0: the serialized block as hex), parsed
 * by our own block parser, as block files are. Inputs are resolved from the blocks fetched in the same run only
 * (verbosity 0 carries no prevouts), so fetch from the height where the watched funds arrived.
 */
export class BitcoinRpcConnector implements ChainConnector {
  readonly kind = 'bitcoin_rpc' as const;
  readonly accepts = 'blocks' as const;
  readonly endpoint: string;
  private readonly url: string;
  private readonly auth: string | null;
  private readonly http: HttpClient;
  private id = 0;

  constructor(rpcUrl: string, credentials: { user: string; password: string } | null, options: ConnectorOptions = {}) {
    const url = parseBaseUrl(rpcUrl, 'TRAG_BITCOIN_RPC_URL');
    const user = credentials?.user ?? decodeURIComponent(url.username);
    const password = credentials?.password ?? decodeURIComponent(url.password);
    this.auth = user ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : null;
    url.username = '';
    url.password = '';
    this.endpoint = displayEndpoint(url);
    this.url = url.toString();
    this.http = new HttpClient(this.endpoint, options);
  }

  async call<T>(method: string, params: unknown[]): Promise<T> {
    const response = await this.http.request(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.auth ? { authorization: this.auth } : {}) },
      body: JSON.stringify({ jsonrpc: '1.0', id: ++this.id, method, params }),
    });
    // Bitcoin Core answers RPC errors with HTTP 404/500 and a JSON body; anything else non-2xx is transport.
    if (!response.ok && response.status !== 404 && response.status !== 500)
      throw httpError(response, this.endpoint, method, await response.text());
    const doc = (await readJson(response, this.endpoint, method)) as {
      result?: unknown;
      error?: { code?: number; message?: string } | null;
    };
    if (doc.error) {
      const notFound = doc.error.code === -8 || doc.error.code === -5;
      throw new AppError(
        notFound ? 'not_found' : 'unavailable',
        notFound ? 'crypto_connector_not_found' : 'crypto_connector_rpc',
        `${this.endpoint} ${method}: ${String(doc.error.message ?? 'error').slice(0, 160)} (RPC error ${doc.error.code ?? '?'}).`,
        { details: { endpoint: this.endpoint, rpcCode: doc.error.code ?? null } },
      );
    }
    return doc.result as T;
  }

  private async rawBlock(height: number): Promise<Buffer> {
    const hash = await this.call<string>('getblockhash', [height]);
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash))
      throw new AppError(
        'unavailable',
        'crypto_connector_bad_response',
        `${this.endpoint}: getblockhash did not return a block hash.`,
      );
    const hex = await this.call<string>('getblock', [hash, 0]);
    if (typeof hex !== 'string' || !/^([0-9a-f]{2})+$/i.test(hex))
      throw new AppError(
        'unavailable',
        'crypto_connector_bad_response',
        `${this.endpoint}: getblock did not return hex block data.`,
      );
    return Buffer.from(hex, 'hex');
  }

  async *records(request: FetchRequest, stats: ImportStats): AsyncGenerator<FlowRecord> {
    if (request.kind !== 'blocks')
      throw invalid('crypto_connector_request', 'A Bitcoin Core node is asked for a range of block heights.');
    const { fromHeight, toHeight } = request;
    if (!Number.isInteger(fromHeight) || !Number.isInteger(toHeight) || fromHeight < 0 || toHeight < fromHeight)
      throw invalid('crypto_connector_request', 'Give a block height range: from ≥ 0 and to ≥ from.');
    if (toHeight - fromHeight + 1 > MAX_BLOCKS_PER_FETCH)
      throw invalid('crypto_connector_request', `Fetch at most ${MAX_BLOCKS_PER_FETCH} blocks at a time.`);
    const watch = request.watch ? new Set(request.watch.map((a) => validateAddress(a).normalized ?? a)) : null;
    const file = `bitcoind ${this.endpoint}`;
    // One reader over all blocks, so outputs of earlier blocks resolve later inputs; one block in memory at a time.
    const flows = new BlockFlows(stats, { file, watch });
    for (let height = fromHeight; height <= toHeight; height++) {
      const raw = await this.rawBlock(height);
      try {
        for (const block of iterateBlocks(raw)) yield* flows.records(block);
      } catch (error) {
        if (error instanceof AppError)
          throw new AppError(error.kind, error.code, `${file}, block at height ${height}: ${error.message}`, {
            details: { ...error.details, height },
            cause: error,
          });
        throw error;
      }
    }
    flows.finish();
  }
}
