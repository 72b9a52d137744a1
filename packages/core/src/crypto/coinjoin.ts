// CoinJoin recognition. A CoinJoin combines inputs of many unrelated people, so the common-input-ownership
// heuristic must NOT merge its input addresses. We recognise the published shapes and, conservatively, any
// transaction whose outputs contain a set of equal values at least as large as… see `detectCoinJoin`.
//
// Sources: Meiklejohn et al. 2013 ("A Fistful of Bitcoins"); Kalodner et al. 2020 (BlockSci, CoinJoin detection:
// equal-value outputs, participants ≥ 2, outputs ≤ 2 × participants); Samourai Whirlpool pools (5 in / 5 out,
// denominations 0.001, 0.01, 0.05, 0.5 BTC); Wasabi 1.x (≈0.1 BTC denomination, many equal outputs) and Wasabi 2
// (many inputs, several repeated standard denominations); JoinMarket (n equal outputs + up to n change outputs).

export interface CoinJoinInput {
  /** Address of the spent output, or null when unknown. */
  address: string | null;
  value: number;
}
export interface CoinJoinOutput {
  address: string | null;
  value: number;
}

export type CoinJoinPattern = 'whirlpool' | 'wasabi' | 'wasabi2' | 'joinmarket' | 'equal_outputs';

export interface CoinJoinVerdict {
  coinjoin: boolean;
  pattern: CoinJoinPattern | null;
  /** Plain-language reasons, for the report. */
  reasons: string[];
  /** The repeated output value and how often it occurs. */
  equalValue?: number;
  equalCount?: number;
}

const WHIRLPOOL_POOLS = [100_000, 1_000_000, 5_000_000, 50_000_000];
/** Below this, equal outputs are more likely dust or fee artefacts than mixing denominations. */
const DUST = 1_000;

const btc = (sats: number) => `${(sats / 1e8).toFixed(8).replace(/0+$/, '').replace(/\.$/, '')} BTC`;

export function detectCoinJoin(inputs: CoinJoinInput[], outputs: CoinJoinOutput[]): CoinJoinVerdict {
  const none: CoinJoinVerdict = { coinjoin: false, pattern: null, reasons: [] };
  if (inputs.length < 2 || outputs.length < 2) return none;
  const counts = new Map<number, number>();
  for (const o of outputs) if (o.value >= DUST) counts.set(o.value, (counts.get(o.value) ?? 0) + 1);
  let equalValue = 0;
  let equalCount = 0;
  for (const [value, count] of counts) {
    if (count > equalCount || (count === equalCount && value > equalValue)) {
      equalValue = value;
      equalCount = count;
    }
  }
  if (equalCount < 2) return none;
  const participants = new Set(inputs.map((i, n) => i.address ?? `#${n}`)).size;
  const base = { coinjoin: true as const, equalValue, equalCount };

  if (inputs.length === 5 && outputs.length === 5 && equalCount === 5 && WHIRLPOOL_POOLS.includes(equalValue)) {
    return {
      ...base,
      pattern: 'whirlpool',
      reasons: [`5 inputs and 5 outputs of exactly ${btc(equalValue)}, a Whirlpool pool denomination`],
    };
  }
  if (equalCount >= 10 && equalValue >= 9_000_000 && equalValue <= 11_000_000 && participants >= equalCount) {
    return {
      ...base,
      pattern: 'wasabi',
      reasons: [
        `${equalCount} equal outputs of ${btc(equalValue)} (Wasabi 1 denomination ≈0.1 BTC) from ${participants} input addresses`,
      ],
    };
  }
  const repeated = [...counts.values()].filter((c) => c >= 2).length;
  if (inputs.length >= 50 && repeated >= 3) {
    return {
      ...base,
      pattern: 'wasabi2',
      reasons: [`${inputs.length} inputs and ${repeated} different output values each repeated (Wasabi 2 style)`],
    };
  }
  // BlockSci's rule: n equal outputs, at least n participants, and no more than 2n outputs (one equal output plus at
  // most one change output per participant). JoinMarket transactions have exactly this shape.
  if (participants >= equalCount && outputs.length <= 2 * equalCount + 1) {
    const joinmarket = outputs.length >= equalCount + 1 && equalCount >= 3;
    return {
      ...base,
      pattern: joinmarket ? 'joinmarket' : 'equal_outputs',
      reasons: [
        `${equalCount} outputs of exactly ${btc(equalValue)} from ${participants} different input addresses, ` +
          `with ${outputs.length} outputs in total (at most one change each)`,
      ],
    };
  }
  return none;
}
