// Cluster grouping of the flow graph: members of a multi-input cluster share a group; collapsing the cluster draws
// one node that carries every flow in and out of its members, and drops the flows between them.
import { describe, expect, it } from 'vitest';
import type { crypto } from '@trag/contracts';
import { buildFlow, CLUSTER_PREFIX, traceClusters } from './flow-graph';

const transfer = (id: string, from: string, to: string, amount: number, time: number) => ({
  transfer: { id, from, to, amount, time, asset: 'BTC', txHash: id.padStart(64, '0'), seq: Number(id) },
  traced: amount,
  hop: 1,
});

// seed → a, seed → b (a and b are one cluster, an exchange's deposit wallets), a → b, b → c.
const trace = {
  result: {
    method: 'fifo',
    direction: 'forward',
    seedValue: 10,
    endpoints: [],
    edges: [
      transfer('1', 'seed', 'a', 4, 1),
      transfer('2', 'seed', 'b', 6, 2),
      transfer('3', 'a', 'b', 1, 3),
      transfer('4', 'b', 'c', 2, 4),
    ],
    nodes: [
      { node: 'seed', hop: 0 },
      { node: 'a', hop: 1 },
      { node: 'b', hop: 1 },
      { node: 'c', hop: 2 },
    ],
    truncated: false,
  },
  tags: {
    b: [{ label: 'Exchange X', category: 'exchange', source: 'pack', confidence: null, pack: 'pack', actor: null }],
  },
  otherCases: {},
  snapshot: { maxSeq: 4, imports: [] },
  clusters: { a: { id: 'a', size: 5 }, b: { id: 'a', size: 5 } },
} as unknown as crypto.TraceResponse;

describe('cluster grouping in the flow graph', () => {
  it('names the clusters with two or more members in the trace after their service tag', () => {
    expect(traceClusters(trace)).toMatchObject([
      { id: 'a', size: 5, members: ['a', 'b'], tag: { label: 'Exchange X' } },
    ]);
  });

  it('draws members as themselves with their cluster id while the cluster is open', () => {
    const flow = buildFlow(trace, new Set());
    expect(flow.nodes.map((n) => [n.id, n.cluster])).toEqual([
      ['seed', undefined],
      ['a', 'a'],
      ['b', 'a'],
      ['c', undefined],
    ]);
    expect(flow.edges.map((e) => e.id)).toEqual(['seed→a', 'seed→b', 'a→b', 'b→c']);
  });

  it('collapses the cluster into one node carrying its flows in and out, without the flows inside it', () => {
    const flow = buildFlow(trace, new Set(), new Set(['a']));
    const node = `${CLUSTER_PREFIX}a`;
    expect(flow.nodes.map((n) => n.id)).toEqual(['seed', node, 'c']);
    expect(flow.nodes[1]).toMatchObject({ members: ['a', 'b'], hop: 1, tag: { label: 'Exchange X' } });
    expect(flow.edges.map((e) => [e.id, e.traced])).toEqual([
      [`seed→${node}`, 10],
      [`${node}→c`, 2],
    ]);
  });
});
