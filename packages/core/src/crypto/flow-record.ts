// The normalised value-flow record every importer produces and the store keeps.
//
// Account chains (Ethereum, Tron, tokens) move value address → address. Bitcoin moves it through transactions, so a
// Bitcoin transaction is a node of its own ("btc-tx:<txid>"): each input is a flow address → tx, each output a flow
// tx → address. Tracing then treats a transaction node as a pass-through whose inputs all arrive and whose outputs
// all leave at the same moment; what does not leave is the miner fee.
import { AppError } from '../shared';
import type { AddressChain } from './address';

export interface FlowRecord {
  chain: AddressChain;
  /** BTC, ETH, TRX or the token symbol (USDT …). */
  asset: string;
  /** Token contract (normalised address), or null for the chain's own coin. */
  tokenContract: string | null;
  txHash: string;
  /** Unique within (chain, txHash), derived from content so that re-importing any export of it gives the same key. */
  key: string;
  from: string;
  to: string;
  /** Exact decimal amount in asset units, e.g. "1234.5". */
  amount: string;
  /** ISO-8601 UTC. */
  time: string;
  blockNumber: number | null;
  /** Where the record came from: file name and line (CSV), or array index + 1 (JSON). */
  source: { file: string; line: number };
}

export interface TagRecord {
  /** Normalised address. */
  address: string;
  chain: AddressChain;
  label: string;
  category: string | null;
  actor: string | null;
  source: string | null;
  /** GraphSense confidence level id (e.g. service_data, authority_data, ledger_immanent) or free text. */
  confidence: string | null;
  isClusterDefiner: boolean;
  /** TagPack title or CSV file name: where the tag was published. */
  pack: string;
  creator: string | null;
  lastmod: string | null;
  context: string | null;
  line: number;
}

export const btcTxNode = (txid: string) => `btc-tx:${txid}`;
export const isTxNode = (node: string) => node.startsWith('btc-tx:');

export function importError(
  file: string,
  line: number | null,
  reason: string,
  code = 'crypto_import_invalid',
): AppError {
  const where = line === null ? file : `${file}, line ${line}`;
  return new AppError('invalid', code, `${where}: ${reason}`, { details: { file, line } });
}

/** Content key for account-chain transfers: same transfer → same key, whichever address's export it came from. */
export class TransferKeys {
  private readonly seen = new Map<string, number>();
  next(txHash: string, kind: string, parts: string[]): string {
    const base = `${kind}:${parts.join(':')}`;
    const id = `${txHash}|${base}`;
    const n = this.seen.get(id) ?? 0;
    this.seen.set(id, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  }
}
