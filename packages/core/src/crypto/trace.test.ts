import { describe, expect, it } from 'vitest';
import { InMemoryTraceGraph, trace, type TraceParams, type TraceTransfer } from './trace';

let seq = 0;
const t = (id: string, from: string, to: string, amount: number, time: number, asset = 'USDT'): TraceTransfer => ({
  id,
  from,
  to,
  amount,
  time,
  asset,
  txHash: id,
  seq: seq++,
});

// Hand-computed example (account chain). A already held 5 of untraced funds when the seed S sent it 10.
//   t0  C → A  5   (untraced)
//   t1  S → A 10   (the seed's value)
//   t2  A → B  8
//   t3  A → D  7
const accountGraph = () =>
  new InMemoryTraceGraph([
    t('c', 'C', 'A', 5, 0),
    t('s', 'S', 'A', 10, 1),
    t('ab', 'A', 'B', 8, 2),
    t('ad', 'A', 'D', 7, 3),
  ]);
const base: TraceParams = {
  seed: { addresses: ['S'] },
  direction: 'forward',
  method: 'fifo',
  maxHops: 5,
  maxNodes: 100,
};
const amounts = (r: Awaited<ReturnType<typeof trace>>) =>
  Object.fromEntries(r.endpoints.map((e) => [`${e.reason}:${e.node}`, Math.round(e.amount * 1e6) / 1e6]));

describe('attribution on a hand-computed example', () => {
  it('FIFO: A pays out its oldest 5 (untraced) first, so B gets 3 of the seed and D gets 7', async () => {
    const r = await trace(accountGraph(), base);
    expect(r.seedValue).toBe(10);
    expect(amounts(r)).toEqual({ 'held:B': 3, 'held:D': 7 });
    expect(r.edges.map((e) => [e.transfer.id, e.traced])).toEqual([
      ['s', 10],
      ['ab', 3],
      ['ad', 7],
    ]);
  });
  it('haircut: 10 of A’s 15 is traced; B gets 8 × 10/15 = 5.333333, D the remaining 4.666667', async () => {
    const r = await trace(accountGraph(), { ...base, method: 'haircut' });
    expect(amounts(r)).toEqual({ 'held:B': 5.333333, 'held:D': 4.666667 });
    expect(r.endpoints.reduce((n, e) => n + e.share, 0)).toBeCloseTo(1, 9);
  });
  it('poison: everything A sends after the seed arrived is traced in full (8 and 7, more than the seed)', async () => {
    const r = await trace(accountGraph(), { ...base, method: 'poison' });
    expect(amounts(r)).toEqual({ 'held:B': 8, 'held:D': 7 });
  });
  it('reports the path of each endpoint', async () => {
    const r = await trace(accountGraph(), base);
    expect(r.endpoints.find((e) => e.node === 'D')!.paths).toEqual([
      { nodes: ['S', 'A', 'D'], transfers: ['s', 'ad'], amount: 7 },
    ]);
  });
});

describe('stop conditions', () => {
  it('stops at a tagged exchange and reports what reached it', async () => {
    const r = await trace(accountGraph(), base, { stopAt: (n) => (n === 'D' ? 'exchange: Binance' : null) });
    expect(r.endpoints.find((e) => e.node === 'D')).toMatchObject({
      reason: 'stopped',
      stopReason: 'exchange: Binance',
      amount: 7,
      share: 0.7,
    });
  });
  it('stops after the hop limit', async () => {
    expect(amounts(await trace(accountGraph(), { ...base, maxHops: 1 }))).toEqual({ 'max_hops:A': 10 });
  });
  it('stops at the node limit and says the trace is truncated', async () => {
    const r = await trace(accountGraph(), { ...base, maxNodes: 1 });
    expect(r.truncated).toBe(true);
    // A takes the only slot; B and D are reached but not opened.
    expect(amounts(r)).toEqual({ 'max_nodes:B': 3, 'max_nodes:D': 7 });
  });
  it('does not follow transfers outside the time window or below the minimum', async () => {
    expect(amounts(await trace(accountGraph(), { ...base, until: 2 }))).toEqual({ 'held:B': 3, 'outside_window:A': 7 });
    expect(amounts(await trace(accountGraph(), { ...base, minValue: 7.5 }))).toEqual({
      'held:B': 3,
      'below_minimum:A': 7,
    });
  });
  it('follows only the chosen asset', async () => {
    const g = new InMemoryTraceGraph([
      t('s', 'S', 'A', 10, 1),
      t('x', 'A', 'B', 10, 2, 'ETH'),
      t('y', 'A', 'C', 10, 3),
    ]);
    expect(amounts(await trace(g, { ...base, asset: 'USDT' }))).toEqual({ 'held:C': 10 });
  });
});

describe('Bitcoin transactions as pass-through nodes', () => {
  // S (10) and X (5) fund one transaction paying P 12 and Q 2.5; fee 0.5.
  const btc = () =>
    new InMemoryTraceGraph([
      t('in0', 'S', 'btc-tx:1', 10, 100, 'BTC'),
      t('in1', 'X', 'btc-tx:1', 5, 100, 'BTC'),
      t('out0', 'btc-tx:1', 'P', 12, 100, 'BTC'),
      t('out1', 'btc-tx:1', 'Q', 2.5, 100, 'BTC'),
    ]);
  it('FIFO maps inputs to outputs in order: P gets all 10; the hop through the transaction counts once', async () => {
    const r = await trace(btc(), { ...base, maxHops: 1 });
    expect(amounts(r)).toEqual({ 'max_hops:P': 10 });
    expect(amounts(await trace(btc(), { ...base, maxHops: 2 }))).toEqual({ 'held:P': 10 });
    expect(r.nodes).toContainEqual({ node: 'P', hop: 1 });
  });
  it('haircut: P gets 12 × 10/15 = 8, Q 2.5 × 2/3 = 1.666667, the fee keeps 0.333333', async () => {
    expect(amounts(await trace(btc(), { ...base, method: 'haircut' }))).toEqual({
      'held:P': 8,
      'held:Q': 1.666667,
      'fee:btc-tx:1': 0.333333,
    });
  });
  it('traces backward from P to the inputs that funded it', async () => {
    const r = await trace(btc(), { ...base, seed: { addresses: ['P'] }, direction: 'backward', method: 'haircut' });
    expect(r.seedValue).toBe(12);
    const a = amounts(r);
    expect(a['held:S']! + a['held:X']!).toBeCloseTo(12, 6);
    expect(r.endpoints.find((e) => e.node === 'S')!.paths[0]!.nodes).toEqual(['S', 'btc-tx:1', 'P']);
  });
});

describe('reproducibility', () => {
  it('gives identical results for identical data and parameters, whatever the input order', async () => {
    const transfers = [
      t('c', 'C', 'A', 5, 0),
      t('s', 'S', 'A', 10, 1),
      t('ab', 'A', 'B', 8, 2),
      t('ad', 'A', 'D', 7, 3),
    ];
    const one = await trace(new InMemoryTraceGraph(transfers), { ...base, method: 'haircut' });
    const two = await trace(new InMemoryTraceGraph([...transfers].reverse()), { ...base, method: 'haircut' });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
