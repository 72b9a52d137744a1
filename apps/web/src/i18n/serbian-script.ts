// Serbian Latin → Cyrillic transliteration (one letter to one letter, digraphs lj/nj/dž to љ/њ/џ). The sr-Cyrl
// locale files are exactly this transliteration of sr-Latn; locales.test.ts checks it and
// `npx tsx apps/web/scripts/generate-sr-cyrl.ts` regenerates them. Kept in Latin: {{placeholders}}, acronyms
// written in capitals (CSV, QR, API), `code`, and the product names in KEEP_LATIN.
const DIGRAPHS: Record<string, string> = {
  Lj: 'Љ',
  LJ: 'Љ',
  lj: 'љ',
  Nj: 'Њ',
  NJ: 'Њ',
  nj: 'њ',
  Dž: 'Џ',
  DŽ: 'Џ',
  dž: 'џ',
};
const LETTERS: Record<string, string> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  č: 'ч',
  ć: 'ћ',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
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
  š: 'ш',
  t: 'т',
  u: 'у',
  v: 'в',
  z: 'з',
  ž: 'ж',
};
for (const [latin, cyrillic] of Object.entries({ ...LETTERS })) LETTERS[latin.toUpperCase()] = cyrillic.toUpperCase();

export const KEEP_LATIN = [
  'FreeOTP',
  'Aegis',
  'Google Authenticator',
  'Bearer',
  'Markdown',
  'Etherscan',
  'TronGrid',
  'Tronscan',
  'Esplora',
  'Blockstream',
  'GraphSense',
  'TagPack',
  'MiB',
];

/** Capitalised words that are Serbian, not technical acronyms: these are transliterated (NVO → НВО). */
export const SERBIAN_CAPITALS = new Set(['NVO']);

function transliterateWord(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const pair = text.slice(i, i + 2);
    const digraph = DIGRAPHS[pair];
    if (digraph) {
      out += digraph;
      i += 1;
      continue;
    }
    const ch = text[i]!;
    out += LETTERS[ch] ?? ch;
  }
  return out;
}

const PROTECTED = new RegExp(
  [
    '\\{\\{[^}]+\\}\\}', // i18next placeholders
    '`[^`]*`', // code
    '\\b[A-ZČĆŠŽĐ]{2,}\\d*\\b', // acronyms: CSV, QR, TOTP
    '(?:https?://|/)[\\w./-]+', // URLs and paths
    ...KEEP_LATIN.map((w) => `\\b${w}\\b`),
  ].join('|'),
  'gu',
);

export function serbianLatinToCyrillic(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    out += transliterateWord(text.slice(last, match.index));
    out += SERBIAN_CAPITALS.has(match[0]) ? transliterateWord(match[0]) : match[0];
    last = match.index + match[0].length;
  }
  return out + transliterateWord(text.slice(last));
}
