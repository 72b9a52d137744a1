// Items ↔ identifiers as an SVG force layout (d3-force, computed once, no animation). Identifiers are the larger
// nodes, sized by degree; flagged items are red.
import { useMemo } from 'react';
import {
  forceCenter,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import type { recruitment } from '@trag/contracts';

const GRAPH_IDENTIFIERS = 24;
const GRAPH_ITEMS_EACH = 6;

interface Node extends SimulationNodeDatum {
  id: string;
  kind: 'item' | 'identifier';
  label: string;
  degree: number;
  flagged: boolean;
}

export function NetworkGraph({
  view,
  width = 640,
  height = 360,
}: {
  view: recruitment.NetworkResponse;
  width?: number;
  height?: number;
}) {
  const layout = useMemo(() => {
    // A readable picture, not the whole view: the most connected identifiers and a few items of each (the table
    // beside it lists every identifier of the view, the exports the whole network).
    const shown = view.identifiers.slice(0, GRAPH_IDENTIFIERS);
    const itemIds = new Set(shown.flatMap((i) => i.itemIds.slice(0, GRAPH_ITEMS_EACH)));
    const nodes: Node[] = [
      ...shown.map((i) => ({
        id: `id:${i.key}`,
        kind: 'identifier' as const,
        label: i.value,
        degree: i.degree,
        flagged: false,
      })),
      ...view.items
        .filter((i) => itemIds.has(i.id))
        .map((i) => ({ id: `item:${i.id}`, kind: 'item' as const, label: i.excerpt, degree: 1, flagged: i.flagged })),
    ];
    const known = new Set(nodes.map((n) => n.id));
    const links = view.edges
      .map((e) => ({ from: `item:${e.itemId}`, to: `id:${e.identifierKey}` }))
      .filter((l) => known.has(l.from) && known.has(l.to));
    // d3 replaces source/target with the node objects, so the simulation gets its own copies
    const simLinks = links.map((l) => ({ source: l.from, target: l.to }));
    const simulation = forceSimulation(nodes)
      .force(
        'link',
        forceLink<Node, { source: string | Node; target: string | Node }>(simLinks)
          .id((n) => n.id)
          .distance(40),
      )
      .force('charge', forceManyBody().strength(-60))
      .force('center', forceCenter(width / 2, height / 2))
      // separate clusters drift apart under the charge alone and end up stacked on the border
      .force('x', forceX(width / 2).strength(0.12))
      .force('y', forceY(height / 2).strength(0.2))
      .stop();
    for (let i = 0; i < 200; i++) simulation.tick();
    const clamp = (v: number | undefined, max: number) => Math.max(8, Math.min(max - 8, v ?? max / 2));
    const at = new Map(nodes.map((n) => [n.id, { x: clamp(n.x, width), y: clamp(n.y, height) }]));
    return { nodes, links, at };
  }, [view, width, height]);

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label="network"
      className="recruitment-network"
    >
      {layout.links.map((l) => {
        const a = layout.at.get(l.from);
        const b = layout.at.get(l.to);
        if (!a || !b) return null;
        return <line key={`${l.from}-${l.to}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#bbb" />;
      })}
      {layout.nodes.map((n) => {
        const p = layout.at.get(n.id) ?? { x: width / 2, y: height / 2 };
        return n.kind === 'identifier' ? (
          <g key={n.id}>
            <circle cx={p.x} cy={p.y} r={5 + Math.min(10, n.degree * 1.5)} fill="#1f6feb">
              <title>{`${n.label} (${n.degree})`}</title>
            </circle>
          </g>
        ) : (
          <circle key={n.id} cx={p.x} cy={p.y} r={4} fill={n.flagged ? '#d93025' : '#888'}>
            <title>{n.label}</title>
          </circle>
        );
      })}
    </svg>
  );
}
