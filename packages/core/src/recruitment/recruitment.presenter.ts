// Rows → contract objects. Only presenters produce output.
import type { recruitment } from '@trag/contracts';
import type { ItemRow } from './recruitment.repository';
import type { ItemDetail, TemplatesView } from './recruitment.service';

const relevanceOf = (value: string | null): 'relevant' | 'not_relevant' | null =>
  value === 'relevant' || value === 'not_relevant' ? value : null;

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

export function presentItemSummary(row: ItemRow): recruitment.ItemSummary {
  return {
    id: row.id,
    externalId: row.external_id,
    excerpt: excerptOf(row.text),
    language: row.language,
    score: Number(row.score),
    flagged: row.flagged === 1,
    relevance: relevanceOf(row.relevance),
    postedAt: row.posted_at,
    source: row.source,
    sourcePosition: row.source_position,
    evidenceId: row.evidence_id,
  };
}

export function presentItemDetail(detail: ItemDetail): recruitment.ItemDetailResponse {
  return {
    item: { ...presentItemSummary(detail.item), text: detail.item.text, url: detail.item.url },
    indicators: detail.analysis.indicators.map((i) => ({
      id: i.id,
      family: i.family,
      title: i.title,
      start: i.start,
      end: i.end,
      weight: i.weight,
      quote: i.quote ?? '',
    })),
    reasons: detail.analysis.reasons.map((r) => r.text),
    identifiers: detail.identifiers.map((i) => ({
      type: i.type,
      value: i.value,
      start: i.span_start,
      end: i.span_end,
    })),
  };
}

export function presentTemplates(view: TemplatesView): recruitment.TemplatesResponse {
  return {
    itemsCompared: view.itemsCompared,
    clustersTotal: view.clustersTotal,
    clusters: view.clusters.map((c) => ({
      cluster: c.cluster,
      size: c.size,
      template: c.template,
      slots: c.slots,
      minSharedPercent: c.minSharedPercent,
      sharedIdentifiers: c.sharedIdentifiers,
      members: c.members.map((m) => ({
        id: m.id,
        externalId: m.external_id,
        excerpt: excerptOf(m.text),
        score: Number(m.score),
        flagged: m.flagged === 1,
        sourcePosition: m.source_position,
      })),
    })),
  };
}
