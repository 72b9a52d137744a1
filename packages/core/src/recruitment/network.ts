// The network behind a collection: items ↔ identifiers (phones, accounts, wallets, IBANs), with degree and time
// span per identifier; exports as GraphML, CSV and FollowTheMoney JSON lines (for Aleph). Pure: rows in, text out.
import { createHash } from 'node:crypto';

export interface NetworkLink {
  type: string;
  value: string;
  itemId: string;
  seenAt: string;
  score: number;
  flagged: boolean;
  excerpt: string;
  source: string | null;
}

export interface NetworkIdentifier {
  key: string;
  type: string;
  value: string;
  /** Number of items it appears in. */
  degree: number;
  firstSeen: string;
  lastSeen: string;
  itemIds: string[];
  /** Sources (channels, groups, files) it appears in. */
  sources: string[];
}

export interface NetworkItem {
  id: string;
  excerpt: string;
  score: number;
  flagged: boolean;
  seenAt: string;
}

export interface NetworkView {
  identifiers: NetworkIdentifier[];
  items: NetworkItem[];
  edges: Array<{ itemId: string; identifierKey: string }>;
  /** The whole network's size (at the minimum degree asked), whatever part of it the view holds. */
  totals: { identifiers: number; items: number; edges: number };
  /** True when the view holds only the most connected identifiers, or only some items of an identifier. */
  truncated: boolean;
}

export interface NetworkOptions {
  /** Identifiers in fewer items are left out. */
  minDegree?: number;
  /** At most this many identifiers, the most connected first (the on-screen view; exports take all). */
  limit?: number;
  /** At most this many items per identifier in the view (its degree still counts them all). */
  itemsPerIdentifier?: number;
}

/**
 * Builds the whole network from every link (the exports): counts each identifier's items and sightings here, then
 * lays it out as networkFromParts does for the on-screen part, so both list identifiers, items and sources alike.
 */
export function buildNetwork(links: NetworkLink[], options: { minDegree?: number } = {}): NetworkView {
  const counted = new Map<
    string,
    { type: string; value: string; degree: number; firstSeen: string; lastSeen: string; itemIds: string[] }
  >();
  // Item ids per identifier, as a set: one phone can sit in tens of thousands of items of a spam flood.
  const itemsOf = new Map<string, Set<string>>();
  const sources = new Map<string, NetworkParts['sources'][number]>();
  const items = new Map<string, NetworkItem>();
  for (const link of links) {
    const key = `${link.type}:${link.value}`;
    let entry = counted.get(key);
    let members = itemsOf.get(key);
    if (!entry || !members) {
      entry = {
        type: link.type,
        value: link.value,
        degree: 0,
        firstSeen: link.seenAt,
        lastSeen: link.seenAt,
        itemIds: [],
      };
      members = new Set();
      counted.set(key, entry);
      itemsOf.set(key, members);
    }
    if (!members.has(link.itemId)) {
      members.add(link.itemId);
      entry.itemIds.push(link.itemId);
      entry.degree++;
    }
    if (link.seenAt < entry.firstSeen) entry.firstSeen = link.seenAt;
    if (link.seenAt > entry.lastSeen) entry.lastSeen = link.seenAt;
    if (link.source) {
      const sourceKey = `${key}\u0000${link.source}`;
      const seen = sources.get(sourceKey);
      if (!seen || link.itemId < seen.firstItem) {
        sources.set(sourceKey, { type: link.type, value: link.value, source: link.source, firstItem: link.itemId });
      }
    }
    if (!items.has(link.itemId)) {
      items.set(link.itemId, {
        id: link.itemId,
        excerpt: link.excerpt,
        score: link.score,
        flagged: link.flagged,
        seenAt: link.seenAt,
      });
    }
  }
  const minDegree = options.minDegree ?? 1;
  const kept = [...counted.values()].filter((i) => i.degree >= minDegree);
  const keptKeys = new Set(kept.map((i) => `${i.type}:${i.value}`));
  return networkFromParts({
    identifiers: kept.map(({ itemIds: _itemIds, ...identifier }) => identifier),
    totals: {
      identifiers: kept.length,
      items: new Set(kept.flatMap((i) => i.itemIds)).size,
      edges: kept.reduce((sum, i) => sum + i.degree, 0),
    },
    links: kept.flatMap((i) => i.itemIds.map((itemId) => ({ type: i.type, value: i.value, itemId }))),
    sources: [...sources.values()].filter((s) => keptKeys.has(`${s.type}:${s.value}`)),
    items: [...items.values()],
  });
}

/** What the database counted for a part of the network (RecruitmentRepository.identifierDegrees and others). */
export interface NetworkParts {
  identifiers: Array<{ type: string; value: string; degree: number; firstSeen: string; lastSeen: string }>;
  totals: NetworkView['totals'];
  /** The items shown per identifier, in the order to list them. */
  links: Array<{ type: string; value: string; itemId: string }>;
  /** Each (identifier, source) pair with the first item (by id) it appears in. */
  sources: Array<{ type: string; value: string; source: string; firstItem: string }>;
  items: NetworkItem[];
}

/**
 * The network view from counted parts: identifiers most connected first, each with its items and (at most 20)
 * sources in the order of the first item they appear in, edges, the items shown with 80-character excerpts, and
 * whether the parts are less than the totals. The on-screen view gets its parts from the database.
 */
export function networkFromParts(parts: NetworkParts): NetworkView {
  const itemIds = new Map<string, string[]>();
  for (const link of parts.links) {
    const key = `${link.type}:${link.value}`;
    const list = itemIds.get(key);
    if (list) list.push(link.itemId);
    else itemIds.set(key, [link.itemId]);
  }
  const sources = new Map<string, string[]>();
  for (const s of [...parts.sources].sort((a, b) =>
    a.firstItem < b.firstItem ? -1 : a.firstItem > b.firstItem ? 1 : 0,
  )) {
    const key = `${s.type}:${s.value}`;
    const list = sources.get(key) ?? [];
    if (list.length < 20) list.push(s.source);
    sources.set(key, list);
  }
  const identifiers: NetworkIdentifier[] = parts.identifiers
    .map((i) => {
      const key = `${i.type}:${i.value}`;
      return { key, ...i, itemIds: itemIds.get(key) ?? [], sources: sources.get(key) ?? [] };
    })
    .sort((a, b) => b.degree - a.degree || a.key.localeCompare(b.key));
  const edges = identifiers.flatMap((i) => i.itemIds.map((itemId) => ({ itemId, identifierKey: i.key })));
  const used = new Set(edges.map((e) => e.itemId));
  const items = parts.items
    .filter((i) => used.has(i.id))
    .map((i) => ({ ...i, excerpt: i.excerpt.length > 80 ? `${i.excerpt.slice(0, 77)}…` : i.excerpt }));
  return {
    identifiers,
    items,
    edges,
    totals: parts.totals,
    truncated: identifiers.length < parts.totals.identifiers || edges.length < parts.totals.edges,
  };
}

const xml = (s: string) =>
  s
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(
      // characters XML 1.0 cannot carry
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g,
      '',
    );

export function toGraphml(view: NetworkView): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="degree" for="node" attr.name="degree" attr.type="int"/>',
    '  <key id="first_seen" for="node" attr.name="first_seen" attr.type="string"/>',
    '  <key id="last_seen" for="node" attr.name="last_seen" attr.type="string"/>',
    '  <key id="score" for="node" attr.name="score" attr.type="double"/>',
    '  <graph id="recruitment" edgedefault="undirected">',
  ];
  for (const i of view.identifiers) {
    lines.push(
      `    <node id="${xml(`id:${i.key}`)}"><data key="kind">identifier</data><data key="type">${xml(i.type)}</data><data key="label">${xml(i.value)}</data><data key="degree">${i.degree}</data><data key="first_seen">${xml(i.firstSeen)}</data><data key="last_seen">${xml(i.lastSeen)}</data></node>`,
    );
  }
  for (const item of view.items) {
    lines.push(
      `    <node id="${xml(`item:${item.id}`)}"><data key="kind">item</data><data key="label">${xml(item.excerpt)}</data><data key="score">${item.score}</data><data key="first_seen">${xml(item.seenAt)}</data></node>`,
    );
  }
  view.edges.forEach((e, n) => {
    lines.push(`    <edge id="e${n}" source="${xml(`item:${e.itemId}`)}" target="${xml(`id:${e.identifierKey}`)}"/>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

const csvCell = (value: string | number) => {
  const s = String(value);
  // a leading =, +, - or @ would be run as a formula by spreadsheet programs
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function toCsv(view: NetworkView): string {
  const rows = [['type', 'value', 'items', 'first_seen', 'last_seen', 'sources', 'item_ids']];
  for (const i of view.identifiers) {
    rows.push([i.type, i.value, String(i.degree), i.firstSeen, i.lastSeen, i.sources.join(' | '), i.itemIds.join(' ')]);
  }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const ftmId = (prefix: string, key: string) => `${prefix}-${createHash('sha1').update(key).digest('hex')}`;

/** FollowTheMoney entities, one JSON object per line, for Aleph's `ftm` import. */
export function toFollowTheMoney(view: NetworkView, caseLabel: string): string {
  const out: string[] = [];
  const identifierEntity = (i: NetworkIdentifier) => {
    const id = ftmId('trag-rec-id', i.key);
    switch (i.type) {
      case 'telegram':
      case 'instagram':
      case 'facebook':
        return { id, schema: 'UserAccount', properties: { service: [i.type], username: [i.value] } };
      case 'btc':
      case 'eth':
      case 'trx':
        return { id, schema: 'CryptoWallet', properties: { publicKey: [i.value], currency: [i.type.toUpperCase()] } };
      case 'iban':
        return { id, schema: 'BankAccount', properties: { iban: [i.value] } };
      case 'email':
        return { id, schema: 'LegalEntity', properties: { name: [`Holder of ${i.value}`], email: [i.value] } };
      case 'url':
        return { id, schema: 'LegalEntity', properties: { name: [`Operator of ${i.value}`], website: [i.value] } };
      default:
        // phone, whatsapp, viber: the unknown holder of a number
        return {
          id,
          schema: 'LegalEntity',
          properties: { name: [`Holder of ${i.value} (${i.type})`], phone: [i.value] },
        };
    }
  };
  const idOf = new Map<string, string>();
  for (const i of view.identifiers) {
    const entity = identifierEntity(i);
    idOf.set(i.key, entity.id);
    out.push(JSON.stringify(entity));
  }
  for (const item of view.items) {
    out.push(
      JSON.stringify({
        id: ftmId('trag-rec-item', item.id),
        schema: 'PlainText',
        properties: { title: [item.excerpt], date: [item.seenAt.slice(0, 10)], publisher: [caseLabel] },
      }),
    );
  }
  for (const e of view.edges) {
    out.push(
      JSON.stringify({
        id: ftmId('trag-rec-link', `${e.itemId}|${e.identifierKey}`),
        schema: 'UnknownLink',
        properties: {
          subject: [idOf.get(e.identifierKey)],
          object: [ftmId('trag-rec-item', e.itemId)],
          role: ['contact given in advert'],
        },
      }),
    );
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
