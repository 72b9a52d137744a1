// Normalisation for matching. The original text is always what is shown; matching runs on a folded copy
// (NFC, lower case, Serbian/Macedonian Cyrillic → Latin, diacritics removed) split into word tokens, with
// leetspeak inside words undone ("p4s0š" → "paso", "s3x" → "sex"). Every token keeps the span of the original
// text it came from (UTF-16 code units), so matches can be highlighted in the original.
import { foldText, type FoldedText } from '@trag/core/text';

export interface Token {
  /** Folded, de-obfuscated word used for matching. */
  text: string;
  /** Span in the folded text. */
  foldedStart: number;
  foldedEnd: number;
  /** Span in the original text, UTF-16 code units, end exclusive. */
  start: number;
  end: number;
  /** True for a token made only of digits. */
  isNumber: boolean;
  /** True when leetspeak was undone in this token. */
  deobfuscated: boolean;
  /** True when a sentence ends between the previous token and this one (phrases do not cross it). */
  sentenceStart: boolean;
}

export interface NormalizedText {
  original: string;
  folded: FoldedText;
  tokens: Token[];
}

/** Longest text (UTF-16 code units) analysed per item; longer items are cut, and the cut is reported. */
export const MAX_ANALYSED_LENGTH = 100_000;

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
};

function isLetter(code: number): boolean {
  return code >= 97 && code <= 122; // folded text is lower-case Latin for every script Trag folds
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isOtherLetter(ch: string): boolean {
  // Letters of scripts that folding keeps (Greek, Arabic, …) still form words.
  return ch.charCodeAt(0) > 127 && /\p{L}/u.test(ch);
}

/** Undoes leetspeak when digits/@/$ sit between letters ("p4ss0s" → "passos"); "12h" or "24" stay as they are. */
export function deLeet(word: string): string {
  if (!/[a-z]/.test(word) || !/[0-9@$]/.test(word)) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    const sub = LEET[ch];
    if (sub !== undefined) {
      const prev = word.charCodeAt(i - 1);
      // look past a run of leet characters for a letter on the right ("m00del")
      let j = i + 1;
      while (j < word.length && LEET[word[j]!] !== undefined) j++;
      const next = word.charCodeAt(j);
      if (i > 0 && isLetter(prev) && (isLetter(next) || (j === word.length && /[a-z]{2}/.test(word)))) {
        out += sub;
        continue;
      }
      if (i > 0 && LEET[word[i - 1]!] !== undefined && out.length > 0 && isLetter(out.charCodeAt(out.length - 1))) {
        out += sub;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

/** Splits folded text into tokens of letters and digits (with @ and $ inside words), keeping original spans. */
export function tokenize(original: string, folded: FoldedText): Token[] {
  const text = folded.text;
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const ch = text[i]!;
    if (!(isLetter(code) || isDigit(code) || isOtherLetter(ch))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      const cj = text[j]!;
      if (isLetter(c) || isDigit(c) || isOtherLetter(cj)) {
        j++;
        continue;
      }
      // '@' or '$' inside a word ("p@sos") is leetspeak, not a separator; but "name@mail" stays split
      if ((cj === '@' || cj === '$') && isLetter(text.charCodeAt(j - 1)) && isLetter(text.charCodeAt(j + 1))) {
        const rest = text.slice(j + 1, j + 40);
        if (cj === '@' && /^[a-z0-9-]+\./.test(rest)) break;
        j++;
        continue;
      }
      break;
    }
    const raw = text.slice(i, j);
    let hasDigitOrLeet = false;
    let hasLetter = false;
    for (let k = i; k < j; k++) {
      const c = text.charCodeAt(k);
      if (isLetter(c)) hasLetter = true;
      else if (isDigit(c) || c === 64 || c === 36) hasDigitOrLeet = true;
    }
    const word = hasLetter && hasDigitOrLeet ? deLeet(raw) : raw;
    const isNumber = !hasLetter && hasDigitOrLeet && /^[0-9]+$/.test(raw);
    const previous = tokens[tokens.length - 1];
    let sentenceStart = previous === undefined;
    if (previous) {
      for (let k = previous.foldedEnd; k < i; k++) {
        const c = text.charCodeAt(k);
        if (c === 46 || c === 33 || c === 63 || c === 59) sentenceStart = true; // . ! ? ;
      }
    }
    const lastOffset = folded.offsets[j - 1] ?? original.length - 1;
    const lastCode = original.codePointAt(lastOffset) ?? 0;
    tokens.push({
      text: word,
      foldedStart: i,
      foldedEnd: j,
      start: folded.offsets[i] ?? original.length,
      end: lastOffset + (lastCode > 0xffff ? 2 : 1),
      isNumber,
      deobfuscated: word !== raw,
      sentenceStart,
    });
    i = j;
  }
  return tokens;
}

// Per-character fold results, computed by @trag/core/text's own foldText (the single source of truth for folding)
// and cached: an item has few distinct characters, so this gives the same output as foldWithOffsets, faster.
// Characters of the Basic Multilingual Plane (all the region's scripts) are cached in an array indexed by their
// code unit, which is cheaper than a Map lookup; others (emoji …) in a bounded Map.
const FOLD_BMP: Array<string | undefined> = new Array<string | undefined>(0x10000);
const FOLD_CACHE = new Map<string, string>();
const SPACE = /\s/u;

function foldUncached(ch: string): string {
  return SPACE.test(ch) ? ' ' : foldText(ch);
}

function foldChar(ch: string): string {
  let folded = FOLD_CACHE.get(ch);
  if (folded === undefined) {
    folded = foldUncached(ch);
    if (FOLD_CACHE.size < 20_000) FOLD_CACHE.set(ch, folded);
  }
  return folded;
}

/** Same result as foldWithOffsets from @trag/core/text (checked by a test), with per-character caching. */
export function foldWithOffsetsCached(original: string): FoldedText {
  const parts: string[] = [];
  const offsets: number[] = [];
  let lastWasSpace = true;
  let index = 0;
  while (index < original.length) {
    // Walk code points as `for…of` would: a surrogate pair is one character, a lone surrogate is one too.
    const start = index;
    const code = original.charCodeAt(index);
    let folded: string;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < original.length) {
      const next = original.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        index += 2;
        folded = foldChar(original.slice(start, index));
      } else {
        index += 1;
        folded = FOLD_BMP[code] ??= foldUncached(original[start]!);
      }
    } else {
      index += 1;
      folded = FOLD_BMP[code] ??= foldUncached(original[start]!);
    }
    if (folded === ' ') {
      if (!lastWasSpace) {
        parts.push(' ');
        offsets.push(start);
        lastWasSpace = true;
      }
      continue;
    }
    if (folded.length === 0) continue;
    parts.push(folded);
    for (let i = 0; i < folded.length; i++) offsets.push(start);
    lastWasSpace = false;
  }
  let text = parts.join('');
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    offsets.pop();
  }
  return { text, offsets };
}

/** Folds and tokenises one item's text (cut to MAX_ANALYSED_LENGTH). */
export function normalizeText(text: string): NormalizedText {
  const original = text.length > MAX_ANALYSED_LENGTH ? text.slice(0, MAX_ANALYSED_LENGTH) : text;
  const folded = foldWithOffsetsCached(original);
  return { original, folded, tokens: tokenize(original, folded) };
}
