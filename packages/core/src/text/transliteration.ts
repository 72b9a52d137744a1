// Serbian and Macedonian Cyrillic ↔ Latin, as the official Latin alphabets write them (Serbian: Gaj's alphabet;
// Macedonian: the official romanisation with Ǵ/Ḱ written as Gj/Kj, the form used in everyday online text).

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  ђ: 'đ',
  е: 'e',
  ж: 'ž',
  з: 'z',
  и: 'i',
  ј: 'j',
  к: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'ć',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'č',
  џ: 'dž',
  ш: 'š',
  // Macedonian
  ѓ: 'gj',
  ѕ: 'dz',
  ќ: 'kj',
  ѐ: 'e',
  ѝ: 'i',
  // Russian/Ukrainian/Bulgarian letters seen in migrants' and regional posts (scholarly-style, ASCII-friendly)
  ё: 'e',
  й: 'j',
  щ: 'šč',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'ju',
  я: 'ja',
  є: 'je',
  і: 'i',
  ї: 'ji',
  ґ: 'g',
};

function matchCase(source: string, latin: string): string {
  if (latin === '') return latin;
  if (source === source.toLowerCase()) return latin;
  // Upper-case Cyrillic: "Љ" → "Lj" (title case), which is how the letter is written at the start of a word.
  return latin[0]!.toUpperCase() + latin.slice(1);
}

/** Converts Serbian/Macedonian (and common Russian/Ukrainian) Cyrillic letters to Latin; other text is unchanged. */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (const ch of text) {
    const latin = CYRILLIC_TO_LATIN[ch.toLowerCase()];
    out += latin === undefined ? ch : matchCase(ch, latin);
  }
  return out;
}

const LATIN_DIGRAPHS: Array<[string, string]> = [
  ['dž', 'џ'],
  ['lj', 'љ'],
  ['nj', 'њ'],
];
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  ž: 'ж',
  z: 'з',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  ć: 'ћ',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
  č: 'ч',
  š: 'ш',
};

/** Serbian Latin → Cyrillic (digraphs lj, nj, dž become one letter). Used to render sr-Latn text in sr-Cyrl. */
export function serbianLatinToCyrillic(text: string): string {
  let out = '';
  const chars = [...text.normalize('NFC')];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const pair = (lower + (chars[i + 1] ?? '').toLowerCase()).normalize('NFC');
    const digraph = LATIN_DIGRAPHS.find(([latin]) => latin === pair);
    if (digraph) {
      out += ch === lower ? digraph[1] : digraph[1].toUpperCase();
      i += 1;
      continue;
    }
    const cyr = LATIN_TO_CYRILLIC[lower];
    out += cyr === undefined ? ch : ch === lower ? cyr : cyr.toUpperCase();
  }
  return out;
}
