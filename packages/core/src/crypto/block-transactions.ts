// Turns parsed blocks into value flows: every input resolved to the address and value it spends (from a prevout
// source such as a utxostore, an Esplora export or earlier blocks), every output to its address.
import { isCoinbaseInput, prevTxid, type ParsedBlock } from './block-parser';
import { classifyScript } from './script';
import type { BtcNetwork } from './address';
import type { ClusterTx } from './address-cluster';

export interface ResolvedIo {
  address: string | null;
  value: number;
  scriptType: string;
}
export interface ResolvedInput extends ResolvedIo {
  prevTxid: string;
  vout: number;
}
export interface ResolvedTx {
  txid: string;
  blockHash: string;
  /** Unix seconds of the block. */
  time: number;
  coinbase: boolean;
  /** Inputs whose prevout could not be resolved are listed with address null and value NaN. */
  inputs: ResolvedInput[];
  outputs: ResolvedIo[];
  unresolvedInputs: number;
}

export type PrevoutLookup = (txid: string, vout: number) => { value: number; script: Uint8Array } | undefined;

/**
 * Resolves the transactions of a block. Outputs created earlier in the same block are found in the block itself;
 * the rest come from `lookup`.
 */
export function resolveBlockTransactions(
  block: ParsedBlock,
  lookup: PrevoutLookup,
  network: BtcNetwork = 'mainnet',
): ResolvedTx[] {
  const local = new Map<string, ResolvedIo[]>();
  const out: ResolvedTx[] = [];
  for (const tx of block.txs) {
    const outputs = tx.outputs.map((o) => {
      const info = classifyScript(o.script, network);
      return { address: info.address, value: o.value, scriptType: info.type };
    });
    local.set(tx.txid, outputs);
    const coinbase = tx.inputs.length === 1 && isCoinbaseInput(tx.inputs[0]!);
    let unresolved = 0;
    const inputs: ResolvedInput[] = coinbase
      ? []
      : tx.inputs.map((i) => {
          const id = prevTxid(i);
          const inBlock = local.get(id)?.[i.vout];
          if (inBlock) return { ...inBlock, prevTxid: id, vout: i.vout };
          const found = lookup(id, i.vout);
          if (!found) {
            unresolved++;
            return { address: null, value: Number.NaN, scriptType: 'unknown', prevTxid: id, vout: i.vout };
          }
          const info = classifyScript(found.script, network);
          return { address: info.address, value: found.value, scriptType: info.type, prevTxid: id, vout: i.vout };
        });
    out.push({
      txid: tx.txid,
      blockHash: block.hash,
      time: block.header.time,
      coinbase,
      inputs,
      outputs,
      unresolvedInputs: unresolved,
    });
  }
  return out;
}

export function toClusterTx(tx: ResolvedTx): ClusterTx {
  return {
    txid: tx.txid,
    inputs: tx.inputs.map((i) => ({ address: i.address, value: i.value })),
    outputs: tx.outputs.map((o) => ({ address: o.address, value: o.value, scriptType: o.scriptType })),
    inputScriptTypes: tx.inputs.map((i) => i.scriptType),
  };
}
