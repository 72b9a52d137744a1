import { describe, expect, it } from 'vitest';
import { buildNetwork, networkFromParts, toCsv, type NetworkLink } from './network';

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

  it('assembles the on-screen part from what the database counted, and says when it is only a part', () => {
    const view = networkFromParts({
      identifiers: [
        { type: 'phone', value: '+38761333444', degree: 3, firstSeen: '2026-11-02', lastSeen: '2026-11-09' },
        { type: 'viber', value: '+38164111222', degree: 500, firstSeen: '2026-11-01', lastSeen: '2026-11-28' },
      ],
      totals: { identifiers: 3, items: 502, edges: 504 },
      links: [
        { type: 'viber', value: '+38164111222', itemId: 'ad-0' },
        { type: 'viber', value: '+38164111222', itemId: 'ad-1' },
        { type: 'phone', value: '+38761333444', itemId: 'ad-1' },
      ],
      sources: [
        { type: 'viber', value: '+38164111222', source: 'Facebook: Posao Njemačka', firstItem: 'ad-9' },
        { type: 'viber', value: '+38164111222', source: 'Telegram: Posao Beč', firstItem: 'ad-0' },
      ],
      items: [
        { id: 'ad-0', excerpt: 'x'.repeat(81), score: 7, flagged: true, seenAt: '2026-11-01' },
        { id: 'ad-1', excerpt: 'Posao u Beču', score: 3, flagged: false, seenAt: '2026-11-02' },
        { id: 'ad-7', excerpt: 'not linked to what is shown', score: 1, flagged: false, seenAt: '2026-11-03' },
      ],
    });
    expect(view.identifiers.map((i) => [i.key, i.itemIds])).toEqual([
      ['viber:+38164111222', ['ad-0', 'ad-1']],
      ['phone:+38761333444', ['ad-1']],
    ]);
    // Sources in the order they first appear, as buildNetwork lists them.
    expect(view.identifiers[0]!.sources).toEqual(['Telegram: Posao Beč', 'Facebook: Posao Njemačka']);
    expect(view.items.map((i) => i.id)).toEqual(['ad-0', 'ad-1']);
    expect(view.items[0]!.excerpt).toHaveLength(78);
    expect(view.edges).toHaveLength(3);
    expect(view.truncated).toBe(true);
  });

  it('exports every item of every identifier', () => {
    const csv = toCsv(buildNetwork(links));
    const viberRow = csv.split('\r\n').find((row) => row.startsWith('viber,'))!;
    expect(viberRow.split(',')[6]!.split(' ')).toHaveLength(500);
  });
});
