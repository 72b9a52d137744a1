// Raw Bitcoin blocks → the value-flow records every other importer produces (see flow-record.ts): each input
// address → transaction node, transaction node → each output address. Same keys (in:<i>, out:<i>), nodes and amounts
// as the Esplora importer, so a transaction seen in both a block file and an explorer export is stored once.
//
// Inputs spend earlier outputs; a block does not say what they were. They are resolved from outputs of the same
// run (earlier blocks, or earlier in the block) and then from `lookup` (a utxostore, a node …). An input that
// cannot be resolved has no known address or value: it is left out and counted, never guessed.
import type { BtcNetwork } from './address';
import { coinbaseHeight, type ParsedBlock } from './block-parser';
import { resolveBlockTransactions, type PrevoutLookup } from './block-transactions';
import { satsToBtc } from './decimal-amount';
import { btcTxNode, type FlowRecord } from './flow-record';
import { skip, type ImportStats } from './import-common';

export interface BlockFlowOptions {
  /** Where the blocks came from (file name, or "node 127.0.0.1:8332"), for the records' source. */
  file: string;
  /** Keep only transactions that touch one of these addresses (an input or an output); null keeps every one. */
  watch: ReadonlySet<string> | null;
  lookup?: PrevoutLookup;
  network?: BtcNetwork;
  /**
   * Remember outputs of the blocks read so far to resolve later inputs. Memory grows with the outputs read (tens of
   * bytes each): fine for a blk*.dat file (~130 MB, a few hundred thousand outputs).
   */
  rememberOutputs?: boolean;
}

/** Turns blocks into flow records one at a time, keeping what later blocks need (earlier outputs, line numbers). */
export class BlockFlows {
  private readonly seen = new Map<string, { value: number; script: Uint8Array }[]>();
  private readonly lookup: PrevoutLookup;
  private line = 0;

  constructor(
    private readonly stats: ImportStats,
    private readonly options: BlockFlowOptions,
  ) {
    this.lookup = (txid, vout) => this.seen.get(txid)?.[vout] ?? options.lookup?.(txid, vout);
  }

  *records(block: ParsedBlock): Generator<FlowRecord> {
    const { stats, options } = this;
    const height = coinbaseHeight(block);
    const time = new Date(block.header.time * 1000).toISOString();
    const resolved = resolveBlockTransactions(block, this.lookup, options.network ?? 'mainnet');
    if (options.rememberOutputs !== false) {
      for (const tx of block.txs) {
        this.seen.set(
          tx.txid,
          tx.outputs.map((o) => ({ value: o.value, script: o.script })),
        );
      }
    }
    for (const tx of resolved) {
      const line = ++this.line;
      stats.read++;
      const watch = options.watch;
      if (
        watch &&
        !tx.inputs.some((i) => i.address !== null && watch.has(i.address)) &&
        !tx.outputs.some((o) => o.address !== null && watch.has(o.address))
      ) {
        skip(stats, 'not_watched');
        continue;
      }
      const node = btcTxNode(tx.txid);
      const base = {
        chain: 'btc' as const,
        asset: 'BTC',
        tokenContract: null,
        txHash: tx.txid,
        time,
        blockNumber: height,
        source: { file: options.file, line },
      };
      for (let i = 0; i < tx.inputs.length; i++) {
        const input = tx.inputs[i]!;
        if (Number.isNaN(input.value)) {
          skip(stats, 'input_prevout_unknown');
          continue;
        }
        if (input.address === null) {
          skip(stats, 'input_without_address');
          continue;
        }
        stats.records++;
        yield { ...base, key: `in:${i}`, from: input.address, to: node, amount: satsToBtc(input.value) };
      }
      for (let i = 0; i < tx.outputs.length; i++) {
        const output = tx.outputs[i]!;
        if (output.address === null || output.value === 0) {
          skip(stats, 'output_without_address');
          continue;
        }
        stats.records++;
        yield { ...base, key: `out:${i}`, from: node, to: output.address, amount: satsToBtc(output.value) };
      }
    }
  }

  /** Adds the summary warning about inputs that could not be resolved. */
  finish(): void {
    const unknown = this.stats.skipped.input_prevout_unknown ?? 0;
    if (unknown) {
      this.stats.warnings.push(
        `${this.options.file}: ${unknown} inputs spend outputs that are not in these blocks; their addresses and values are unknown and they were left out. Import the blocks they come from first (or an Esplora export with prevouts).`,
      );
    }
  }
}

export function* blockFlowRecords(
  blocks: Iterable<ParsedBlock>,
  stats: ImportStats,
  options: BlockFlowOptions,
): Generator<FlowRecord> {
  const flows = new BlockFlows(stats, options);
  for (const block of blocks) yield* flows.records(block);
  flows.finish();
}
