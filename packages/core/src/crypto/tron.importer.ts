// Tron transfer exports: TronGrid TRC-20 JSON (/v1/accounts/:address/transactions/trc20) and Tronscan CSV.
// TronGrid: keep type "Transfer", skip "Approval"; "value" is a string of base units scaled by token_info.decimals.
// Tronscan: columns are found by name, with the aliases the site has used over time.
import type { Readable } from 'node:stream';
import { readCsvRows, type ColumnSpec } from './csv-rows';
import { scaleUnits } from './decimal-amount';
import { importError, TransferKeys, type FlowRecord } from './flow-record';
import { isZero, requireAddress, requireAmount, requireTime, skip, type ImportStats } from './import-common';

interface TronGridItem {
  transaction_id?: unknown;
  token_info?: { symbol?: unknown; address?: unknown; decimals?: unknown };
  block_timestamp?: unknown;
  from?: unknown;
  to?: unknown;
  type?: unknown;
  value?: unknown;
}

export function* importTronGridJson(text: string, file: string, stats: ImportStats): Generator<FlowRecord> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw importError(file, null, `not valid JSON (${(error as Error).message})`, 'crypto_import_malformed');
  }
  const items = Array.isArray(doc) ? doc : (doc as { data?: unknown })?.data;
  if (!Array.isArray(items))
    throw importError(file, null, 'expected a TronGrid response with a "data" array', 'crypto_import_unknown_columns');
  const keys = new TransferKeys();
  for (let n = 0; n < items.length; n++) {
    const item = items[n] as TronGridItem;
    const line = n + 1; // item number
    stats.read++;
    if (item?.type !== 'Transfer') {
      skip(stats, `type_${String(item?.type ?? 'missing').toLowerCase()}`);
      continue;
    }
    const hash = String(item.transaction_id ?? '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hash))
      throw importError(file, line, `item ${line}: transaction_id is not a 64-hex hash`, 'crypto_import_bad_hash');
    const decimals = Number(item.token_info?.decimals);
    const amount = typeof item.value === 'string' ? scaleUnits(item.value, decimals) : null;
    if (amount === null)
      throw importError(
        file,
        line,
        `item ${line}: value must be a string of base units with token_info.decimals`,
        'crypto_import_bad_amount',
      );
    if (isZero(amount)) {
      skip(stats, 'zero_value');
      continue;
    }
    const from = requireAddress(String(item.from ?? ''), 'trx', file, line, 'from');
    const to = requireAddress(String(item.to ?? ''), 'trx', file, line, 'to');
    const tokenContract = requireAddress(
      String(item.token_info?.address ?? ''),
      'trx',
      file,
      line,
      'token_info.address',
    );
    const asset = String(item.token_info?.symbol ?? 'TRC20');
    const time = requireTime(Number(item.block_timestamp), file, line, 'block_timestamp');
    const key = keys.next(hash, 'trc20', [tokenContract, from, to, amount]);
    stats.records++;
    yield {
      chain: 'trx',
      asset,
      tokenContract,
      txHash: hash,
      key,
      from,
      to,
      amount,
      time,
      blockNumber: null,
      source: { file, line },
    };
  }
}

const TRONSCAN_COLUMNS: ColumnSpec[] = [
  {
    name: 'hash',
    aliases: ['Transaction Hash', 'Hash', 'TxID', 'Txn Hash', 'transaction_id', 'Transaction ID'],
    required: true,
  },
  {
    name: 'time',
    aliases: ['Time', 'Date Time', 'Block Time', 'Date(UTC)', 'block_ts', 'timestamp', 'Age'],
    required: true,
  },
  { name: 'from', aliases: ['From', 'From Address', 'from_address', 'transferFromAddress'], required: true },
  { name: 'to', aliases: ['To', 'To Address', 'to_address', 'transferToAddress'], required: true },
  { name: 'amount', aliases: ['Amount', 'Value', 'Quantity', 'quant', 'Token Amount'], required: true },
  {
    name: 'token',
    aliases: ['Token', 'Token Symbol', 'Symbol', 'tokenName', 'Currency', 'Token Name'],
    required: false,
  },
  { name: 'contract', aliases: ['Contract', 'Contract Address', 'Token Address', 'contract_address'], required: false },
  { name: 'block', aliases: ['Block', 'Block Height', 'block'], required: false },
  { name: 'status', aliases: ['Status', 'Result', 'contractRet'], required: false },
];

export async function* importTronscanCsv(
  input: Readable,
  file: string,
  stats: ImportStats,
): AsyncGenerator<FlowRecord> {
  const keys = new TransferKeys();
  for await (const row of readCsvRows(input, file, TRONSCAN_COLUMNS)) {
    stats.read++;
    const line = row.line;
    const status = (row.get('status') ?? '').trim();
    if (status && !/^(success|confirmed|ok)$/i.test(status)) {
      skip(stats, 'failed_transaction');
      continue;
    }
    const hash = (row.get('hash') ?? '').trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hash))
      throw importError(file, line, `"${hash.slice(0, 80)}" is not a transaction hash`, 'crypto_import_bad_hash');
    const amount = requireAmount(row.get('amount'), file, line, 'Amount');
    if (isZero(amount)) {
      skip(stats, 'zero_value');
      continue;
    }
    const from = requireAddress(row.get('from'), 'trx', file, line, 'From');
    const to = requireAddress(row.get('to'), 'trx', file, line, 'To');
    const contractRaw = (row.get('contract') ?? '').trim();
    const tokenContract = contractRaw ? requireAddress(contractRaw, 'trx', file, line, 'Contract') : null;
    const asset = (row.get('token') ?? '').trim().toUpperCase() || 'TRX';
    const time = requireTime(row.get('time'), file, line, 'Time');
    const blockRaw = (row.get('block') ?? '').trim().replace(/,/g, '');
    const key = keys.next(hash, tokenContract ? 'trc20' : 'trx', [tokenContract ?? asset, from, to, amount]);
    stats.records++;
    yield {
      chain: 'trx',
      asset,
      tokenContract,
      txHash: hash,
      key,
      from,
      to,
      amount,
      time,
      blockNumber: /^\d+$/.test(blockRaw) ? Number(blockRaw) : null,
      source: { file, line },
    };
  }
}
