import { describe, expect, it } from 'vitest';
import { AddressClusterer, type ClusterTx } from './address-cluster';
import { readBlockFile, readBlockFileBytes } from './block-file';
import { isCoinbaseInput, prevTxid } from './block-parser';
import { resolveBlockTransactions, toClusterTx, type ResolvedTx } from './block-transactions';
import { parseBtcdUtxoStore } from './btcd-utxo-store';
import { suggestChange } from './change-heuristics';
import { detectCoinJoin } from './coinjoin';
import { classifyScript } from './script';
import { cryptoDataPath } from './shared-data';

async function block277647(): Promise<ResolvedTx[]> {
  const utxos = parseBtcdUtxoStore(await readBlockFileBytes(cryptoDataPath('btc', '277647.utxostore.bz2')));
  const byOutpoint = new Map(utxos.map((u) => [`${u.txid}:${u.vout}`, u]));
  const [block] = await readBlockFile(cryptoDataPath('btc', '277647.dat.bz2'));
  return resolveBlockTransactions(block!, (txid, vout) => byOutpoint.get(`${txid}:${vout}`));
}

describe('btcd utxostore for block 277647', () => {
  it('decodes 732 P2PKH prevouts whose values balance the block exactly (fees = coinbase − 25 BTC subsidy)', async () => {
    const utxos = parseBtcdUtxoStore(await readBlockFileBytes(cryptoDataPath('btc', '277647.utxostore.bz2')));
    expect(utxos).toHaveLength(732);
    expect(new Set(utxos.map((u) => classifyScript(u.script).type))).toEqual(new Set(['p2pkh']));
    const [block] = await readBlockFile(cryptoDataPath('btc', '277647.dat.bz2'));
    const byOutpoint = new Map(utxos.map((u) => [`${u.txid}:${u.vout}`, u.value]));
    let spent = 0;
    let paid = 0;
    for (const tx of block!.txs.slice(1)) {
      for (const i of tx.inputs) spent += byOutpoint.get(`${prevTxid(i)}:${i.vout}`)!;
      for (const o of tx.outputs) paid += o.value;
    }
    expect(isCoinbaseInput(block!.txs[0]!.inputs[0]!)).toBe(true);
    const coinbase = block!.txs[0]!.outputs.reduce((n, o) => n + o.value, 0);
    expect(spent - paid).toBe(coinbase - 25 * 1e8);
  });
  it('rejects a truncated store naming the offset', () => {
    const bad = new Uint8Array(50);
    expect(() => parseBtcdUtxoStore(bad, 'x.utxostore')).toThrow(/x\.utxostore.*offset/);
  });
});

describe('multi-input clustering of block 277647 (check values from PROVENANCE.md)', () => {
  it('reproduces 353 addresses → 168 clusters (74 multi), largest 44, 115 multi-input txs, 72 self-change', async () => {
    const txs = (await block277647()).filter((t) => !t.coinbase);
    expect(txs.every((t) => t.unresolvedInputs === 0)).toBe(true);

    // Independent derivation: connected components of the "spent together" graph, by depth-first search.
    const neighbours = new Map<string, Set<string>>();
    for (const t of txs) {
      const addrs = [...new Set(t.inputs.map((i) => i.address!))];
      for (const a of addrs) {
        const set = neighbours.get(a) ?? new Set<string>();
        for (const b of addrs) if (b !== a) set.add(b);
        neighbours.set(a, set);
      }
    }
    const seen = new Set<string>();
    const components: number[] = [];
    for (const start of neighbours.keys()) {
      if (seen.has(start)) continue;
      let n = 0;
      const stack = [start];
      seen.add(start);
      while (stack.length) {
        const a = stack.pop()!;
        n++;
        for (const b of neighbours.get(a)!) {
          if (!seen.has(b)) {
            seen.add(b);
            stack.push(b);
          }
        }
      }
      components.push(n);
    }
    expect(neighbours.size).toBe(353);
    expect(components).toHaveLength(168);
    expect(components.filter((n) => n > 1)).toHaveLength(74);
    expect(Math.max(...components)).toBe(44);
    expect(txs.filter((t) => t.inputs.length > 1)).toHaveLength(115);
    expect(txs.filter((t) => t.outputs.some((o) => t.inputs.some((i) => i.address === o.address)))).toHaveLength(72);

    // The union-find must agree, with CoinJoin exclusion on (2013: none detected).
    const clusterer = new AddressClusterer();
    for (const t of txs) clusterer.addTransaction(toClusterTx(t));
    const clusters = clusterer.clusters();
    expect(clusterer.addressCount).toBe(353);
    expect(clusters.map((c) => c.length).sort((a, b) => a - b)).toEqual(components.sort((a, b) => a - b));
    expect(clusterer.coinjoins).toEqual([]);
    expect(clusterer.links).toHaveLength(353 - 168); // a spanning forest: one stored link per join
  });

  it('explains why two addresses of the largest cluster are one entity with a chain of co-spending transactions', async () => {
    const txs = (await block277647()).filter((t) => !t.coinbase);
    const clusterer = new AddressClusterer();
    for (const t of txs) clusterer.addTransaction(toClusterTx(t));
    const largest = clusterer.clusters()[0]!;
    const [from, to] = [largest[0]!, largest.at(-1)!];
    const chain = clusterer.explain(from, to)!;
    expect(chain.length).toBeGreaterThan(0);
    const inputsOf = new Map(txs.map((t) => [t.txid, new Set(t.inputs.map((i) => i.address))]));
    let at = from;
    for (const step of chain) {
      expect(inputsOf.get(step.txid)!.has(step.a) && inputsOf.get(step.txid)!.has(step.b)).toBe(true);
      expect([step.a, step.b]).toContain(at);
      at = step.a === at ? step.b : step.a;
    }
    expect(at).toBe(to);
    const singleton = clusterer.clusters().find((c) => c.length === 1)![0]!;
    expect(clusterer.explain(from, singleton)).toBeNull();
  });
});

const tx = (txid: string, ins: [string, number][], outs: [string, number][]): ClusterTx => ({
  txid,
  inputs: ins.map(([address, value]) => ({ address, value })),
  outputs: outs.map(([address, value]) => ({ address, value })),
});

describe('incremental union-find', () => {
  it('joins existing clusters when a later transaction spends from both, and keeps the chain across batches', () => {
    const c = new AddressClusterer();
    c.addTransaction(
      tx(
        't1',
        [
          ['A', 5],
          ['B', 5],
        ],
        [['X', 9]],
      ),
    );
    c.addTransaction(
      tx(
        't2',
        [
          ['C', 5],
          ['D', 5],
        ],
        [['Y', 9]],
      ),
    );
    expect(c.sameCluster('A', 'D')).toBe(false);
    const r = c.addTransaction(
      tx(
        't3',
        [
          ['B', 1],
          ['C', 1],
        ],
        [['Z', 1]],
      ),
    );
    expect(r.merges).toBe(1);
    expect(c.sameCluster('A', 'D')).toBe(true);
    expect(c.explain('A', 'D')!.map((l) => l.txid)).toEqual(['t1', 't3', 't2']);
    // Re-adding the same transaction changes nothing (idempotent).
    expect(
      c.addTransaction(
        tx(
          't3',
          [
            ['B', 1],
            ['C', 1],
          ],
          [['Z', 1]],
        ),
      ).merges,
    ).toBe(0);
  });
  it('flags a transaction that suddenly makes a cluster huge', () => {
    const c = new AddressClusterer({ hugeClusterSize: 50 });
    const inputs: [string, number][] = Array.from({ length: 60 }, (_, i) => [`a${i}`, 1000 + i]);
    const r = c.addTransaction(tx('big', inputs, [['out', 10]]));
    expect(r.huge?.sizeAfter).toBe(60);
    expect(c.hugeFlags[0]!.reason).toMatch(/exchange/);
  });
});

describe('CoinJoin exclusion', () => {
  it('recognises a Whirlpool mix (5 × 0.01 BTC) and does not merge its inputs', () => {
    const ins: [string, number][] = ['p', 'q', 'r', 's', 't'].map((a) => [a, 1_001_000]);
    const outs: [string, number][] = ['v', 'w', 'x', 'y', 'z'].map((a) => [a, 1_000_000]);
    const c = new AddressClusterer();
    const r = c.addTransaction(tx('mix', ins, outs));
    expect(r.skipped).toMatchObject({ reason: 'coinjoin', verdict: { pattern: 'whirlpool' } });
    expect(c.sameCluster('p', 'q')).toBe(false);
  });
  it('recognises a JoinMarket-shaped join: 3 equal outputs + change from 3 makers', () => {
    const v = detectCoinJoin(
      [
        { address: 'a', value: 3e6 },
        { address: 'b', value: 4e6 },
        { address: 'c', value: 5e6 },
      ],
      [
        { address: 'x', value: 2_345_678 },
        { address: 'y', value: 2_345_678 },
        { address: 'z', value: 2_345_678 },
        { address: 'ch1', value: 650_000 },
        { address: 'ch2', value: 1_650_000 },
      ],
    );
    expect(v).toMatchObject({ coinjoin: true, pattern: 'joinmarket', equalCount: 3 });
  });
  it('recognises a Wasabi 1 round (many ≈0.1 BTC outputs)', () => {
    const ins = Array.from({ length: 40 }, (_, i) => ({ address: `i${i}`, value: 12_000_000 }));
    const outs = Array.from({ length: 30 }, (_, i) => ({ address: `o${i}`, value: 10_012_345 }));
    expect(detectCoinJoin(ins, outs).pattern).toBe('wasabi');
  });
  it('does not call an ordinary two-output payment a CoinJoin', () => {
    expect(
      detectCoinJoin(
        [
          { address: 'a', value: 5e6 },
          { address: 'b', value: 3e6 },
        ],
        [
          { address: 'shop', value: 7e6 },
          { address: 'chg', value: 990_000 },
        ],
      ).coinjoin,
    ).toBe(false);
  });
});

describe('change suggestions (never merged)', () => {
  it('suggests self-change by address reuse with its reason', () => {
    const s = suggestChange(
      tx(
        't',
        [['A', 10e6]],
        [
          ['shop', 4e6],
          ['A', 5_990_000],
        ],
      ),
    );
    expect(s[0]).toMatchObject({ outputIndex: 1, address: 'A', selfChange: true });
    expect(s[0]!.reasons.map((r) => r.heuristic)).toContain('address_reuse');
  });
  it('combines optimal change, round value, one-time change and script-type match', () => {
    const t: ClusterTx = {
      txid: 't',
      inputs: [
        { address: 'A', value: 6e6 },
        { address: 'B', value: 5e6 },
      ],
      outputs: [
        { address: 'shop', value: 10e6, scriptType: 'p2sh' },
        { address: 'new', value: 987_654, scriptType: 'p2pkh' },
      ],
      inputScriptTypes: ['p2pkh', 'p2pkh'],
    };
    const [s] = suggestChange(t, { seenBefore: (a) => a !== 'new' });
    expect(s!.address).toBe('new');
    expect(s!.reasons.map((r) => r.heuristic).sort()).toEqual([
      'one_time_change',
      'optimal_change',
      'round_value',
      'script_type_match',
    ]);
    expect(s!.confidence).toBeGreaterThan(0.7);
    // Suggestions do not touch clusters.
    const c = new AddressClusterer();
    c.addTransaction(t);
    expect(c.sameCluster('A', 'new')).toBe(false);
  });
});
