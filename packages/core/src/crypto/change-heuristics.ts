// Change-address heuristics. They are *suggestions* for an analyst, never merged into clusters automatically:
// each is known to fail (wallets that avoid reuse, round change, mixed script types), so every suggestion carries
// its reasons and a rough confidence the analyst can weigh.
//
// Sources: Meiklejohn et al. 2013 (one-time change); Androulaki et al. 2013 (optimal change / value);
// Nick 2015 and BlockSci (script-type match, round values); address reuse is direct self-change.
import type { ClusterTx } from './address-cluster';

export type ChangeHeuristic =
  'address_reuse' | 'one_time_change' | 'optimal_change' | 'script_type_match' | 'round_value';

export interface ChangeReason {
  heuristic: ChangeHeuristic;
  reason: string;
}

export interface ChangeSuggestion {
  txid: string;
  outputIndex: number;
  address: string;
  reasons: ChangeReason[];
  /** 0–1; address reuse is near certain, the others are weak on their own and add up. */
  confidence: number;
  /** True when the output pays back to one of the transaction's own input addresses (nothing to merge). */
  selfChange: boolean;
}

export interface ChangeContext {
  /** Whether the address had appeared on the chain before this transaction (for one-time change). */
  seenBefore?: (address: string) => boolean;
}

const WEIGHT: Record<ChangeHeuristic, number> = {
  address_reuse: 0.95,
  one_time_change: 0.4,
  optimal_change: 0.35,
  script_type_match: 0.2,
  round_value: 0.3,
};

/** A payment amount is "round" when it is a whole multiple of 0.0001 BTC (10,000 satoshis). */
const isRound = (sats: number) => sats > 0 && sats % 10_000 === 0;

export function suggestChange(tx: ClusterTx, context: ChangeContext = {}): ChangeSuggestion[] {
  const outputs = tx.outputs.map((o, index) => ({ ...o, index })).filter((o) => o.address !== null && o.value > 0);
  if (outputs.length < 2 && !outputs.some((o) => tx.inputs.some((i) => i.address === o.address))) return [];
  const inputAddresses = new Set(tx.inputs.map((i) => i.address).filter((a): a is string => a !== null));
  const reasons = new Map<number, ChangeReason[]>();
  const add = (index: number, r: ChangeReason) => {
    const list = reasons.get(index) ?? [];
    list.push(r);
    reasons.set(index, list);
  };

  for (const o of outputs) {
    if (inputAddresses.has(o.address!)) {
      add(o.index, {
        heuristic: 'address_reuse',
        reason: 'pays back to one of the addresses that funded the transaction',
      });
    }
  }
  if (context.seenBefore) {
    const fresh = outputs.filter((o) => !context.seenBefore!(o.address!));
    if (fresh.length === 1 && outputs.length >= 2) {
      add(fresh[0]!.index, {
        heuristic: 'one_time_change',
        reason: 'the only output address never seen before; the others had been used earlier',
      });
    }
  }
  const minInput = Math.min(...tx.inputs.map((i) => i.value));
  if (tx.inputs.length > 1 && Number.isFinite(minInput)) {
    const smaller = outputs.filter((o) => o.value < minInput);
    if (smaller.length === 1) {
      add(smaller[0]!.index, {
        heuristic: 'optimal_change',
        reason: 'smaller than every input: a wallet would not have needed the largest input to pay it',
      });
    }
  }
  const inTypes = new Set(tx.inputScriptTypes ?? []);
  if (inTypes.size === 1) {
    const [type] = inTypes;
    const matching = outputs.filter((o) => o.scriptType === type);
    if (matching.length === 1 && outputs.some((o) => o.scriptType && o.scriptType !== type)) {
      add(matching[0]!.index, {
        heuristic: 'script_type_match',
        reason: `the only output of the same address type (${type}) as the inputs`,
      });
    }
  }
  const nonRound = outputs.filter((o) => !isRound(o.value));
  if (nonRound.length === 1 && outputs.length >= 2) {
    add(nonRound[0]!.index, {
      heuristic: 'round_value',
      reason: 'the other outputs are round amounts (typical of payments); this one is not',
    });
  }

  const out: ChangeSuggestion[] = [];
  for (const [index, list] of reasons) {
    const o = tx.outputs[index]!;
    const miss = list.reduce((p, r) => p * (1 - WEIGHT[r.heuristic]), 1);
    out.push({
      txid: tx.txid,
      outputIndex: index,
      address: o.address!,
      reasons: list,
      confidence: Math.round((1 - miss) * 100) / 100,
      selfChange: inputAddresses.has(o.address!),
    });
  }
  return out.sort((a, b) => b.confidence - a.confidence || a.outputIndex - b.outputIndex);
}
