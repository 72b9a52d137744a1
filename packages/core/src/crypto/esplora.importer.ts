// Esplora / Blockstream / mempool.space address transactions JSON (GET /address/:address/txs): each transaction with
// its inputs' prevouts, so every input has an address and a value. Unconfirmed transactions are skipped (no time).
import { satsToBtc } from './decimal-amount';
import { btcTxNode, importError, type FlowRecord } from './flow-record';
import { requireAddress, skip, type ImportStats } from './import-common';

interface EsploraTx {
  txid?: unknown;
  vin?: {
    txid?: unknown;
    vout?: unknown;
    is_coinbase?: unknown;
    prevout?: { scriptpubkey_address?: unknown; value?: unknown } | null;
  }[];
  vout?: { scriptpubkey_address?: unknown; value?: unknown; scriptpubkey_type?: unknown }[];
  status?: { confirmed?: unknown; block_height?: unknown; block_time?: unknown };
}

const sats = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

export function* importEsploraJson(text: string, file: string, stats: ImportStats): Generator<FlowRecord> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw importError(file, null, `not valid JSON (${(error as Error).message})`, 'crypto_import_malformed');
  }
  if (!Array.isArray(doc))
    throw importError(
      file,
      null,
      'expected a JSON array of transactions (Esplora /address/:address/txs)',
      'crypto_import_unknown_columns',
    );
  for (let n = 0; n < doc.length; n++) {
    const tx = doc[n] as EsploraTx;
    const line = n + 1;
    stats.read++;
    const txid = String(tx?.txid ?? '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(txid))
      throw importError(
        file,
        line,
        `transaction ${line}: txid is missing or not 64 hex characters`,
        'crypto_import_bad_hash',
      );
    if (!Array.isArray(tx.vin) || !Array.isArray(tx.vout))
      throw importError(
        file,
        line,
        `transaction ${line}: vin/vout arrays are missing`,
        'crypto_import_unknown_columns',
      );
    if (tx.status?.confirmed !== true || typeof tx.status.block_time !== 'number') {
      skip(stats, 'unconfirmed');
      continue;
    }
    const time = new Date(tx.status.block_time * 1000).toISOString();
    const blockNumber = typeof tx.status.block_height === 'number' ? tx.status.block_height : null;
    const node = btcTxNode(txid);
    const base = {
      chain: 'btc' as const,
      asset: 'BTC',
      tokenContract: null,
      txHash: txid,
      time,
      blockNumber,
      source: { file, line },
    };
    for (let i = 0; i < tx.vin.length; i++) {
      const vin = tx.vin[i]!;
      if (vin.is_coinbase === true) continue;
      const value = sats(vin.prevout?.value);
      if (value === null)
        throw importError(
          file,
          line,
          `transaction ${line}, input ${i}: prevout value missing (export with prevouts)`,
          'crypto_import_bad_amount',
        );
      const addr = vin.prevout?.scriptpubkey_address;
      if (typeof addr !== 'string') {
        skip(stats, 'input_without_address');
        continue;
      }
      stats.records++;
      yield {
        ...base,
        key: `in:${i}`,
        from: requireAddress(addr, 'btc', file, line, `vin[${i}].prevout.scriptpubkey_address`),
        to: node,
        amount: satsToBtc(value),
      };
    }
    for (let i = 0; i < tx.vout.length; i++) {
      const vout = tx.vout[i]!;
      const value = sats(vout.value);
      if (value === null)
        throw importError(
          file,
          line,
          `transaction ${line}, output ${i}: value is not a whole number of satoshis`,
          'crypto_import_bad_amount',
        );
      if (typeof vout.scriptpubkey_address !== 'string' || value === 0) {
        skip(stats, 'output_without_address');
        continue;
      }
      stats.records++;
      yield {
        ...base,
        key: `out:${i}`,
        from: node,
        to: requireAddress(vout.scriptpubkey_address, 'btc', file, line, `vout[${i}].scriptpubkey_address`),
        amount: satsToBtc(value),
      };
    }
  }
}
