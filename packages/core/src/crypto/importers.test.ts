import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared';
import { addDecimals, parseDecimalAmount, scaleUnits } from './decimal-amount';
import { importEsploraJson } from './esplora.importer';
import { importEtherscanCsv } from './etherscan.importer';
import type { FlowRecord } from './flow-record';
import { newStats } from './import-common';
import { cryptoDataPath } from './shared-data';
import { importTagCsv, importTagPackYaml } from './tags.importer';
import { importTronGridJson, importTronscanCsv } from './tron.importer';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);
const csv = (text: string) => Readable.from([text]);
async function all<T>(gen: AsyncIterable<T> | Iterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}
async function failure(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an import error');
}

describe('decimal amounts', () => {
  it.each([
    ['1,234.56', '1234.56'],
    ['1.234.567,8', '1234567.8'],
    ['1 234,50', '1234.5'],
    ['2,500', '2500'],
    ['0,5', '0.5'],
    ['0.000100', '0.0001'],
    ['1e-7', '0.0000001'],
    ['1.5E+3', '1500'],
    ['007', '7'],
  ])('reads %s as %s', (raw, value) => expect(parseDecimalAmount(raw)).toEqual({ ok: true, value }));
  it.each(['', '-1', 'abc', '1,2,3', '1.2.3,4.5', '12,34.5'])('refuses %j', (raw) =>
    expect(parseDecimalAmount(raw).ok).toBe(false),
  );
  it('scales base units exactly and adds decimals exactly', () => {
    expect(scaleUnits('500250000', 6)).toBe('500.25');
    expect(scaleUnits('1', 18)).toBe('0.000000000000000001');
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
  });
});

describe('Etherscan CSV', () => {
  it('imports a normal-transaction export: skips failed and zero-value rows, strips thousands separators', async () => {
    const stats = newStats();
    const records = await all(
      importEtherscanCsv(createReadStream(fixture('etherscan-normal.csv')), 'etherscan-normal.csv', stats),
    );
    expect(records.map((r) => r.amount)).toEqual(['1.25', '1000.5']);
    expect(records[0]).toMatchObject({
      chain: 'eth',
      asset: 'ETH',
      tokenContract: null,
      time: '2024-01-01T08:00:00.000Z',
      blockNumber: 18912345,
      source: { line: 2 },
    });
    expect(records[0]!.from).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(stats).toMatchObject({ read: 4, records: 2, skipped: { failed_transaction: 1, zero_value: 1 } });
  });
  it('gives the same keys for the older header layout (idempotent across export versions)', async () => {
    const current = await all(
      importEtherscanCsv(createReadStream(fixture('etherscan-normal.csv')), 'a.csv', newStats()),
    );
    const old = await all(
      importEtherscanCsv(createReadStream(fixture('etherscan-normal-old.csv')), 'b.csv', newStats()),
    );
    expect(old).toHaveLength(1);
    expect([old[0]!.txHash, old[0]!.key, old[0]!.amount]).toEqual([
      current[0]!.txHash,
      current[0]!.key,
      current[0]!.amount,
    ]);
  });
  it('imports internal transactions', async () => {
    const records = await all(
      importEtherscanCsv(createReadStream(fixture('etherscan-internal.csv')), 'i.csv', newStats()),
    );
    expect(records).toHaveLength(1);
    expect(records[0]!.amount).toBe('0.42');
    expect(records[0]!.key).toMatch(/^internal:/);
  });
  it('imports ERC-20 transfers with token, and keeps two identical transfers in one transaction apart', async () => {
    const records = await all(
      importEtherscanCsv(createReadStream(fixture('etherscan-erc20.csv')), 'e.csv', newStats()),
    );
    expect(records.map((r) => r.amount)).toEqual(['2500', '1250.5', '1250.5', '2400']);
    expect(records[0]).toMatchObject({ asset: 'USDT', tokenContract: '0xdAC17F958D2ee523a2206206994597C13D831ec7' });
    expect(new Set(records.map((r) => `${r.txHash}|${r.key}`)).size).toBe(4);
  });
  it('imports a token-page export ("Quantity") when told the token, with the same key as the full export', async () => {
    const err = await failure(
      all(importEtherscanCsv(createReadStream(fixture('etherscan-erc20-quantity.csv')), 'q.csv', newStats())),
    );
    expect(err.code).toBe('crypto_import_token_unknown');
    const records = await all(
      importEtherscanCsv(createReadStream(fixture('etherscan-erc20-quantity.csv')), 'q.csv', newStats(), {
        tokenSymbol: 'USDT',
        tokenContract: '0xdac17f958d2ee523a2206206994597c13d831ec7',
      }),
    );
    const full = await all(importEtherscanCsv(createReadStream(fixture('etherscan-erc20.csv')), 'e.csv', newStats()));
    expect(records[0]!.key).toBe(full[3]!.key);
  });
  it('names file, line and column for a bad address, and file + missing columns for an unknown layout', async () => {
    const header =
      '"Transaction Hash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","ContractAddress","Value_IN(ETH)","Value_OUT(ETH)"\n';
    const row = `"0x${'a'.repeat(64)}","1","1704096000","","0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD","0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","","1","0"\n`;
    const bad = await failure(all(importEtherscanCsv(csv(header + row), 'export.csv', newStats())));
    expect(bad.code).toBe('crypto_import_bad_address');
    expect(bad.message).toMatch(/^export\.csv, line 2: column From/);
    const unknown = await failure(
      all(importEtherscanCsv(csv('Hash,Sender,Receiver\nx,y,z\n'), 'renamed.csv', newStats())),
    );
    expect(unknown.code).toBe('crypto_import_unknown_columns');
    expect(unknown.message).toMatch(/renamed\.csv, line 1: .*missing from/);
  });
  it('refuses a locale-garbled amount with the line number', async () => {
    const header = '"Txhash","UnixTimestamp","From","To","Value","ContractAddress","TokenName","TokenSymbol"\n';
    const row = `"0x${'b'.repeat(64)}","1704096000","0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","12,34.5","0xdac17f958d2ee523a2206206994597c13d831ec7","Tether USD","USDT"\n`;
    const err = await failure(all(importEtherscanCsv(csv(header + row + row), 'tok.csv', newStats())));
    expect(err.message).toMatch(/^tok\.csv, line 2: column TokenValue/);
  });
});

describe('Tron', () => {
  it('keeps TronGrid Transfer events, skips Approval, scales string base units by decimals', async () => {
    const stats = newStats();
    const records = await all(
      importTronGridJson(readFileSync(fixture('trongrid-trc20.json'), 'utf8'), 'tg.json', stats),
    );
    expect(records.map((r) => r.amount)).toEqual(['800', '500.25', '500']);
    expect(records[0]).toMatchObject({
      chain: 'trx',
      asset: 'USDT',
      tokenContract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
      time: '2024-01-02T09:00:00.000Z',
    });
    expect(stats.skipped).toEqual({ type_approval: 1 });
  });
  it('maps renamed Tronscan columns by alias, skips reverted rows, and agrees with TronGrid keys', async () => {
    const stats = newStats();
    const records = await all(importTronscanCsv(createReadStream(fixture('tronscan-transfers.csv')), 'ts.csv', stats));
    expect(records.map((r) => r.amount)).toEqual(['800', '500.25']);
    expect(stats.skipped).toEqual({ failed_transaction: 1 });
    const grid = await all(
      importTronGridJson(readFileSync(fixture('trongrid-trc20.json'), 'utf8'), 'tg.json', newStats()),
    );
    expect(records.map((r) => `${r.txHash}|${r.key}`)).toEqual(grid.slice(0, 2).map((r) => `${r.txHash}|${r.key}`));
  });
  it('names the item for a bad TronGrid value', async () => {
    const text = JSON.stringify({
      data: [{ transaction_id: 'c'.repeat(64), type: 'Transfer', value: 12, token_info: { decimals: 6 } }],
    });
    const err = await failure(() => [...importTronGridJson(text, 'tg.json', newStats())]);
    expect(err.message).toMatch(/^tg\.json, line 1: item 1: value/);
  });
});

describe('Esplora address transactions', () => {
  it('turns a transaction into input and output flows through a transaction node; skips unconfirmed ones', async () => {
    const stats = newStats();
    const records: FlowRecord[] = [
      ...importEsploraJson(readFileSync(fixture('esplora-address-txs.json'), 'utf8'), 'e.json', stats),
    ];
    expect(records.map((r) => [r.key, r.amount])).toEqual([
      ['in:0', '0.0015'],
      ['in:1', '0.0025'],
      ['out:0', '0.003'],
      ['out:1', '0.0009718'],
    ]);
    expect(records[0]!.to).toBe(`btc-tx:${records[0]!.txHash}`);
    expect(records[2]!.from).toBe(records[0]!.to);
    expect(stats.skipped).toEqual({ output_without_address: 1, unconfirmed: 1 });
  });
  it('rejects a file that is not an Esplora tx list', async () => {
    expect((await failure(() => [...importEsploraJson('{"txs": []}', 'x.json', newStats())])).code).toBe(
      'crypto_import_unknown_columns',
    );
    expect((await failure(() => [...importEsploraJson('[{"txid": 1', 'x.json', newStats())])).code).toBe(
      'crypto_import_malformed',
    );
  });
});

describe('tags', () => {
  it('reads every shipped GraphSense TagPack with header defaults applied', () => {
    const counts: Record<string, number> = {};
    for (const name of readdirSync(cryptoDataPath('tags')).filter((f) => f.endsWith('.yaml'))) {
      const stats = newStats();
      const tags = importTagPackYaml(readFileSync(cryptoDataPath('tags', name), 'utf8'), name, stats);
      counts[name] = tags.length;
      expect(tags.every((t) => t.label.length > 0)).toBe(true);
    }
    // BTC, ETH, USDT, TRX of 572; other chains are skipped, and one Tron address listed as BTC is reported.
    expect(counts['ofac.yaml']).toBe(385 - 1 + 147 + 9 + 3);
    expect(counts['usdt_blacklist.yaml']).toBe(774);
    expect(counts['walletexplorer.yaml']).toBe(386);
    expect(counts['interpol-real_services.yaml']).toBe(10);
    const kucoin = newStats();
    importTagPackYaml(readFileSync(cryptoDataPath('tags', 'exchange-wallets-kucoin.yaml'), 'utf8'), 'k.yaml', kucoin);
    // USDT on chains Trag does not read (Algorand, EOS …) and one truncated Tron address: reported, not fatal.
    expect(kucoin.warnings).toHaveLength(11);
    expect(kucoin.warnings[0]).toMatch(/^k\.yaml, line 53: "T6MXHXMGXURKJ7AD5NCB4IYPLWX" is not a valid address/);
    const binance = importTagPackYaml(
      readFileSync(cryptoDataPath('tags', 'exchange-wallets-binance.yaml'), 'utf8'),
      'b.yaml',
      newStats(),
    );
    expect(binance.find((t) => t.address === 'TJDENsfBJs4RFETt1X1W8wMDc8M5XnJhCe')).toMatchObject({
      chain: 'trx',
      category: 'exchange',
      actor: 'binance',
      confidence: 'service_data',
      isClusterDefiner: true,
      pack: 'Binance reserve wallets',
    });
  });
  it('leaves out, and reports by line, a tag whose address does not match its currency', () => {
    const yaml =
      'title: t\nlabel: x\ntags:\n- address: 1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH\n  currency: BTC\n- address: 1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH\n  currency: ETH\n';
    const stats = newStats();
    expect(importTagPackYaml(yaml, 'p.yaml', stats)).toHaveLength(1);
    expect(stats.warnings).toEqual([expect.stringMatching(/^p\.yaml, line 6: tag for ETH/)]);
  });
  it('reports an invalid address by line (or fails in strict mode)', () => {
    const yaml = 'title: t\nlabel: x\ntags:\n- address: 1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMJ\n  currency: BTC\n';
    const stats = newStats();
    expect(importTagPackYaml(yaml, 'p.yaml', stats)).toEqual([]);
    expect(stats.warnings[0]).toMatch(/^p\.yaml, line 4: .*invalid_checksum/);
    expect(() => importTagPackYaml(yaml, 'p.yaml', newStats(), { strict: true })).toThrow(
      /p\.yaml, line 4: .*invalid_checksum/,
    );
  });
  it('reads the simple tag CSV', async () => {
    const tags = await importTagCsv(createReadStream(fixture('tags.csv')), 'tags.csv', newStats());
    expect(tags.map((t) => [t.chain, t.category])).toEqual([
      ['eth', 'exchange'],
      ['trx', 'exchange'],
      ['eth', 'suspect'],
    ]);
  });
});
