// Etherscan CSV exports: normal transactions, internal transactions and ERC-20 token transfers, with both the
// current headers ("Transaction Hash", "DateTime (UTC)") and older ones ("Txhash", "DateTime", "Value"). The kind is
// recognised from the header. Failed transactions and zero-value rows move no value and are skipped (counted).
import type { Readable } from 'node:stream';
import { readCsvRows, type ColumnSpec } from './csv-rows';
import { importError, TransferKeys, type FlowRecord } from './flow-record';
import { isZero, requireAddress, requireAmount, requireTime, skip, type ImportStats } from './import-common';

const COLUMNS: ColumnSpec[] = [
  { name: 'hash', aliases: ['Transaction Hash', 'Txhash', 'Tx Hash', 'Txn Hash', 'hash'], required: true },
  { name: 'block', aliases: ['Blockno', 'Block No', 'Block', 'blockNumber'], required: false },
  { name: 'unix', aliases: ['UnixTimestamp', 'Unix Timestamp', 'timeStamp'], required: false },
  { name: 'datetime', aliases: ['DateTime (UTC)', 'DateTime', 'Date Time (UTC)', 'Date Time'], required: false },
  { name: 'from', aliases: ['From', 'from'], required: true },
  { name: 'to', aliases: ['To', 'TxTo', 'to'], required: true },
  { name: 'contract', aliases: ['ContractAddress', 'Contract Address', 'Token Contract'], required: false },
  { name: 'valueIn', aliases: ['Value_IN(ETH)', 'Value_IN', 'Value In'], required: false },
  { name: 'valueOut', aliases: ['Value_OUT(ETH)', 'Value_OUT', 'Value Out'], required: false },
  { name: 'tokenValue', aliases: ['TokenValue', 'Token Value', 'Value', 'Quantity'], required: false },
  { name: 'symbol', aliases: ['TokenSymbol', 'Token Symbol', 'Symbol'], required: false },
  { name: 'parentFrom', aliases: ['ParentTxFrom'], required: false },
  { name: 'status', aliases: ['Status', 'isError'], required: false },
  { name: 'errCode', aliases: ['ErrCode', 'Error Code'], required: false },
];

export type EtherscanKind = 'normal' | 'internal' | 'erc20';

export interface EtherscanOptions {
  /** For token-page exports that carry no token columns ("Quantity" only): the token they are about. */
  tokenSymbol?: string;
  tokenContract?: string;
}

export async function* importEtherscanCsv(
  input: Readable,
  file: string,
  stats: ImportStats,
  options: EtherscanOptions = {},
): AsyncGenerator<FlowRecord> {
  const keys = new TransferKeys();
  let kind: EtherscanKind | null = null;
  for await (const row of readCsvRows(input, file, COLUMNS)) {
    stats.read++;
    if (!kind) {
      const tokenPage = row.has('tokenValue') && !row.has('valueIn') && !row.has('valueOut');
      kind = row.has('symbol') || tokenPage ? 'erc20' : row.has('parentFrom') ? 'internal' : 'normal';
      if (tokenPage && !row.has('contract') && !options.tokenContract) {
        throw importError(
          file,
          1,
          'this token-page export has no token columns: say which token contract it is for',
          'crypto_import_token_unknown',
        );
      }
      if (kind === 'erc20' && !row.has('tokenValue'))
        throw importError(file, 1, 'ERC-20 export without a TokenValue/Value column', 'crypto_import_unknown_columns');
      if (kind !== 'erc20' && !row.has('valueIn') && !row.has('valueOut')) {
        throw importError(
          file,
          1,
          'no Value_IN(ETH)/Value_OUT(ETH) columns: not an Etherscan transaction export',
          'crypto_import_unknown_columns',
        );
      }
      if (!row.has('unix') && !row.has('datetime'))
        throw importError(file, 1, 'no UnixTimestamp or DateTime column', 'crypto_import_unknown_columns');
    }
    const line = row.line;
    const hash = (row.get('hash') ?? '').trim().toLowerCase();
    if (!/^0x[0-9a-f]{64}$/.test(hash))
      throw importError(file, line, `"${hash.slice(0, 80)}" is not a transaction hash`, 'crypto_import_bad_hash');
    const status = (row.get('status') ?? '').trim();
    if ((row.get('errCode') ?? '').trim() !== '' || /error|fail/i.test(status) || status === '1') {
      skip(stats, 'failed_transaction');
      continue;
    }
    const time =
      row.has('unix') && row.get('unix')
        ? requireTime(row.get('unix'), file, line, 'UnixTimestamp')
        : requireTime(row.get('datetime'), file, line, 'DateTime');
    const from = requireAddress(row.get('from'), 'eth', file, line, 'From');
    const toRaw = (row.get('to') ?? '').trim();
    const to = requireAddress(toRaw === '' ? row.get('contract') : toRaw, 'eth', file, line, 'To');
    const blockRaw = (row.get('block') ?? '').trim();
    const blockNumber = /^\d+$/.test(blockRaw) ? Number(blockRaw) : null;
    let amount: string;
    let asset = 'ETH';
    let tokenContract: string | null = null;
    if (kind === 'erc20') {
      amount = requireAmount(row.get('tokenValue'), file, line, 'TokenValue');
      asset = (row.get('symbol') ?? '').trim() || options.tokenSymbol || 'TOKEN';
      tokenContract = requireAddress(
        row.get('contract') || options.tokenContract,
        'eth',
        file,
        line,
        'ContractAddress',
      );
    } else {
      const valueIn = row.has('valueIn') ? requireAmount(row.get('valueIn') || '0', file, line, 'Value_IN(ETH)') : '0';
      const valueOut = row.has('valueOut')
        ? requireAmount(row.get('valueOut') || '0', file, line, 'Value_OUT(ETH)')
        : '0';
      amount = isZero(valueIn) ? valueOut : valueIn;
    }
    if (isZero(amount)) {
      skip(stats, 'zero_value');
      continue;
    }
    const key = keys.next(hash, kind, [tokenContract ?? 'eth', from.toLowerCase(), to.toLowerCase(), amount]);
    stats.records++;
    yield {
      chain: 'eth',
      asset,
      tokenContract,
      txHash: hash,
      key,
      from,
      to,
      amount,
      time,
      blockNumber,
      source: { file, line },
    };
  }
}
