// The link graph of a case's entities: d3-force lays it out once (synchronously, deterministic start positions),
// React draws it as SVG. Every node is a keyboard-focusable link to the entity page; the table beside it lists the
// same facts for screen readers.
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import {
  forceCenter,
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';
import type { cases } from '@trag/contracts';

export const ENTITY_COLORS: Record<cases.EntityType, string> = {
  person: '#1f5a85',
  organisation: '#6b4c9a',
  phone: '#2e7d5b',
  email: '#b5651d',
  online_account: '#c2185b',
  website: '#00838f',
  crypto_wallet: '#8d6e00',
  bank_account: '#5d4037',
  vehicle: '#455a64',
  location: '#7cb342',
  document: '#8e8e8e',
};

interface Node extends SimulationNodeDatum {
  id: string;
  entity: cases.Entity;
}
type Link = SimulationLinkDatum<Node> & { id: string; type: cases.LinkType };

const WIDTH = 760;
const HEIGHT = 380;

export function layoutGraph(entities: cases.Entity[], links: cases.EntityLink[]) {
  const nodes: Node[] = entities.map((entity, index) => {
    // Deterministic start on a circle: the same case always gets the same picture.
    const angle = (index / Math.max(1, entities.length)) * Math.PI * 2;
    return { id: entity.id, entity, x: WIDTH / 2 + Math.cos(angle) * 120, y: HEIGHT / 2 + Math.sin(angle) * 120 };
  });
  const known = new Set(nodes.map((n) => n.id));
  const edges: Link[] = links
    .filter((l) => known.has(l.fromEntityId) && known.has(l.toEntityId))
    .map((l) => ({ id: l.id, type: l.type, source: l.fromEntityId, target: l.toEntityId }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<Node, Link>(edges)
        .id((n) => n.id)
        .distance(110),
    )
    .force('charge', forceManyBody().strength(-320))
    .force('center', forceCenter(WIDTH / 2, HEIGHT / 2))
    .force('x', forceX(WIDTH / 2).strength(0.05))
    .force('y', forceY(HEIGHT / 2).strength(0.08))
    .force('collide', forceCollide(34))
    .stop();
  for (let i = 0; i < 300; i += 1) simulation.tick();
  // Fit the layout to the drawing area (labels need room at the sides and below), without over-stretching.
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const padX = 90;
  const padTop = 30;
  const padBottom = 40;
  const scaleX = maxX > minX ? Math.min(2.5, (WIDTH - 2 * padX) / (maxX - minX)) : 1;
  const scaleY = maxY > minY ? Math.min(2.5, (HEIGHT - padTop - padBottom) / (maxY - minY)) : 1;
  const offsetX = (WIDTH - (maxX - minX) * scaleX) / 2;
  const offsetY = padTop + (HEIGHT - padTop - padBottom - (maxY - minY) * scaleY) / 2;
  for (const n of nodes) {
    n.x = offsetX + ((n.x ?? 0) - minX) * scaleX;
    n.y = offsetY + ((n.y ?? 0) - minY) * scaleY;
  }
  return { nodes, edges: edges as (Link & { source: Node; target: Node })[] };
}

function shortLabel(entity: cases.Entity): string {
  const text = entity.label || entity.identifierDisplay || entity.identifierKey || '';
  return text.length > 26 ? `${text.slice(0, 25)}…` : text;
}

export function EntityGraph({ entities, links }: { entities: cases.Entity[]; links: cases.EntityLink[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { nodes, edges } = useMemo(() => layoutGraph(entities, links), [entities, links]);
  const usedTypes = [...new Set(entities.map((e) => e.type))];

  return (
    <figure style={{ margin: 0 }}>
      <svg
        className="graph"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="group"
        aria-label={t('cases:entities.graphLabel', { entities: entities.length, links: edges.length })}
      >
        <defs>
          <marker
            id="arrow"
            viewBox="0 0 10 10"
            refX="24"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#9aa6b4" />
          </marker>
        </defs>
        {edges.map((edge) => (
          <g className="graph-link" key={edge.id} aria-hidden="true">
            <line x1={edge.source.x} y1={edge.source.y} x2={edge.target.x} y2={edge.target.y} markerEnd="url(#arrow)" />
            <text
              x={((edge.source.x ?? 0) + (edge.target.x ?? 0)) / 2}
              y={((edge.source.y ?? 0) + (edge.target.y ?? 0)) / 2 - 4}
              textAnchor="middle"
            >
              {t(`cases:linkTypes.${edge.type}`)}
            </text>
          </g>
        ))}
        {nodes.map((node) => (
          <g className="graph-node" key={node.id} transform={`translate(${node.x},${node.y})`}>
            <a
              href={`/entities/${node.id}`}
              aria-label={`${t(`cases:entityTypes.${node.entity.type}`)}: ${shortLabel(node.entity)}`}
              onClick={(event) => {
                event.preventDefault();
                navigate(`/entities/${node.id}`);
              }}
            >
              <circle r={node.entity.hitCount > 0 ? 15 : 12} fill={ENTITY_COLORS[node.entity.type]} />
              {node.entity.hitCount > 0 && <circle r={19} className="graph-hit-ring" />}
              <text y={28} textAnchor="middle">
                {shortLabel(node.entity)}
              </text>
            </a>
          </g>
        ))}
      </svg>
      <figcaption className="graph-legend">
        {usedTypes.map((type) => (
          <span key={type}>
            <span className="legend-dot" style={{ background: ENTITY_COLORS[type] }} aria-hidden="true" />
            {t(`cases:entityTypes.${type}`)}
          </span>
        ))}
        <span>
          <span className="legend-dot" style={{ border: '2px dashed #a3271f' }} aria-hidden="true" />
          {t('cases:entities.hitLegend')}
        </span>
      </figcaption>
    </figure>
  );
}
