import { describe, expect, it } from 'vitest';
import { identifyLanguage } from './language';
import { normalizeText } from './normalize';

const lang = (text: string) => {
  const n = normalizeText(text);
  return identifyLanguage(n.original, n.tokens);
};

describe('language identification', () => {
  it.each([
    ['We are looking for workers, no experience needed, free accommodation and good salary.', 'en'],
    ['Tražimo radnike za posao u Njemačkoj, bez iskustva, smještaj obezbijeđen.', 'hbs'],
    ['Тражимо раднике за посао у Немачкој, без искуства, смештај обезбеђен.', 'hbs'],
    ['Бараме работници за работа во Германија, без искуство, сместување обезбедено.', 'mk'],
    ['Kërkojmë punëtorë për punë në Gjermani, pa përvojë, akomodim falas.', 'sq'],
    ['Wir suchen Mitarbeiter für die Arbeit in Österreich, ohne Erfahrung, Unterkunft kostenlos.', 'de'],
  ])('%s → %s, with evidence', (text, expected) => {
    const guess = lang(text);
    expect(guess.language).toBe(expected);
    expect(guess.evidence.length).toBeGreaterThan(0);
  });

  it('says "und" when there are no letters', () => {
    expect(lang('+381 64 123 4567').language).toBe('und');
  });
});
