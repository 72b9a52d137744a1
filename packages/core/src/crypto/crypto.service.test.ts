import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDialect, type TestDatabase } from '@trag/db/testing';
import { CaseService } from '../cases';
// Builders of the cases domain, for tests only.
import { buildActor, buildAgency } from '../cases/cases.builders';
import { fixedClock, type Actor, type CoreContext } from '../shared';
import { readBlockFile } from './block-file';
import { ethereumToTron } from './address';
import { chainConnectorsFromEnv } from './chain-connector';
import { CryptoService, type TraceRequest } from './crypto.service';
import { cryptoDataPath } from './shared-data';
import type { FlowRecord } from './flow-record';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, 'fixtures', name));
const RECRUITER = '0x253ea3775efbec616d703dc73e38c8b7d1af2a04';
const BINANCE = '0xF977814e90dA44bFA03b6295A0616a897441aceC';

describeEachDialect('crypto service', (dialect) => {
  let database: TestDatabase;
  let ctx: CoreContext;
  let service: CryptoService;
  let investigator: Actor;
  let outsider: Actor;
  let caseId: string;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = { database, clock: fixedClock('2026-11-30T10:00:00.000Z'), dataDir: '/nonexistent' };
    service = new CryptoService(ctx);
    const agency = await buildAgency(database, { prefix: 'SIPA' });
    investigator = await buildActor(database, { agencyId: agency.id });
    outsider = await buildActor(database, { agencyId: agency.id });
    caseId = (
      await new CaseService(ctx).create(investigator, {
        title: 'Job-ad recruiter payments',
        type: 'sexual_exploitation',
      })
    ).id;
  });
  afterEach(async () => database.destroy());

  const importDemo = async () => {
    await service.importFile(investigator, caseId, {
      kind: 'etherscan_csv',
      fileName: 'etherscan-erc20.csv',
      data: fixture('etherscan-erc20.csv'),
    });
    await service.importFile(investigator, caseId, {
      kind: 'tag_csv',
      fileName: 'tags.csv',
      data: fixture('tags.csv'),
    });
  };
  const request: TraceRequest = {
    seed: { address: RECRUITER },
    direction: 'forward',
    method: 'fifo',
    maxHops: 5,
    maxNodes: 100,
    asset: 'USDT',
  };

  it('imports idempotently: the same file adds nothing; the same transfers from another export add nothing', async () => {
    const first = await service.importFile(investigator, caseId, {
      kind: 'etherscan_csv',
      fileName: 'e.csv',
      data: fixture('etherscan-erc20.csv'),
    });
    expect(first).toMatchObject({ records: 4, added: 4, alreadyImported: false });
    const again = await service.importFile(investigator, caseId, {
      kind: 'etherscan_csv',
      fileName: 'e.csv',
      data: fixture('etherscan-erc20.csv'),
    });
    expect(again).toMatchObject({ added: 0, alreadyImported: true, importId: first.importId });
    const tokenPage = await service.importFile(investigator, caseId, {
      kind: 'etherscan_csv',
      fileName: 'q.csv',
      data: fixture('etherscan-erc20-quantity.csv'),
      tokenSymbol: 'USDT',
      tokenContract: '0xdac17f958d2ee523a2206206994597c13d831ec7',
    });
    expect(tokenPage).toMatchObject({ records: 1, added: 0 });
  });

  it('leaves the case unchanged when a file fails half-way (atomic), naming file and line', async () => {
    const good = fixture('etherscan-erc20.csv').toString();
    const bad = `${good}"0x${'d'.repeat(64)}","1","1704114000","","0xnot-an-address","${RECRUITER}","5","$5","0xdac17f958d2ee523a2206206994597c13d831ec7","Tether USD","USDT"\n`;
    await expect(
      service.importFile(investigator, caseId, { kind: 'etherscan_csv', fileName: 'bad.csv', data: Buffer.from(bad) }),
    ).rejects.toMatchObject({
      code: 'crypto_import_bad_address',
      message: expect.stringMatching(/^bad\.csv, line 6: column From/),
    });
    expect(await service.listTransfers(investigator, caseId, { limit: 10, offset: 0 })).toEqual([]);
    expect(await service.listImports(investigator, caseId)).toEqual([]);
  });

  it('traces the recruiter’s USDT to the tagged exchange and reports the share and path', async () => {
    await importDemo();
    const { result, tags } = await service.trace(investigator, caseId, request);
    expect(result.seedValue).toBe(2501); // 1,250.5 twice
    const exchange = result.endpoints.find((e) => e.reason === 'stopped')!;
    expect(exchange).toMatchObject({ node: BINANCE, stopReason: 'exchange: Binance 8', amount: 2400 });
    expect(exchange.paths.map((p) => p.nodes.length)).toEqual([3, 3]); // the two 1,250.5 payments
    expect(exchange.paths[0]!.nodes[2]).toBe(BINANCE);
    expect(result.endpoints.find((e) => e.reason === 'held')).toMatchObject({ amount: 101 }); // stays with the mule
    expect(tags[BINANCE]![0]).toMatchObject({ category: 'exchange', pack: 'tags.csv' });
  });

  it('saves a trace with its parameters and data snapshot, and re-running it gives the same result', async () => {
    await importDemo();
    const saved = await service.saveTrace(investigator, caseId, 'Recruiter → exchange', request);
    expect(saved.snapshot.imports).toHaveLength(2);
    // New data arriving later does not change the saved trace's answer.
    await service.importFile(investigator, caseId, {
      kind: 'etherscan_csv',
      fileName: 'n.csv',
      data: fixture('etherscan-normal.csv'),
    });
    const check = await service.verifyTrace(investigator, caseId, saved.id);
    expect(check).toMatchObject({ same: true, missingImports: [] });
    const again = await service.getTrace(investigator, caseId, saved.id);
    expect(again.result).toEqual(JSON.parse(JSON.stringify(saved.result)));
  });

  it('exports a saved trace as CSV, GraphML, FollowTheMoney, PDF and a data-request draft', async () => {
    await importDemo();
    const saved = await service.saveTrace(investigator, caseId, 'Recruiter → exchange', request);
    const csv = (await service.exportTrace(investigator, caseId, saved.id, 'csv')).body.toString();
    expect(csv.split('\r\n')[0]).toMatch(/^"endpoint","reason"/);
    expect(csv).toContain('exchange: Binance 8');
    const graphml = (await service.exportTrace(investigator, caseId, saved.id, 'graphml')).body.toString();
    expect(graphml).toContain(`<node id="${BINANCE}">`);
    const ftm = (await service.exportTrace(investigator, caseId, saved.id, 'ftm')).body
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { schema: string });
    expect(new Set(ftm.map((e) => e.schema))).toEqual(new Set(['CryptoWallet', 'Payment']));
    const pdf = await service.exportTrace(investigator, caseId, saved.id, 'pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const letter = (await service.exportTrace(investigator, caseId, saved.id, 'data_request')).body.toString();
    expect(letter).toContain(BINANCE);
    expect(letter).toMatch(/Time range: 2024-01-01 to 2024-01-01/);
  });

  it('clusters Bitcoin inputs from an Esplora export and explains the link', async () => {
    await service.importFile(investigator, caseId, {
      kind: 'esplora_json',
      fileName: 'esplora.json',
      data: fixture('esplora-address-txs.json'),
    });
    const clusters = await service.cluster(investigator, caseId);
    expect(clusters.clusters).toEqual([
      { addresses: ['1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp', 'bc1qwvpdglezzapz5m23vmcltu78697229pg57ctas'], size: 2 },
    ]);
    const why = await service.explainCluster(
      investigator,
      caseId,
      '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp',
      'bc1qwvpdglezzapz5m23vmcltu78697229pg57ctas',
    );
    expect(why).toHaveLength(1);
    // A trace names the cluster of every node in one, for grouping in the graph (smallest address as its id).
    const traced = await service.trace(investigator, caseId, {
      ...request,
      seed: { address: 'bc1qwvpdglezzapz5m23vmcltu78697229pg57ctas' },
      asset: 'BTC',
    });
    expect(traced.clusters?.['bc1qwvpdglezzapz5m23vmcltu78697229pg57ctas']).toEqual({
      id: '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp',
      size: 2,
    });
  });

  it('flags wallets that also appear in another case without revealing which', async () => {
    await importDemo();
    const other = (
      await new CaseService(ctx).create(investigator, { title: 'Second case', type: 'labour_exploitation' })
    ).id;
    await service.addWallet(investigator, other, { address: RECRUITER, label: 'from a Telegram ad' });
    const { otherCases, result } = await service.trace(investigator, caseId, request);
    expect(result.nodes[0]!.hop).toBe(0);
    expect(Object.values(otherCases)).toEqual([1]);
  });

  // Ten generated Tron USDT transfers: a → b → c … (synthetic).
  const TRON = [
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    'TXLAQ63Xg1NAzckPwKHvzw7CSEmLMEqcdj',
    'TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW',
  ];
  const chainRecords = (n: number): FlowRecord[] =>
    Array.from({ length: n }, (_, i) => ({
      chain: 'trx' as const,
      asset: 'USDT',
      tokenContract: TRON[0]!,
      txHash: (i + 1).toString(16).padStart(64, '0'),
      key: 'trc20',
      from: TRON[1 + (i % 2)]!,
      to: TRON[1 + ((i + 1) % 2)]!,
      amount: `${i + 1}`,
      time: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString(),
      blockNumber: 60_000_000 + i,
      source: { file: 'generated', line: i + 1 },
    }));

  it('commits large imports in chunks and takes every chunk back when the input fails part-way', async () => {
    function* failing() {
      yield* chainRecords(7);
      throw new Error('corrupt block at offset 1234');
    }
    await expect(
      service.importRecords(investigator, caseId, 'btc_blocks', 'blk00000.dat', failing, { chunkSize: 3 }),
    ).rejects.toThrow('corrupt block at offset 1234');
    expect(await service.listTransfers(investigator, caseId, { limit: 10, offset: 0 })).toEqual([]);
    expect(await service.listImports(investigator, caseId)).toEqual([]);
  });

  it('rebuilds the address indexes after a bulk-phase import, also when it fails', async () => {
    const indexes = async () =>
      dialect === 'sqlite'
        ? (
            await sql<{
              name: string;
            }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'crypto_transfers'`.execute(
              database.db,
            )
          ).rows
            .map((r) => r.name)
            .sort()
        : null;
    const before = await indexes();
    function* failing() {
      yield* chainRecords(9);
      throw new Error('disk image truncated');
    }
    await expect(
      service.importRecords(investigator, caseId, 'generated', 'bulk.dat', failing, { chunkSize: 3, bulkAfter: 3 }),
    ).rejects.toThrow('disk image truncated');
    expect(await indexes()).toEqual(before);
    const done = await service.importRecords(investigator, caseId, 'generated', 'bulk.dat', chainRecords(10), {
      chunkSize: 3,
      bulkAfter: 3,
    });
    expect(done).toMatchObject({ added: 10 });
    expect(await indexes()).toEqual(before);
    if (before) expect(before).toContain('crypto_transfers_from_idx');
    const { result } = await service.trace(investigator, caseId, { ...request, seed: { address: TRON[1]! } });
    expect(result.seedValue).toBe(1 + 3 + 5 + 7 + 9);
  });

  it('leaves an interrupted import incomplete and untraced; running it again completes it without duplicates', async () => {
    // A source that delivers 7 records and then hangs forever: like a process killed after two committed chunks.
    let hang: (() => void) | undefined;
    async function* interrupted() {
      yield* chainRecords(7);
      await new Promise<void>((resolve) => (hang = resolve));
    }
    void service
      .importRecords(investigator, caseId, 'generated', 'ten.json', interrupted, { resumeKey: 'ten', chunkSize: 3 })
      .catch(() => undefined);
    let imports = await service.listImports(investigator, caseId);
    for (let i = 0; i < 200 && !(imports[0]?.committed === 6 && hang); i++) {
      await new Promise((r) => setTimeout(r, 10));
      imports = await service.listImports(investigator, caseId);
    }
    expect(imports).toMatchObject([{ status: 'incomplete', committed: 6, added: 6 }]);
    expect(await service.listTransfers(investigator, caseId, { limit: 20, offset: 0 })).toHaveLength(6);
    const seed = { ...request, seed: { address: TRON[1]! }, asset: 'USDT' };
    const during = await service.trace(investigator, caseId, seed);
    expect(during.result.seedValue).toBe(0); // half an import is never traced
    expect(during.snapshot.imports).toEqual([]);

    const resumed = await service.importRecords(investigator, caseId, 'generated', 'ten.json', chainRecords(10), {
      resumeKey: 'ten',
      chunkSize: 3,
    });
    expect(resumed).toMatchObject({ importId: imports[0]!.id, records: 10, added: 10, alreadyImported: false });
    expect(await service.listTransfers(investigator, caseId, { limit: 20, offset: 0 })).toHaveLength(10);
    expect(await service.listImports(investigator, caseId)).toMatchObject([{ status: 'complete', committed: 10 }]);
    const after = await service.trace(investigator, caseId, seed);
    expect(after.result.seedValue).toBe(1 + 3 + 5 + 7 + 9); // every transfer TRON[1] sent

    // The same content again, under another name and key: nothing added, the earlier import returned.
    const again = await service.importRecords(investigator, caseId, 'generated', 'copy.json', chainRecords(10), {
      chunkSize: 4,
    });
    expect(again).toMatchObject({ importId: resumed.importId, added: 0, alreadyImported: true });
    expect(await service.listImports(investigator, caseId)).toHaveLength(1);
    hang?.();
  });

  it('imports raw blocks for the case wallets, idempotently, and traces the first bitcoin payment', async () => {
    const satoshi = '12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S';
    const hal = '1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3';
    const data = readFileSync(cryptoDataPath('btc', 'blocks1-256.bz2'));
    await expect(
      service.importBlocks(investigator, caseId, { fileName: 'blocks1-256.bz2', data, watch: 'wallets' }),
    ).rejects.toMatchObject({ code: 'crypto_blocks_no_wallets' });
    await service.addWallet(investigator, caseId, { address: satoshi, label: 'block 9 miner' });
    const first = await service.importBlocks(investigator, caseId, {
      fileName: 'blocks1-256.bz2',
      data,
      watch: 'wallets',
    });
    // Block 9's coinbase (50 BTC) and the five payments that address made in blocks 170–187 (Hal Finney's 10 BTC
    // first), each with one input and a payment + change output: 1 + 5 × 3 records. 255 blocks hold 262 transactions.
    const txCount = (await readBlockFile(cryptoDataPath('btc', 'blocks1-256.bz2'))).reduce(
      (n, b) => n + b.txs.length,
      0,
    );
    expect(first).toMatchObject({ records: 16, added: 16, alreadyImported: false, stats: { read: txCount } });
    expect(txCount).toBe(262);
    const again = await service.importBlocks(investigator, caseId, { fileName: 'copy.dat', data, watch: [satoshi] });
    expect(again).toMatchObject({ added: 0, alreadyImported: true, importId: first.importId });
    const { result } = await service.trace(investigator, caseId, {
      ...request,
      seed: { address: satoshi },
      asset: 'BTC',
    });
    expect(result.seedValue).toBe(50 + 40 + 30 + 29 + 28); // each payment spends the previous change
    expect(result.endpoints.find((e) => e.node === hal)).toMatchObject({ reason: 'held', amount: 10 });
  });

  it('rejects a truncated block file naming file and offset, leaving the case unchanged', async () => {
    const raw = readFileSync(cryptoDataPath('btc', 'block413567.raw'));
    await expect(
      service.importBlocks(investigator, caseId, {
        fileName: 'cut.raw',
        data: raw.subarray(0, 500_000),
        watch: 'all',
      }),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^cut\.raw: .*offset/) });
    expect(await service.listImports(investigator, caseId)).toEqual([]);
  });

  it('fetches an address history from a configured Esplora server (loopback mock) into the case', async () => {
    const txs = fixture('esplora-address-txs.json').toString();
    const server = createServer((req, res) => {
      res.writeHead(req.url!.includes('/txs/chain/') ? 404 : 200, { 'content-type': 'application/json' });
      res.end(req.url!.includes('/txs/chain/') ? '[]' : txs);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const [esplora] = chainConnectorsFromEnv({
        TRAG_ESPLORA_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      });
      const address = '1DoCxPS9hTmkus423A3NHz3Sd1iQJXSTHp';
      const fetched = await service.fetchFromConnector(investigator, caseId, esplora!, { kind: 'address', address });
      expect(fetched.added).toBeGreaterThan(0);
      const file = await service.importFile(investigator, caseId, {
        kind: 'esplora_json',
        fileName: 'esplora.json',
        data: fixture('esplora-address-txs.json'),
      });
      expect(file).toMatchObject({ added: 0 }); // same transactions, same content keys
      const imports = await service.listImports(investigator, caseId);
      expect(imports.map((i) => i.kind).sort()).toEqual(['esplora_json', 'fetch_esplora']);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('gives every reached address its whole history, including transfers with addresses loaded before it', async () => {
    // FIFO at B: B already held 5 (untraced, from A, before the seed) when the traced 10 arrived from A, so B's later
    // payment of 5 to C is paid from the older, untraced lot: C receives nothing traced and B keeps the 10.
    const [s, a, b, c] = ['11', '22', '33', '44'].map((x) => ethereumToTron(`0x${x.repeat(20)}`)!);
    const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString();
    const flow = (n: number, from: string, to: string, amount: string, minute: number): FlowRecord => ({
      chain: 'trx',
      asset: 'USDT',
      tokenContract: TRON[0]!,
      txHash: n.toString(16).padStart(64, '0'),
      key: 'trc20',
      from,
      to,
      amount,
      time: at(minute),
      blockNumber: null,
      source: { file: 'hand-made', line: n },
    });
    await service.importRecords(investigator, caseId, 'generated', 'hand-made', [
      flow(1, a!, b!, '5', 1),
      flow(2, s!, a!, '10', 2),
      flow(3, a!, b!, '10', 3),
      flow(4, b!, c!, '5', 4),
    ]);
    const { result } = await service.trace(investigator, caseId, { ...request, seed: { address: s! } });
    expect(result.endpoints.map((e) => [e.node, e.reason, e.amount])).toEqual([[b, 'held', 10]]);
  });

  it('hides the case from non-members', async () => {
    await expect(service.trace(outsider, caseId, request)).rejects.toMatchObject({ code: 'case_not_found' });
    await expect(
      service.importFile(outsider, caseId, { kind: 'tag_csv', fileName: 't.csv', data: fixture('tags.csv') }),
    ).rejects.toMatchObject({ code: 'case_not_found' });
  });
});
