// Language identification per item: a small, explainable profile of letters and common words.
//
// Why not franc/franc-min: franc-min only has languages with 8M+ speakers (no Macedonian, Bosnian, Croatian,
// Montenegrin or Albanian), and full franc's trigram profiles cannot tell bs/hr/sr/cnr apart on short ads either.
// Bosnian, Croatian, Serbian and Montenegrin are reported together as `hbs` (ISO 639-3 macrolanguage): the
// indicator patterns are shared, and a short ad rarely says which standard it is written in. `script` says
// whether it was Latin or Cyrillic. Every answer carries the evidence it was based on.
import type { Token } from './normalize';

export type LanguageCode =
  'en' | 'hbs' | 'mk' | 'sq' | 'de' | 'it' | 'tr' | 'fr' | 'ru' | 'uk' | 'bg' | 'ar' | 'fa' | 'und';
export type Script = 'latin' | 'cyrillic' | 'arabic' | 'mixed' | 'none';

export interface LanguageGuess {
  language: LanguageCode;
  script: Script;
  /** Share of the winning profile's evidence, 0..1. */
  confidence: number;
  /** What the guess was based on, e.g. ["letters ë×3", "words: dhe, per, pune"]. */
  evidence: string[];
}

// Frequent function words and domain words per language, folded (no diacritics, Latin).
const WORDS: Record<Exclude<LanguageCode, 'und' | 'ar' | 'fa'>, string[]> = {
  en: [
    'the',
    'and',
    'for',
    'you',
    'with',
    'work',
    'we',
    'of',
    'to',
    'is',
    'are',
    'in',
    'job',
    'no',
    'our',
    'your',
    'per',
    'salary',
    'contact',
    'month',
    'apply',
    'need',
    'experience',
    'accommodation',
    'free',
    'looking',
  ],
  hbs: [
    'i',
    'u',
    'za',
    'sa',
    'se',
    'je',
    'na',
    'od',
    'posao',
    'bez',
    'plata',
    'placa',
    'smjestaj',
    'smestaj',
    'nije',
    'da',
    'radnike',
    'trazimo',
    'potrebni',
    'potrebne',
    'mjesecno',
    'mesecno',
    'iskustva',
    'rad',
    'prevoz',
    'javite',
    'hitno',
    'sve',
    'ili',
    'su',
    'ste',
    'vas',
    'posla',
    'zarada',
    'djevojke',
    'devojke',
    'po',
    'do',
    'kod',
    'nakon',
    'godina',
  ],
  mk: [
    'i',
    'vo',
    'na',
    'za',
    'so',
    'od',
    'se',
    'e',
    'rabota',
    'plata',
    'bez',
    'iskustvo',
    'ne',
    'sme',
    'barame',
    'smestuvanje',
    'mesecno',
    'denari',
    'kaj',
    'po',
    'nie',
    'ke',
    'da',
    'sto',
    'treba',
    'lica',
    'devojki',
    'stranstvo',
    'javete',
  ],
  sq: [
    'dhe',
    'ne',
    'per',
    'me',
    'te',
    'nje',
    'pune',
    'pa',
    'nga',
    'eshte',
    'ju',
    'i',
    'e',
    'ose',
    'kerkojme',
    'paga',
    'muaj',
    'akomodim',
    'falas',
    'pervoje',
    'vende',
    'shkruani',
    'jashte',
    'vajza',
    'se',
    'ka',
    'do',
    'punetore',
    'euro',
  ],
  de: [
    'und',
    'der',
    'die',
    'das',
    'mit',
    'fur',
    'fuer',
    'ohne',
    'wir',
    'sie',
    'arbeit',
    'ist',
    'nicht',
    'ein',
    'eine',
    'suchen',
    'unterkunft',
    'lohn',
    'monat',
    'erfahrung',
    'im',
    'zu',
    'bei',
    'auf',
    'sofort',
    'pro',
    'ab',
    'stelle',
    'kontakt',
  ],
  it: [
    'il',
    'la',
    'di',
    'per',
    'con',
    'lavoro',
    'che',
    'e',
    'un',
    'una',
    'senza',
    'esperienza',
    'cerchiamo',
    'alloggio',
  ],
  tr: ['ve', 'bir', 'icin', 'is', 'ile', 'bu', 'calisma', 'maas', 'deneyim', 'yok', 'aranıyor'],
  fr: ['et', 'le', 'la', 'les', 'pour', 'avec', 'travail', 'de', 'des', 'sans', 'nous', 'vous', 'logement'],
  ru: ['i', 'v', 'na', 'dlja', 's', 'rabota', 'bez', 'opyta', 'my', 'vy', 'zarplata', 'ne', 'po', 'eto', 'cto'],
  uk: ['i', 'v', 'na', 'dlja', 'z', 'robota', 'bez', 'dosvidu', 'my', 'vy', 'ne', 'po', 'ce', 'sco'],
  bg: ['i', 'v', 'na', 'za', 's', 'rabota', 'bez', 'opit', 'nie', 'vie', 'ne', 'po', 'tova', 'ot'],
};

// Letters that single out a language (counted on the original text, lower-cased).
const LETTERS: Array<[RegExp, Partial<Record<LanguageCode, number>>, string]> = [
  [/ë/g, { sq: 3 }, 'ë'],
  [/ç/g, { sq: 1, tr: 1, fr: 1 }, 'ç'],
  [/[čćđžš]/g, { hbs: 2 }, 'č/ć/đ/ž/š'],
  [/[ßäöü]/g, { de: 3, tr: 0.5 }, 'ß/ä/ö/ü'],
  [/[ğış]/g, { tr: 3 }, 'ğ/ı/ş'],
  [/[ѓќѕ]/g, { mk: 4 }, 'ѓ/ќ/ѕ'],
  [/[ђћџ]/g, { hbs: 4 }, 'ђ/ћ/џ'],
  [/[љњј]/g, { hbs: 1.5, mk: 1.5 }, 'љ/њ/ј'],
  [/[ыэъё]/g, { ru: 3, bg: 1 }, 'ы/э/ъ/ё'],
  [/[іїєґ]/g, { uk: 4 }, 'і/ї/є/ґ'],
  [/[йщюя]/g, { ru: 1, uk: 1, bg: 1 }, 'й/щ/ю/я'],
  [/[پچژگ]/g, { fa: 4 }, 'پ/چ/ژ/گ'],
];

/** character (both cases) → index in LETTERS */
const LETTER_GROUP = new Map<string, number>();
LETTERS.forEach(([re], index) => {
  for (let code = 0xc0; code < 0x700; code++) {
    const ch = String.fromCharCode(code);
    re.lastIndex = 0;
    if (re.test(ch.toLowerCase()) && !LETTER_GROUP.has(ch)) LETTER_GROUP.set(ch, index);
    re.lastIndex = 0;
  }
});

/** The same, indexed by UTF-16 code (−1: none). */
const LETTER_GROUP_BY_CODE = new Int8Array(0x700).fill(-1);
for (const [ch, group] of LETTER_GROUP)
  if (ch.length === 1 && ch.charCodeAt(0) < 0x700) LETTER_GROUP_BY_CODE[ch.charCodeAt(0)] = group;

const CYRILLIC_LANGS = new Set<LanguageCode>(['hbs', 'mk', 'ru', 'uk', 'bg']);
const LATIN_LANGS = new Set<LanguageCode>(['en', 'hbs', 'sq', 'de', 'it', 'tr', 'fr']);

/** Counts letters per script, and (into letterCounts) the language-marking letters of LETTERS. */
function detectScript(
  text: string,
  letterCounts: number[],
): { script: Script; latin: number; cyrillic: number; arabic: number } {
  let latin = 0;
  let cyrillic = 0;
  let arabic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xc0) {
      const group = LETTER_GROUP_BY_CODE[c];
      if (group !== undefined && group >= 0) letterCounts[group]!++;
    }
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if (c >= 0x600 && c <= 0x6ff) arabic++;
  }
  const total = latin + cyrillic + arabic;
  if (total === 0) return { script: 'none', latin, cyrillic, arabic };
  const top = Math.max(latin, cyrillic, arabic);
  const script: Script =
    top / total < 0.8 ? 'mixed' : top === cyrillic ? 'cyrillic' : top === arabic ? 'arabic' : 'latin';
  return { script, latin, cyrillic, arabic };
}

/** word → the languages it belongs to */
const WORD_LANGUAGES = new Map<string, LanguageCode[]>();
for (const [lang, words] of Object.entries(WORDS) as Array<[LanguageCode, string[]]>) {
  for (const word of words) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), lang]);
}

/** Identifies the language of one item from its letters and words; returns 'und' when there is no evidence. */
export function identifyLanguage(original: string, tokens: Token[]): LanguageGuess {
  const sample = original.length > 5000 ? original.slice(0, 5000) : original;
  const letterCounts = new Array<number>(LETTERS.length).fill(0);
  const { script, latin, cyrillic, arabic } = detectScript(sample, letterCounts);
  if (script === 'none') return { language: 'und', script, confidence: 0, evidence: ['no letters'] };
  if (arabic > latin && arabic > cyrillic) {
    const persian = (sample.match(/[پچژگ]/g) ?? []).length;
    return {
      language: persian > 0 ? 'fa' : 'ar',
      script,
      confidence: 0.6,
      evidence: [persian > 0 ? `Persian letters ×${persian}` : 'Arabic script'],
    };
  }
  const scores = new Map<LanguageCode, number>();
  const letterEvidence = new Map<LanguageCode, string[]>();
  LETTERS.forEach(([, weights, label], index) => {
    const count = letterCounts[index]!;
    if (count === 0) return;
    for (const [lang, w] of Object.entries(weights) as Array<[LanguageCode, number]>) {
      scores.set(lang, (scores.get(lang) ?? 0) + Math.min(count, 10) * w);
      letterEvidence.set(lang, [...(letterEvidence.get(lang) ?? []), `${label}×${count}`]);
    }
  });
  const wordEvidence = new Map<LanguageCode, Set<string>>();
  const limit = Math.min(tokens.length, 600);
  for (let i = 0; i < limit; i++) {
    const word = tokens[i]!.text;
    const langs = WORD_LANGUAGES.get(word);
    if (!langs) continue;
    for (const lang of langs) {
      scores.set(lang, (scores.get(lang) ?? 0) + 1);
      const seen = wordEvidence.get(lang) ?? new Set<string>();
      seen.add(word);
      wordEvidence.set(lang, seen);
    }
  }
  // The script rules out languages written in the other script.
  const allowed = cyrillic > latin ? CYRILLIC_LANGS : LATIN_LANGS;
  let best: LanguageCode = 'und';
  let bestScore = 0;
  let total = 0;
  for (const [lang, score] of scores) {
    if (!allowed.has(lang)) continue;
    total += score;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  if (best === 'und') {
    return { language: 'und', script, confidence: 0, evidence: ['no known words or letters'] };
  }
  const evidence: string[] = [];
  const letters = letterEvidence.get(best);
  if (letters) evidence.push(`letters ${letters.join(', ')}`);
  const words = wordEvidence.get(best);
  if (words) evidence.push(`words: ${[...words].slice(0, 8).join(', ')}`);
  return { language: best, script, confidence: Math.round((bestScore / total) * 100) / 100, evidence };
}
