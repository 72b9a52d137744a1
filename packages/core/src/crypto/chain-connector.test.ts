// Connectors against loopback mock servers that answer in the real formats, with real mainnet data: Esplora pages
// built from block 277647 and the outputs it spends; Bitcoin Core RPC serving blocks 1–255 as raw hex.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readBlockFile, readBlockFileBytes } from './block-file';
import { blockFlowRecords } from './block-flows';
import { isCoinbaseInput, prevTxid, type ParsedBlock } from './block-parser';
import { parseBtcdUtxoStore } from './btcd-utxo-store';
import { BitcoinRpcConnector, chainConnectorsFromEnv, EsploraConnector, type ChainConnector } from './chain-connector';
import type { FlowRecord } from './flow-record';
import { newStats } from './import-common';
import { classifyScript } from './script';
import { cryptoDataPath } from './shared-data';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, body: string, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => handler(req, body, res));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const json = (res: ServerResponse, status: number, doc: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(doc));
};

async function collect(connector: ChainConnector, request: Parameters<ChainConnector['records']>[0]) {
  const stats = newStats();
  const out: FlowRecord[] = [];
  for await (const r of connector.records(request, stats)) out.push(r);
  return { records: out, stats };
}

const comparable = (r: FlowRecord) => `${r.txHash}|${r.key}|${r.from}|${r.to}|${r.amount}|${r.time}|${r.blockNumber}`;

/** Block 277647 as an Esplora server returns it: each tx with prevouts, confirmed, newest first. */
async function esploraTxs277647() {
  const utxos = parseBtcdUtxoStore(await readBlockFileBytes(cryptoDataPath('btc', '277647.utxostore.bz2')));
  const byOutpoint = new Map(utxos.map((u) => [`${u.txid}:${u.vout}`, u]));
  const [block] = await readBlockFile(cryptoDataPath('btc', '277647.dat.bz2'));
  const out = (script: Uint8Array, value: number) => {
    const info = classifyScript(script);
    return {
      scriptpubkey: Buffer.from(script).toString('hex'),
      scriptpubkey_type: info.type,
      ...(info.address ? { scriptpubkey_address: info.address } : {}),
      value,
    };
  };
  const txs = block!.txs.map((tx) => ({
    txid: tx.txid,
    vin: tx.inputs.map((i) =>
      isCoinbaseInput(i)
        ? { is_coinbase: true, prevout: null }
        : (() => {
            const u = byOutpoint.get(`${prevTxid(i)}:${i.vout}`)!;
            return { txid: prevTxid(i), vout: i.vout, is_coinbase: false, prevout: out(u.script, u.value) };
          })(),
    ),
    vout: tx.outputs.map((o) => out(o.script, o.value)),
    status: { confirmed: true, block_height: 277647, block_hash: block!.hash, block_time: block!.header.time },
  }));
  return { block: block!, utxos: byOutpoint, txs: txs.reverse() };
}

describe('Esplora connector', () => {
  it('pages through /address/:addr/txs and /txs/chain/:last_seen_txid and yields what a block import yields', async () => {
    const { block, utxos, txs } = await esploraTxs277647();
    const address = '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp';
    const paths: string[] = [];
    const base = await serve((req, _body, res) => {
      paths.push(req.url!);
      const first = req.url === `/api/address/${address}/txs`;
      const chain = new RegExp(`^/api/address/${address}/txs/chain/([0-9a-f]{64})$`).exec(req.url!);
      if (!first && !chain) return json(res, 404, { error: 'not found' });
      const start = first ? 0 : txs.findIndex((t) => t.txid === chain![1]) + 1;
      json(res, 200, txs.slice(start, start + 25));
    });
    const connector = new EsploraConnector(`${base}/api/`);
    expect(connector.endpoint).toBe(`${base}/api`);
    const { records, stats } = await collect(connector, { kind: 'address', address });
    expect(paths).toHaveLength(Math.ceil(213 / 25)); // 213 transactions, 25 per page: 9 requests
    expect(paths[1]).toBe(`/api/address/${address}/txs/chain/${txs[24]!.txid}`);
    expect(stats.read).toBe(213);
    const fromBlock = [
      ...blockFlowRecords([block], newStats(), {
        file: 'b',
        watch: null,
        lookup: (t, v) => utxos.get(`${t}:${v}`),
      }),
    ];
    expect(new Set(records.map(comparable))).toEqual(new Set(fromBlock.map(comparable)));
    expect(records.length).toBe(fromBlock.length);
  });

  it('waits out a short rate limit, and reports a long one with its retry time', async () => {
    const { txs } = await esploraTxs277647();
    let calls = 0;
    const base = await serve((_req, _body, res) => {
      calls++;
      if (calls === 1) return json(res, 429, { error: 'slow down' }, { 'retry-after': '0' });
      if (calls === 2) return json(res, 200, txs.slice(0, 3));
      json(res, 429, { error: 'slow down' }, { 'retry-after': '120' });
    });
    const connector = new EsploraConnector(base);
    const ok = await collect(connector, { kind: 'address', address: '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp' });
    expect(ok.stats.read).toBe(3);
    await expect(
      collect(connector, { kind: 'address', address: '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp' }),
    ).rejects.toMatchObject({
      code: 'crypto_connector_rate_limited',
      kind: 'rate_limited',
      details: { retryAfterSeconds: 120 },
    });
  });

  it('names the server when it cannot be reached, answers in HTML, or with an error status', async () => {
    const base = await serve((req, _body, res) => {
      if (req.url!.includes('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')) return json(res, 500, { error: 'db down' });
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>login</html>');
    });
    await expect(
      collect(new EsploraConnector(base), { kind: 'address', address: '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp' }),
    ).rejects.toMatchObject({ code: 'crypto_connector_bad_response' });
    await expect(
      collect(new EsploraConnector(base), { kind: 'address', address: '1BoatSLRHtKNngkdXEeobR76b53LETtpyT' }),
    ).rejects.toMatchObject({ code: 'crypto_connector_http', details: { status: 500 } });
    const closed = base.replace(/:\d+$/, ':1');
    await expect(
      collect(new EsploraConnector(closed), { kind: 'address', address: '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp' }),
    ).rejects.toMatchObject({ code: 'crypto_connector_unreachable', kind: 'unavailable' });
    await expect(
      collect(new EsploraConnector(base), { kind: 'address', address: '0x253ea3775efbec616d703dc73e38c8b7d1af2a04' }),
    ).rejects.toMatchObject({ code: 'crypto_address_invalid' });
  });
});

describe('Bitcoin Core RPC connector', () => {
  async function rpcServer(blocks: ParsedBlock[], raw: Buffer) {
    const byHeight = new Map(blocks.map((b, i) => [i + 1, b])); // blocks1-256: heights 1–255 in order
    const byHash = new Map(blocks.map((b) => [b.hash, b]));
    const methods: string[] = [];
    const base = await serve((req, body, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('trag:s3cret').toString('base64')}`)
        return void res.writeHead(401).end();
      const { id, method, params } = JSON.parse(body) as { id: number; method: string; params: unknown[] };
      methods.push(method);
      if (method === 'getblockhash') {
        const b = byHeight.get(params[0] as number);
        if (!b) return json(res, 500, { result: null, error: { code: -8, message: 'Block height out of range' }, id });
        return json(res, 200, { result: b.hash, error: null, id });
      }
      if (method === 'getblock' && params[1] === 0) {
        const b = byHash.get(params[0] as string)!;
        return json(res, 200, { result: raw.subarray(b.offset, b.offset + b.size).toString('hex'), error: null, id });
      }
      json(res, 404, { result: null, error: { code: -32601, message: 'Method not found' }, id });
    });
    return { base, methods };
  }

  it('reads blocks by height as raw hex and resolves the first payment (block 170) from block 9', async () => {
    const raw = await readBlockFileBytes(cryptoDataPath('btc', 'blocks1-256.bz2'));
    const blocks = await readBlockFile(cryptoDataPath('btc', 'blocks1-256.bz2'));
    const { base, methods } = await rpcServer(blocks, raw);
    const [connector] = chainConnectorsFromEnv({
      TRAG_BITCOIN_RPC_URL: base,
      TRAG_BITCOIN_RPC_USER: 'trag',
      TRAG_BITCOIN_RPC_PASSWORD: 's3cret',
    });
    expect(connector).toMatchObject({ kind: 'bitcoin_rpc', accepts: 'blocks', endpoint: base });
    const satoshi = '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S'; // block 9's coinbase
    const { records, stats } = await collect(connector!, {
      kind: 'blocks',
      fromHeight: 9,
      toHeight: 170,
      watch: [satoshi],
    });
    expect(methods.filter((m) => m === 'getblock')).toHaveLength(162);
    const txid = 'f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16';
    expect(records.filter((r) => r.txHash === txid).map((r) => [r.key, r.from, r.to, r.amount])).toEqual([
      ['in:0', satoshi, `btc-tx:${txid}`, '50'],
      ['out:0', `btc-tx:${txid}`, '1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3', '10'],
      ['out:1', `btc-tx:${txid}`, satoshi, '40'],
    ]);
    expect(records.find((r) => r.txHash === txid)!.blockNumber).toBe(null); // version-1 blocks carry no height
    // 162 blocks of one coinbase each, block 170 also has the payment: 163 transactions, two of which touch the address.
    expect(stats.read).toBe(163);
    expect(stats.skipped.not_watched).toBe(161);
  });

  it('reports inputs it cannot resolve, wrong credentials and heights the node does not have', async () => {
    const raw = await readBlockFileBytes(cryptoDataPath('btc', 'blocks1-256.bz2'));
    const blocks = await readBlockFile(cryptoDataPath('btc', 'blocks1-256.bz2'));
    const { base } = await rpcServer(blocks, raw);
    const good = new BitcoinRpcConnector(`http://trag:s3cret@${base.slice(7)}`, null);
    expect(good.endpoint).toBe(base); // no credentials in what is shown or stored
    const only170 = await collect(good, { kind: 'blocks', fromHeight: 170, toHeight: 170, watch: null });
    expect(only170.stats.skipped.input_prevout_unknown).toBe(1);
    expect(only170.stats.warnings[0]).toMatch(/1 inputs spend outputs that are not in these blocks/);
    await expect(
      collect(new BitcoinRpcConnector(base, { user: 'trag', password: 'wrong' }), {
        kind: 'blocks',
        fromHeight: 1,
        toHeight: 1,
        watch: null,
      }),
    ).rejects.toMatchObject({ code: 'crypto_connector_auth' });
    await expect(collect(good, { kind: 'blocks', fromHeight: 300, toHeight: 301, watch: null })).rejects.toMatchObject({
      code: 'crypto_connector_not_found',
      message: expect.stringMatching(/getblockhash: Block height out of range/),
    });
    await expect(
      collect(good, { kind: 'address', address: '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp' }),
    ).rejects.toMatchObject({ code: 'crypto_connector_request' });
  });

  it('configures nothing when no server is named', () => {
    expect(chainConnectorsFromEnv({})).toEqual([]);
    expect(() => chainConnectorsFromEnv({ TRAG_ESPLORA_URL: 'ftp://x' })).toThrow(/only http and https/);
  });
});
