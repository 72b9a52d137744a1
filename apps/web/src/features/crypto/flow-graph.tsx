// The flow graph of a trace: addresses (and Bitcoin transactions) as nodes, traced transfers aggregated per pair of
// nodes as edges with amount, asset and time; exchanges and tagged services carry a badge. SVG laid out with
// d3-force (computed, then drawn). Click selects (detail panel); nodes can be pinned by dragging, hidden, and the
// time slider shows the flow up to a moment. Addresses of one multi-input cluster are drawn inside a dashed group
// named after the cluster's service tag; a collapsed cluster is one node carrying all of its members' flows.
import { useMemo, useRef, useState, type PointerEvent } from 'react';
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  type SimulationNodeDatum,
} from 'd3-force';
import type { crypto } from '@trag/contracts';

export interface FlowNode extends SimulationNodeDatum {
  id: string;
  hop: number;
  tx: boolean;
  tag: crypto.TagInfo | undefined;
  endpoint: crypto.TraceResponse['result']['endpoints'][number] | undefined;
  seed: boolean;
  /** The cluster the address belongs to (id = its smallest address), when it is in one. */
  cluster: string | undefined;
  /** For a collapsed cluster's node: the member addresses in this trace. */
  members?: string[];
}

export const CLUSTER_PREFIX = 'cluster:';
const NO_CLUSTERS: ReadonlySet<string> = new Set();

export interface FlowCluster {
  id: string;
  /** Addresses in the whole cluster. */
  size: number;
  /** Members that appear in this trace. */
  members: string[];
  /** The service tag of the cluster: the first exchange/service tag of a member, else any member's tag. */
  tag: crypto.TagInfo | undefined;
}

/** Clusters (of two or more addresses in the case) with members in this trace, in a stable order. */
export function traceClusters(trace: crypto.TraceResponse): FlowCluster[] {
  const byId = new Map<string, FlowCluster>();
  for (const n of trace.result.nodes) {
    const c = trace.clusters?.[n.node];
    if (!c) continue;
    const entry = byId.get(c.id) ?? { id: c.id, size: c.size, members: [], tag: undefined };
    entry.members.push(n.node);
    byId.set(c.id, entry);
  }
  const out = [...byId.values()];
  for (const c of out) {
    const tags = c.members.flatMap((m) => trace.tags[m] ?? []);
    c.tag = tags.find((t) => t.category === 'exchange' || t.category === 'service') ?? tags[0];
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}
export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  traced: number;
  asset: string;
  firstTime: number;
  lastTime: number;
  transfers: crypto.TraceResponse['result']['edges'];
}

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; id: string } | null;

export function buildFlow(
  trace: crypto.TraceResponse,
  hidden: Set<string>,
  collapsed: ReadonlySet<string> = NO_CLUSTERS,
) {
  const endpointOf = new Map(trace.result.endpoints.map((e) => [e.node, e]));
  const grouped = new Map(traceClusters(trace).map((c) => [c.id, c]));
  /** Where a trace node is drawn: itself, or its collapsed cluster's node. */
  const shown = new Map<string, string>();
  const nodes = new Map<string, FlowNode>();
  for (const n of trace.result.nodes) {
    if (hidden.has(n.node)) continue;
    const clusterId = trace.clusters?.[n.node]?.id;
    const cluster = clusterId ? grouped.get(clusterId) : undefined;
    if (cluster && collapsed.has(cluster.id)) {
      const id = `${CLUSTER_PREFIX}${cluster.id}`;
      shown.set(n.node, id);
      const existing = nodes.get(id);
      if (existing) {
        existing.hop = Math.min(existing.hop, n.hop);
        existing.seed ||= n.hop === 0;
        existing.members!.push(n.node);
      } else {
        nodes.set(id, {
          id,
          hop: n.hop,
          tx: false,
          tag: cluster.tag,
          endpoint: undefined,
          seed: n.hop === 0,
          cluster: cluster.id,
          members: [n.node],
        });
      }
      continue;
    }
    shown.set(n.node, n.node);
    nodes.set(n.node, {
      id: n.node,
      hop: n.hop,
      tx: n.node.startsWith('btc-tx:'),
      tag: trace.tags[n.node]?.[0],
      endpoint: endpointOf.get(n.node),
      seed: n.hop === 0,
      cluster: cluster?.id,
    });
  }
  const edges = new Map<string, FlowEdge>();
  for (const e of trace.result.edges) {
    const from = shown.get(e.transfer.from);
    const to = shown.get(e.transfer.to);
    // Flows inside a collapsed cluster are not drawn (they stay in the table and the detail panel).
    if (!from || !to || from === to || e.traced <= 0) continue;
    const id = `${from}→${to}`;
    const edge = edges.get(id) ?? {
      id,
      source: from,
      target: to,
      traced: 0,
      asset: e.transfer.asset,
      firstTime: e.transfer.time,
      lastTime: e.transfer.time,
      transfers: [],
    };
    edge.traced += e.traced;
    edge.firstTime = Math.min(edge.firstTime, e.transfer.time);
    edge.lastTime = Math.max(edge.lastTime, e.transfer.time);
    edge.transfers.push(e);
    edges.set(id, edge);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

export const short = (s: string) => (s.length > 16 ? `${s.slice(0, 8)}…${s.slice(-5)}` : s);
export const amount = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 6 });

export function FlowGraph({
  trace,
  hidden,
  until,
  selection,
  onSelect,
  collapsed = NO_CLUSTERS,
  onToggleCluster,
  clusterLabel = (c: FlowCluster) => `${c.members.length}/${c.size}`,
  width = 760,
  height = 420,
}: {
  trace: crypto.TraceResponse;
  hidden: Set<string>;
  /** Cluster ids drawn as one node. */
  collapsed?: ReadonlySet<string>;
  onToggleCluster?(clusterId: string): void;
  /** The caption of a cluster group or node (translated by the caller). */
  clusterLabel?(c: FlowCluster): string;
  /** Only edges whose first transfer is at or before this time (ms) are drawn. */
  until: number;
  selection: Selection;
  onSelect(s: Selection): void;
  width?: number;
  height?: number;
}) {
  const [pinned, setPinned] = useState<Record<string, { x: number; y: number }>>({});
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<string | null>(null);
  const flow = useMemo(() => buildFlow(trace, hidden, collapsed), [trace, hidden, collapsed]);
  const clusters = useMemo(() => traceClusters(trace), [trace]);
  const layout = useMemo(() => {
    const maxHop = Math.max(1, ...flow.nodes.map((n) => n.hop));
    const nodes = flow.nodes.map((n) => ({ ...n }));
    const links = flow.edges.map((e) => ({ source: e.source, target: e.target }));
    const sim = forceSimulation(nodes)
      .force(
        'link',
        forceLink<FlowNode, { source: string; target: string }>(links)
          .id((n) => n.id)
          .distance(70),
      )
      .force('charge', forceManyBody().strength(-220))
      .force('x', forceX<FlowNode>((n) => 40 + (n.hop / maxHop) * (width - 80)).strength(0.6))
      .force('collide', forceCollide(18))
      .force('center', forceCenter(width / 2, height / 2))
      .stop();
    for (let i = 0; i < 250; i++) sim.tick();
    const clamp = (v: number | undefined, max: number) => Math.max(14, Math.min(max - 14, v ?? max / 2));
    return new Map(nodes.map((n) => [n.id, { x: clamp(n.x, width), y: clamp(n.y, height) }]));
  }, [flow, width, height]);
  const at = (id: string) => pinned[id] ?? layout.get(id)!;
  const maxTraced = Math.max(1e-12, ...flow.edges.map((e) => e.traced));

  const toSvg = (event: PointerEvent) => {
    const rect = svg.current!.getBoundingClientRect();
    return {
      x: ((event.clientX - rect.left) / rect.width) * width,
      y: ((event.clientY - rect.top) / rect.height) * height,
    };
  };

  return (
    <svg
      ref={svg}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      className="crypto-flow"
      role="img"
      aria-label="flow graph"
      data-testid="crypto-flow-graph"
      onPointerMove={(e) => {
        if (dragging.current) setPinned((p) => ({ ...p, [dragging.current!]: toSvg(e) }));
      }}
      onPointerUp={() => (dragging.current = null)}
    >
      <defs>
        <marker
          id="crypto-arrow"
          viewBox="0 0 10 10"
          refX="16"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#7a8699" />
        </marker>
      </defs>
      {clusters
        .filter((c) => !collapsed.has(c.id))
        .map((c) => {
          const points = flow.nodes.filter((n) => n.cluster === c.id).map((n) => at(n.id));
          if (!points.length) return null;
          const xs = points.map((p) => p.x);
          const ys = points.map((p) => p.y);
          const [x0, x1, y0, y1] = [
            Math.min(...xs) - 18,
            Math.max(...xs) + 18,
            Math.min(...ys) - 22,
            Math.max(...ys) + 28,
          ];
          return (
            <g key={c.id} className="crypto-cluster" data-cluster={c.id} onClick={() => onToggleCluster?.(c.id)}>
              <rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} rx={12} />
              <text x={x0 + 6} y={y0 - 4} className="crypto-cluster-label">
                {clusterLabel(c)}
              </text>
            </g>
          );
        })}
      {flow.edges
        .filter((e) => e.firstTime <= until)
        .map((e) => {
          const a = at(e.source);
          const b = at(e.target);
          const selected = selection?.kind === 'edge' && selection.id === e.id;
          return (
            <g key={e.id} className="crypto-edge" onClick={() => onSelect({ kind: 'edge', id: e.id })}>
              <line
                x1={a.x}
                y1={a.y}
                x2={b.x}
                y2={b.y}
                stroke={selected ? '#d97706' : '#7a8699'}
                strokeWidth={1 + 5 * (e.traced / maxTraced)}
                markerEnd="url(#crypto-arrow)"
              >
                <title>{`${amount(e.traced)} ${e.asset} · ${new Date(e.firstTime).toISOString().slice(0, 16)}`}</title>
              </line>
              <text x={(a.x + b.x) / 2} y={(a.y + b.y) / 2 - 4} className="crypto-edge-label">
                {`${amount(e.traced)} ${e.asset}`}
              </text>
            </g>
          );
        })}
      {flow.nodes.map((n) => {
        const p = at(n.id);
        const selected = selection?.kind === 'node' && selection.id === n.id;
        const exchange = n.tag?.category === 'exchange';
        const fill = n.seed ? '#2563eb' : exchange ? '#f59e0b' : n.tag ? '#a855f7' : n.tx ? '#cbd5e1' : '#64748b';
        return (
          <g
            key={n.id}
            className="crypto-node"
            data-node={n.id}
            onClick={() => onSelect({ kind: 'node', id: n.id })}
            onPointerDown={() => (dragging.current = n.id)}
          >
            {n.members ? (
              <g>
                <circle cx={p.x} cy={p.y} r={15} fill={fill} stroke="#334155" strokeDasharray="4 2" strokeWidth={2} />
                <text x={p.x} y={p.y + 4} textAnchor="middle" className="crypto-cluster-count">
                  {n.members.length}
                </text>
              </g>
            ) : n.tx ? (
              <rect
                x={p.x - 6}
                y={p.y - 6}
                width={12}
                height={12}
                fill={fill}
                stroke={selected ? '#d97706' : '#334155'}
              />
            ) : (
              <circle
                cx={p.x}
                cy={p.y}
                r={n.seed ? 11 : 9}
                fill={fill}
                stroke={selected ? '#d97706' : pinned[n.id] ? '#111' : '#fff'}
                strokeWidth={selected ? 3 : 2}
              />
            )}
            {exchange && (
              <text x={p.x + 9} y={p.y - 9} className="crypto-badge">
                ⇄
              </text>
            )}
            <text x={p.x} y={p.y + (n.members ? 28 : 22)} textAnchor="middle" className="crypto-node-label">
              {n.members
                ? clusterLabel(clusters.find((c) => c.id === n.cluster)!)
                : n.tag
                  ? n.tag.label.slice(0, 24)
                  : n.tx
                    ? ''
                    : short(n.id)}
            </text>
            <title>{n.id}</title>
          </g>
        );
      })}
    </svg>
  );
}
