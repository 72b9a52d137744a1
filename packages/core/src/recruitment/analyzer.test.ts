import { describe, expect, it } from 'vitest';
import { RecruitmentAnalyzer } from './analyzer';
import { defaultLexicon, parseLexicon, FAMILIES } from './lexicon';
import { serbianLatinToCyrillic } from '@trag/core/text';

const analyzer = new RecruitmentAnalyzer();
const ids = (text: string) => analyzer.analyze({ id: 'x', text }).indicators.map((i) => i.id);

describe('indicator lexicon', () => {
  it('has the 47 indicators of indicators.md, each with a family, rationale and source', () => {
    const lexicon = defaultLexicon();
    expect(new Set(lexicon.indicators.map((i) => i.ref)).size).toBe(47);
    for (const i of lexicon.indicators) {
      expect(FAMILIES).toContain(i.family);
      expect(i.source.length).toBeGreaterThan(3);
    }
  });

  it('rejects a lexicon with an unknown family, naming the indicator', () => {
    const bad =
      'version: 1\nindicators:\n  - {id: x_y, ref: 1, family: magic, title: T, weight: 1, rationale: R, source: S, patterns: {en: [a]}}';
    expect(() => parseLexicon(bad)).toThrow(/x_y.*unknown family/);
  });
});

describe('indicator matching per family and language', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'deceptive_recruitment', 'No experience needed, free accommodation'],
    ['hbs-latn', 'deceptive_recruitment', 'Posao bez iskustva, smještaj obezbijeđen'],
    ['hbs-cyrl', 'deceptive_recruitment', 'Посао без искуства, смештај обезбеђен'],
    ['mk', 'deceptive_recruitment', 'Работа без искуство, бесплатно сместување'],
    ['sq', 'deceptive_recruitment', 'Punë pa përvojë, akomodim falas'],
    ['de', 'deceptive_recruitment', 'Ohne Erfahrung, kostenlose Unterkunft'],
    ['en', 'forced_labour', 'We keep your passport during the contract'],
    ['hbs-latn', 'forced_labour', 'Isplata na kraju sezone'],
    ['hbs-cyrl', 'forced_labour', 'Исплата на крају сезоне'],
    ['mk', 'forced_labour', 'Плата на крајот на сезоната'],
    ['sq', 'forced_labour', 'Pagesa në fund të sezonës'],
    ['de', 'forced_labour', 'Bezahlung am Saisonende'],
    ['en', 'sexual_exploitation', 'Ukrainian girls, discreet and professional'],
    ['hbs-latn', 'sexual_exploitation', 'Ukrajinke, potpuna diskrecija'],
    ['hbs-cyrl', 'sexual_exploitation', 'Украјинке, потпуна дискреција'],
    ['mk', 'sexual_exploitation', 'Украинки, целосна дискреција'],
    ['sq', 'sexual_exploitation', 'Vajza ukrainase, diskrecion i plotë'],
    ['de', 'sexual_exploitation', 'Ukrainische Mädchen, absolute Diskretion'],
    ['en', 'smuggling', 'Fake passports available, pay on arrival'],
    ['hbs-latn', 'smuggling', 'Lažni pasoši, plaćanje po dolasku'],
    ['hbs-cyrl', 'smuggling', 'Лажни пасоши, плаћање по доласку'],
    ['mk', 'smuggling', 'Лажни пасоши, без полиција'],
    ['sq', 'smuggling', 'Pasaporta false, pagesa pas mbërritjes'],
    ['de', 'smuggling', 'Gefälschte Papiere, Zahlung bei Ankunft'],
  ];
  for (const [language, family, text] of cases) {
    it(`finds ${family} in ${language}: "${text}"`, () => {
      const hits = analyzer.analyze({ id: 'x', text }).indicators.filter((i) => i.family === family);
      expect(hits.length).toBeGreaterThanOrEqual(1);
    });
  }

  it('matches the same indicators in Serbian Latin and Cyrillic', () => {
    const latin = 'Hitno potrebne djevojke do 25 godina, besplatan smještaj, plata na ruke, pošaljite kopiju pasoša';
    expect(ids(serbianLatinToCyrillic(latin))).toEqual(ids(latin));
  });

  it('undoes leetspeak for matching while spans stay on the original', () => {
    const text = 'L4zni p4s0si, pl4canje po dolasku';
    const result = analyzer.analyze({ id: 'x', text });
    const docs = result.indicators.find((i) => i.id === 'smg_document_offers');
    expect(docs && text.slice(docs.start, docs.end)).toBe('L4zni p4s0si');
  });

  it('stays linear on pathological input', () => {
    const text = `${'bez '.repeat(20_000)}${'a'.repeat(50_000)}`;
    const started = performance.now();
    analyzer.analyze({ id: 'x', text });
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('scoring from combinations', () => {
  it('never flags on a single indicator, however strong', () => {
    const result = analyzer.analyze({ id: 'x', text: 'Fake passports for sale.' });
    expect(result.score).toBeGreaterThanOrEqual(3);
    expect(result.flagged).toBe(false);
    expect(result.reasons.at(-1)?.text).toMatch(/single indicator/);
  });

  it('flags a combination and names every reason', () => {
    const result = analyzer.analyze({
      id: 'x',
      text: 'Work abroad, no experience needed, free accommodation, registration fee 200 EUR, send passport copy.',
    });
    expect(result.flagged).toBe(true);
    expect(result.reasons.map((r) => r.indicatorId).filter(Boolean)).toEqual(
      expect.arrayContaining(['rec_no_experience', 'rec_upfront_fee', 'rec_early_documents']),
    );
  });

  it('does not flag a genuine seasonal job with housing', () => {
    const result = analyzer.analyze({
      id: 'x',
      text: 'Hotel Adriatic d.o.o. Budva zapošljava konobare za sezonu 2027. Ugovor o radu, prijava, smještaj obezbijeđen. Plata 1.100 EUR. CV na posao@hoteladriatic.me',
    });
    expect(result.flagged).toBe(false);
  });

  it('lowers the score for movement language ("new in town")', () => {
    const withMove = analyzer.analyze({ id: 'x', text: 'New in town, discreet and professional, Ukrainian girl' });
    const without = analyzer.analyze({ id: 'x', text: 'Discreet and professional, Ukrainian girl' });
    expect(withMove.score).toBe(without.score - 1);
  });

  it('adds network signals: a phone shared by three ads and template reuse', () => {
    const base = (city: string, phone: string) =>
      `Potrebne konobarice za rad u ${city}, odlični uslovi, plata redovna, javite se na broj ${phone} za više informacija o poslu`;
    const results = analyzer.analyzeBatch([
      { id: '1', text: base('Beču', '+381 64 111 2222') },
      { id: '2', text: base('Grazu', '+381 64 111 2222') },
      { id: '3', text: base('Linzu', '+381 64 111 2222') },
      { id: '4', text: 'Sasvim drugi oglas: prodajem bicikl, 100 EUR' },
    ]);
    expect(results[0]!.indicators.map((i) => i.id)).toEqual(
      expect.arrayContaining(['net_shared_contact', 'net_template_slots']),
    );
    expect(results[3]!.indicators.map((i) => i.family)).not.toContain('network');
  });

  it('gathers network signals item by item (as a large import does) with the same result as analyzeBatch', () => {
    const base = (city: string, phone: string) =>
      `Potrebne konobarice za rad u ${city}, odlični uslovi, plata redovna, javite se na broj ${phone} za više informacija o poslu`;
    const repost =
      'Hitno trebaju devojke za rad u inostranstvu, smeštaj i karta plaćeni, javite se na viber 061 234 567';
    const texts = [
      base('Beču', '+381 64 111 2222'),
      repost,
      base('Grazu', '+381 64 111 2222'),
      'Sasvim drugi oglas: prodajem bicikl, 100 EUR',
      // the same ad in Cyrillic folds to the same text: a repost, not a template with slots
      'Хитно требају девојке за рад у иностранству, смештај и карта плаћени, јавите се на вибер 061 234 567',
      repost,
      base('Linzu', '+381 64 111 2222'),
      'Kratko',
    ];
    const signals = analyzer.networkSignals(texts.length);
    const each = texts.map((text, i) => analyzer.analyzeInto({ id: String(i), text }, signals, i));
    signals.finish();
    const gathered = each.map((r, i) => analyzer.withExtraHits(r, signals.hitsOf(i)));
    const batch = analyzer.analyzeBatch(texts.map((text, i) => ({ id: String(i), text })));
    expect(gathered).toEqual(batch);
    const network = (i: number) => batch[i]!.indicators.filter((h) => h.family === 'network').map((h) => h.id);
    expect(network(0)).toEqual(['net_shared_contact', 'net_template_slots']);
    expect(network(1)).toEqual(expect.arrayContaining(['rec_same_text_reposted']));
    expect(network(1)).not.toContain('net_template_slots');
    expect(network(3)).toEqual([]);
    expect(network(7)).toEqual([]);
  });
});

describe('everyday Bosnian phrasing of a fishing ad', () => {
  it('finds accommodation and visa arranged together, and an upfront fee stated as an amount, so the ad is flagged', () => {
    const text =
      'Posao u Njemačkoj, bez iskustva, smještaj i viza osigurani, javi se na viber 061 234 567, plaćaš 300 EUR unaprijed za papire';
    const result = analyzer.analyze({ id: 'ba-1', text });
    expect(result.indicators.map((i) => i.id)).toEqual(
      expect.arrayContaining(['rec_accommodation_provided', 'rec_visa_arranged', 'rec_upfront_fee']),
    );
    expect(result.flagged).toBe(true);
  });
});
