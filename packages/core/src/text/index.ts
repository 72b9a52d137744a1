export { cyrillicToLatin, serbianLatinToCyrillic } from './transliteration';
export { foldText, foldWithOffsets, originalSpan, type FoldedText } from './folding';
