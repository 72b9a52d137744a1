// Folding for matching (search, indicators, template detection): the original text is always what is shown.
// fold("Ђорђе") === fold("Đorđe") === fold("Djordje") === "djordje"; fold("посао") === "posao".
import { cyrillicToLatin } from './transliteration';

const SPECIAL_LATIN: Record<string, string> = {
  đ: 'dj',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  ı: 'i',
  ŀ: 'l',
  þ: 'th',
};

/** Folds one (already lower-cased, Latin) character: strips diacritics, expands đ → dj. */
function foldLatinChar(ch: string): string {
  const special = SPECIAL_LATIN[ch];
  if (special !== undefined) return special;
  return ch.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Lower-case, Latin-script, diacritic-free form of a text, for matching. Whitespace runs become one space. */
export function foldText(text: string): string {
  return foldWithOffsets(text).text;
}

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each UTF-16 code unit of `text`, the UTF-16 index in the original where it came from. */
  offsets: number[];
}

/**
 * Folds and keeps, for every output code unit, the index of the original code unit it came from, so that a match
 * found in the folded text can be highlighted in the original (spans are UTF-16 indexes, as JavaScript strings).
 */
export function foldWithOffsets(original: string): FoldedText {
  let text = '';
  const offsets: number[] = [];
  let lastWasSpace = true;
  let index = 0;
  for (const ch of original) {
    const start = index;
    index += ch.length;
    if (/\s/u.test(ch)) {
      if (!lastWasSpace) {
        text += ' ';
        offsets.push(start);
        lastWasSpace = true;
      }
      continue;
    }
    const latin = cyrillicToLatin(ch.normalize('NFC')).toLowerCase();
    let folded = '';
    for (const c of latin) folded += foldLatinChar(c);
    for (let i = 0; i < folded.length; i++) offsets.push(start);
    text += folded;
    if (folded.length > 0) lastWasSpace = false;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    offsets.pop();
  }
  return { text, offsets };
}

/** The original-text span [start, end) for a folded-text span. */
export function originalSpan(folded: FoldedText, original: string, start: number, end: number): [number, number] {
  const from = folded.offsets[start] ?? original.length;
  const lastIndex = folded.offsets[end - 1];
  if (lastIndex === undefined) return [from, from];
  const codePoint = original.codePointAt(lastIndex) ?? 0;
  return [from, lastIndex + (codePoint > 0xffff ? 2 : 1)];
}
