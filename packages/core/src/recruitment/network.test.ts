import { describe, expect, it } from 'vitest';
import { buildNetwork, toCsv, type NetworkLink } from './network';

const link = (type: string, value: string, itemId: string, seenAt = '2026-11-01T10:00:00Z'): NetworkLink => ({
  type,
  value,
  itemId,
  seenAt,
  score: 5,
  flagged: true,
  excerpt: `Posao u Austriji, oglas ${itemId}`,
  source: 'Telegram: Posao Beč',
});

describe('recruitment network', () => {
  // A spam flood: one Viber number in 500 ads, a second number in 3 of them, a third in one ad only.
  const links: NetworkLink[] = [
    ...Array.from({ length: 500 }, (_, i) =>
      link('viber', '+38164111222', `ad-${i}`, `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`),
    ),
    // The same number twice in one ad is one item.
    link('viber', '+38164111222', 'ad-7'),
    link('phone', '+38761333444', 'ad-1'),
    link('phone', '+38761333444', 'ad-2'),
    link('phone', '+38761333444', 'ad-900'),
    link('email', 'posao.bec@gmail.com', 'ad-901'),
  ];

  it('counts each item once per identifier, with its first and last sighting', () => {
    const view = buildNetwork(links);
    const viber = view.identifiers[0]!;
    expect(viber).toMatchObject({ key: 'viber:+38164111222', degree: 500 });
    expect(viber.firstSeen).toBe('2026-11-01T10:00:00Z');
    expect(viber.lastSeen).toBe('2026-11-28T10:00:00Z');
    expect(view.identifiers.map((i) => i.degree)).toEqual([500, 3, 1]);
    expect(view.totals).toEqual({ identifiers: 3, items: 502, edges: 504 });
    expect(view.truncated).toBe(false);
    expect(view.edges).toHaveLength(504);
  });

  it('shows the most connected identifiers and a few items of each, and says that it does', () => {
    const view = buildNetwork(links, { minDegree: 2, limit: 1, itemsPerIdentifier: 10 });
    expect(view.identifiers.map((i) => i.key)).toEqual(['viber:+38164111222']);
    expect(view.identifiers[0]!.degree).toBe(500);
    expect(view.identifiers[0]!.itemIds).toHaveLength(10);
    expect(view.edges).toHaveLength(10);
    expect(view.items.map((i) => i.id)).toEqual(view.identifiers[0]!.itemIds);
    // Totals are the whole network at that minimum degree, not the part shown.
    expect(view.totals).toEqual({ identifiers: 2, items: 501, edges: 503 });
    expect(view.truncated).toBe(true);
  });

  it('exports every item of every identifier when no limit is given', () => {
    const csv = toCsv(buildNetwork(links));
    const viberRow = csv.split('\r\n').find((row) => row.startsWith('viber,'))!;
    expect(viberRow.split(',')[6]!.split(' ')).toHaveLength(500);
  });
});
