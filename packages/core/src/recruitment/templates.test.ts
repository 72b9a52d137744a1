import { describe, expect, it } from 'vitest';
import { findTemplates, alignTokens } from './templates';
import { serbianLatinToCyrillic } from '@trag/core/text';

const ad = (name: string, city: string, phone: string) =>
  `Zovem se ${name}. Tražimo djevojke za rad u noćnom klubu u ${city}. Smještaj i prevoz obezbijeđeni, zarada do 3000 eura mjesečno. Javite se na ${phone}, samo Viber.`;

describe('template detection', () => {
  it('clusters copies of one template across Latin and Cyrillic and shows the slots', () => {
    const items = [
      { id: 'a', text: ad('Maja', 'Beču', '+381 64 111 2222') },
      { id: 'b', text: serbianLatinToCyrillic(ad('Ana', 'Minhenu', '+381 65 333 4444')) },
      { id: 'c', text: ad('Ivana', 'Cirihu', '+387 61 555 666') },
      {
        id: 'd',
        text: 'Prodajem stan u centru Sarajeva, 54 kvadrata, treći sprat, lift, parking, cijena po dogovoru.',
      },
    ];
    const clusters = findTemplates(items);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.ids).toEqual(['a', 'b', 'c']);
    const values = clusters[0]!.slots.flatMap((s) => s.values);
    expect(values).toEqual(expect.arrayContaining(['Maja', 'Ana'.length ? 'Ана' : '', 'Ivana']));
    expect(clusters[0]!.template).toContain('Tražimo djevojke za rad u noćnom klubu u');
  });

  it('does not cluster unrelated ads that share boilerplate words', () => {
    const items = [
      {
        id: 'a',
        text: 'Potreban vozač C kategorije za međunarodni transport, iskustvo obavezno, plata po dogovoru, Novi Sad.',
      },
      {
        id: 'b',
        text: 'Potrebna medicinska sestra u privatnoj ordinaciji, iskustvo obavezno, rad u smjenama, Banja Luka.',
      },
    ];
    expect(findTemplates(items)).toEqual([]);
  });

  it('aligns token lists monotonically', () => {
    expect([...alignTokens(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd'])]).toEqual([0, -1, 2, 3]);
  });
});
