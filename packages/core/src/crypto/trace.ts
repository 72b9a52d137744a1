// Fund tracing over a transfer graph. Pure: transfers in, attributed flows and endpoints out.
//
// The graph: nodes are addresses (and Bitcoin transaction nodes "btc-tx:<txid>", see flow-record.ts); edges are
// transfers with an amount and a time. Tracing follows the seed's value through the graph, hop by hop, in time order:
// value can only leave a node after it arrived there.
//
// Attribution (what share of a node's outgoing transfer is the traced value), in plain language:
//   • poison  — once any traced value reaches a node, everything that node sends afterwards counts as traced.
//               Over-inclusive by design; amounts are the full transfer amounts and can exceed the seed value.
//   • haircut — the node's balance is a mixture; each outgoing transfer carries the traced share of the balance at
//               that moment (pro rata). Traced value is conserved.
//   • fifo    — first in, first out: each outgoing transfer is paid from the oldest value still held. Conserved.
// Value received from sources outside the data is treated as untraced ("clean"); a node that sends more than it is
// known to hold is assumed to have used untraced funds for the difference.
//
// Backward tracing runs the same procedure on the reversed graph (edges reversed, time reversed): it attributes the
// seed's incoming value to earlier senders. For FIFO it matches the latest outflows with the latest inflows, which is
// the same matching as forward FIFO when the node's inflows and outflows balance.
//
// Stop conditions: a node for which `stopAt` returns a reason (an exchange or tagged service: the value "reached"
// it), the hop limit, the node limit, the time window, the minimum value. Everything the seed sent ends at exactly
// one endpoint, so endpoint amounts add up to the seed value (except with poison).

export interface TraceTransfer {
  id: string;
  from: string;
  to: string;
  amount: number;
  /** Milliseconds since the epoch. */
  time: number;
  asset: string;
  txHash: string;
  /** Tie-breaker for equal times (import order: a Bitcoin transaction's inputs before its outputs). */
  seq: number;
}

export type TraceMethod = 'fifo' | 'haircut' | 'poison';
export type TraceDirection = 'forward' | 'backward';

export interface TraceParams {
  /** Seed addresses (one address, or all addresses of a cluster), or one transfer id. */
  seed: { addresses: string[] } | { transferId: string };
  direction: TraceDirection;
  method: TraceMethod;
  maxHops: number;
  maxNodes: number;
  /** Only follow this asset (BTC, ETH, USDT …). */
  asset?: string;
  /** Time window (ms); transfers outside it are not followed. */
  since?: number;
  until?: number;
  /** Transfers smaller than this are not followed; the traced value they carry ends at `below_minimum`. */
  minValue?: number;
}

export type EndpointReason = 'stopped' | 'max_hops' | 'max_nodes' | 'held' | 'fee' | 'below_minimum' | 'outside_window';

export interface TracePath {
  /** Nodes from the seed to the endpoint. */
  nodes: string[];
  /** Transfer ids along the path. */
  transfers: string[];
  amount: number;
}

export interface TraceEndpoint {
  node: string;
  reason: EndpointReason;
  /** For reason "stopped": why (e.g. "exchange: Binance"). */
  stopReason?: string;
  amount: number;
  /** amount / seed value. */
  share: number;
  paths: TracePath[];
}

export interface TraceEdge {
  transfer: TraceTransfer;
  /** The traced part of the transfer's amount (full amount under poison). */
  traced: number;
  hop: number;
}

export interface TraceResult {
  method: TraceMethod;
  direction: TraceDirection;
  seedValue: number;
  endpoints: TraceEndpoint[];
  edges: TraceEdge[];
  /** Nodes the traced value passed through or reached, with the smallest hop count. */
  nodes: { node: string; hop: number }[];
  /** True when the node limit cut the trace short. */
  truncated: boolean;
}

export interface TraceGraph {
  /** Every transfer touching the node (both directions), any order. */
  transfersOf(node: string): TraceTransfer[];
  transfer(id: string): TraceTransfer | undefined;
}

/** The same, loaded on demand (from a database). `prefetch` lets the engine load a node before asking about it. */
export interface AsyncTraceGraph {
  transfersOf(node: string): Promise<TraceTransfer[]>;
  transfer(id: string): Promise<TraceTransfer | undefined>;
  prefetch?(nodes: string[]): Promise<void>;
}

export function asAsyncGraph(graph: TraceGraph): AsyncTraceGraph {
  return { transfersOf: async (n) => graph.transfersOf(n), transfer: async (id) => graph.transfer(id) };
}

export class InMemoryTraceGraph implements TraceGraph {
  private readonly byNode = new Map<string, TraceTransfer[]>();
  private readonly byId = new Map<string, TraceTransfer>();
  constructor(transfers: Iterable<TraceTransfer>) {
    for (const t of transfers) {
      this.byId.set(t.id, t);
      for (const n of t.from === t.to ? [t.from] : [t.from, t.to]) {
        const list = this.byNode.get(n);
        if (list) list.push(t);
        else this.byNode.set(n, [t]);
      }
    }
  }
  transfersOf(node: string): TraceTransfer[] {
    return this.byNode.get(node) ?? [];
  }
  transfer(id: string): TraceTransfer | undefined {
    return this.byId.get(id);
  }
}

// ---- taint bookkeeping ----------------------------------------------------------------------------------------

interface Component {
  nodes: string[];
  transfers: string[];
  hops: number;
  amount: number;
}
type Taint = Map<string, Component>;

/** Beyond this many distinct paths per holding, the smallest are merged so that dense graphs stay tractable. */
const MAX_COMPONENTS = 64;
const EPS = 1e-12;

const total = (t: Taint) => {
  let s = 0;
  for (const c of t.values()) s += c.amount;
  return s;
};

function addInto(target: Taint, c: Component): void {
  const key = c.transfers.join('>');
  const existing = target.get(key);
  if (existing) existing.amount += c.amount;
  else target.set(key, { ...c });
  if (target.size > MAX_COMPONENTS) {
    const sorted = [...target.entries()].sort((a, b) => a[1].amount - b[1].amount);
    const [k1, small] = sorted[0]!;
    const [k2, next] = sorted[1]!;
    target.delete(k1);
    target.delete(k2);
    const merged: Component = { ...next, amount: next.amount + small.amount, transfers: [...next.transfers, '…'] };
    target.set(merged.transfers.join('>'), merged);
  }
}

/** Takes `fraction` of every component out of `from`, returning the taken part. */
function takeFraction(from: Taint, fraction: number): Taint {
  const out: Taint = new Map();
  if (fraction <= 0) return out;
  for (const [k, c] of from) {
    const amount = c.amount * Math.min(1, fraction);
    if (amount <= EPS) continue;
    out.set(k, { ...c, amount });
    c.amount -= amount;
    if (c.amount <= EPS) from.delete(k);
  }
  return out;
}

function extend(t: Taint, transfer: TraceTransfer, countsAsHop: boolean): Taint {
  const out: Taint = new Map();
  for (const c of t.values()) {
    addInto(out, {
      nodes: [...c.nodes, transfer.to],
      transfers: [...c.transfers, transfer.id],
      hops: c.hops + (countsAsHop ? 1 : 0),
      amount: c.amount,
    });
  }
  return out;
}

interface Lot {
  remaining: number;
  taint: Taint;
}

/** Per-node balance state for one attribution method. */
class Holding {
  balance = 0;
  readonly taint: Taint = new Map(); // haircut & poison
  readonly lots: Lot[] = []; // fifo
  poisoned = false;
  constructor(private readonly method: TraceMethod) {}

  receive(amount: number, taint: Taint): void {
    this.balance += amount;
    if (this.method === 'fifo') {
      this.lots.push({ remaining: amount, taint: new Map([...taint].map(([k, c]) => [k, { ...c }])) });
      return;
    }
    if (taint.size) this.poisoned = true;
    for (const c of taint.values()) addInto(this.taint, c);
  }

  /** Sends `amount`; returns the traced components it carries. */
  send(amount: number): Taint {
    const out: Taint = new Map();
    switch (this.method) {
      case 'poison': {
        this.balance = Math.max(0, this.balance - amount);
        if (!this.poisoned) return out;
        // Every component is carried whole (poison does not conserve value); amounts are rescaled in `trace`.
        for (const c of this.taint.values()) addInto(out, { ...c });
        return out;
      }
      case 'haircut': {
        const fraction = this.balance > EPS ? amount / this.balance : 1;
        const taken = takeFraction(this.taint, fraction);
        this.balance = Math.max(0, this.balance - amount);
        return taken;
      }
      case 'fifo': {
        let need = amount;
        while (need > EPS && this.lots.length) {
          const lot = this.lots[0]!;
          const use = Math.min(need, lot.remaining);
          for (const c of takeFraction(lot.taint, use / lot.remaining).values()) addInto(out, c);
          lot.remaining -= use;
          need -= use;
          if (lot.remaining <= EPS) this.lots.shift();
        }
        this.balance = Math.max(0, this.balance - amount);
        return out; // anything beyond the known balance came from untraced funds
      }
    }
  }

  held(): Taint {
    if (this.method === 'poison') {
      // Under poison the whole remaining balance is traced; split it over the paths that poisoned the node.
      if (!this.poisoned || this.balance <= EPS) return new Map();
      const out: Taint = new Map();
      for (const c of this.taint.values()) addInto(out, { ...c, amount: this.balance / this.taint.size });
      return out;
    }
    if (this.method !== 'fifo') return this.taint;
    const out: Taint = new Map();
    for (const lot of this.lots) for (const c of lot.taint.values()) addInto(out, c);
    return out;
  }
}

// ---- the trace ------------------------------------------------------------------------------------------------

const cmp = (a: TraceTransfer, b: TraceTransfer) =>
  a.time - b.time || a.seq - b.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function reversed(t: TraceTransfer): TraceTransfer {
  return { ...t, from: t.to, to: t.from, time: -t.time, seq: -t.seq };
}

/** A min-heap of transfers ordered by (time, seq, id). */
class TransferHeap {
  private readonly items: TraceTransfer[] = [];
  get size() {
    return this.items.length;
  }
  push(t: TraceTransfer): void {
    const a = this.items;
    a.push(t);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (cmp(a[i]!, a[p]!) >= 0) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): TraceTransfer | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && cmp(a[l]!, a[m]!) < 0) m = l;
        if (r < a.length && cmp(a[r]!, a[m]!) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

export interface TraceHooks {
  /** Return a reason ("exchange: Binance") to stop at a node: value that reaches it is reported, not followed. */
  stopAt?: (node: string) => string | null;
  /** Whether a node is a transaction pseudo-node (passing through it is not a hop). */
  isTxNode?: (node: string) => boolean;
}

/** Traces over an in-memory graph. */
export function trace(graph: TraceGraph, params: TraceParams, hooks: TraceHooks = {}): Promise<TraceResult> {
  return traceAsync(asAsyncGraph(graph), params, hooks);
}

export async function traceAsync(
  graph: AsyncTraceGraph,
  params: TraceParams,
  hooks: TraceHooks = {},
): Promise<TraceResult> {
  const backward = params.direction === 'backward';
  const isTx = hooks.isTxNode ?? ((n: string) => n.startsWith('btc-tx:'));
  const stopAt = hooks.stopAt ?? (() => null);
  // Work in "trace time": reversed for backward tracing, so the algorithm below only ever looks forward.
  const view = (t: TraceTransfer) => (backward ? reversed(t) : t);
  const inWindow = (t: TraceTransfer) => {
    const real = backward ? -t.time : t.time;
    return (params.since === undefined || real >= params.since) && (params.until === undefined || real <= params.until);
  };
  const assetOk = (t: TraceTransfer) => params.asset === undefined || t.asset === params.asset;

  const holdings = new Map<string, Holding>();
  const scheduled = new Set<string>();
  const heap = new TransferHeap();
  const hopOf = new Map<string, number>();
  const edges = new Map<string, TraceEdge>();
  const endpoints = new Map<string, { node: string; reason: EndpointReason; stopReason?: string; taint: Taint }>();
  let truncated = false;

  const endpoint = (node: string, reason: EndpointReason, taint: Taint, stopReason?: string) => {
    if (!taint.size) return;
    const key = `${reason}|${node}`;
    let e = endpoints.get(key);
    if (!e) endpoints.set(key, (e = { node, reason, stopReason, taint: new Map() }));
    for (const c of taint.values()) addInto(e.taint, c);
  };
  const noteHop = (node: string, hop: number) => {
    const h = hopOf.get(node);
    if (h === undefined || hop < h) hopOf.set(node, hop);
  };

  /** Chronological (trace-time) transfers of a node, filtered to the asset. */
  const history = async (node: string) => (await graph.transfersOf(node)).filter(assetOk).map(view).sort(cmp);

  const activate = async (node: string, at: TraceTransfer): Promise<Holding | null> => {
    const existing = holdings.get(node);
    if (existing) return existing;
    if (holdings.size >= params.maxNodes) {
      truncated = true;
      return null;
    }
    const h = new Holding(params.method);
    holdings.set(node, h);
    for (const t of await history(node)) {
      if (cmp(t, at) < 0) {
        // Replay earlier activity: untraced value in and out, so the balance is right when traced value arrives.
        if (t.to === node) h.receive(t.amount, new Map());
        if (t.from === node) h.send(t.amount);
      } else if (t.id !== at.id && !scheduled.has(t.id)) {
        scheduled.add(t.id);
        heap.push(t);
      }
    }
    return h;
  };

  // Seed.
  let seedValue = 0;
  const seedTaint = (t: TraceTransfer): Taint =>
    new Map([[t.id, { nodes: [t.from, t.to], transfers: [t.id], hops: isTx(t.to) ? 0 : 1, amount: t.amount }]]);
  const seeds: TraceTransfer[] = [];
  if ('transferId' in params.seed) {
    const t = await graph.transfer(params.seed.transferId);
    if (t) seeds.push(view(t));
  } else {
    const seedSet = new Set(params.seed.addresses);
    for (const a of seedSet) {
      for (const t of await history(a)) {
        if (
          t.from === a &&
          !seedSet.has(t.to) &&
          inWindow(t) &&
          (params.minValue === undefined || t.amount >= params.minValue)
        ) {
          seeds.push(t);
        }
      }
    }
  }
  const seedIds = new Set(seeds.map((s) => s.id));
  for (const s of seeds) {
    seedValue += s.amount;
    scheduled.add(s.id);
    heap.push(s);
    noteHop(s.from, 0);
  }

  const deliver = async (t: TraceTransfer, taint: Taint) => {
    const hop = Math.min(...[...taint.values()].map((c) => c.hops));
    noteHop(t.to, hop);
    const edge = edges.get(t.id);
    const traced = total(taint);
    if (edge) edge.traced += traced;
    else edges.set(t.id, { transfer: backward ? reversed(t) : t, traced, hop });
    await graph.prefetch?.([t.to]);
    const stop = stopAt(t.to);
    if (stop) return endpoint(t.to, 'stopped', taint, stop);
    const follow: Taint = new Map();
    const over: Taint = new Map();
    for (const c of taint.values()) addInto(c.hops >= params.maxHops && !isTx(t.to) ? over : follow, c);
    endpoint(t.to, 'max_hops', over);
    if (!follow.size) return;
    const h = await activate(t.to, t);
    if (!h) return endpoint(t.to, 'max_nodes', follow);
    h.receive(t.amount, follow);
  };

  while (heap.size) {
    const t = heap.pop()!;
    if (seedIds.has(t.id)) {
      await deliver(t, seedTaint(t));
      continue;
    }
    const sender = holdings.get(t.from);
    const receiver = holdings.get(t.to);
    let carried: Taint = new Map();
    if (sender) {
      carried = sender.send(t.amount);
      if (params.method === 'poison') for (const c of carried.values()) c.amount = t.amount / carried.size;
    }
    if (carried.size && (!inWindow(t) || (params.minValue !== undefined && t.amount < params.minValue))) {
      endpoint(t.from, inWindow(t) ? 'below_minimum' : 'outside_window', carried);
      carried = new Map();
    }
    if (carried.size) {
      await deliver(t, extend(carried, t, !isTx(t.to)));
    } else if (receiver) {
      receiver.receive(t.amount, new Map());
    }
  }
  for (const [node, h] of holdings) endpoint(node, isTx(node) ? 'fee' : 'held', h.held());

  const out: TraceEndpoint[] = [...endpoints.values()]
    .map((e) => {
      const paths = [...e.taint.values()]
        .sort((a, b) => b.amount - a.amount)
        .map((c) => ({
          nodes: backward ? [...c.nodes].reverse() : c.nodes,
          transfers: backward ? [...c.transfers].reverse() : c.transfers,
          amount: c.amount,
        }));
      const amount = total(e.taint);
      return {
        node: e.node,
        reason: e.reason,
        ...(e.stopReason ? { stopReason: e.stopReason } : {}),
        amount,
        share: seedValue > 0 ? amount / seedValue : 0,
        paths,
      };
    })
    .filter((e) => e.amount > EPS)
    .sort((a, b) => b.amount - a.amount || (a.node < b.node ? -1 : 1));
  return {
    method: params.method,
    direction: params.direction,
    seedValue,
    endpoints: out,
    edges: [...edges.values()].sort((a, b) => a.transfer.time - b.transfer.time || a.transfer.seq - b.transfer.seq),
    nodes: [...hopOf.entries()]
      .map(([node, hop]) => ({ node, hop }))
      .sort((a, b) => a.hop - b.hop || (a.node < b.node ? -1 : 1)),
    truncated,
  };
}
