import { describe, expect, it } from 'vitest';
import { foldWithOffsets } from '@trag/core/text';
import { deLeet, foldWithOffsetsCached, normalizeText } from './normalize';

describe('normalisation', () => {
  it('folds exactly like @trag/core/text foldWithOffsets (cached per character)', () => {
    const samples = [
      '  Đorđe   ŠIŠIĆ — Ђорђе, посао у Немачкој!  ',
      'Kërkojmë punëtorë, Straße, ǅ, e\u0301, 🔥 emoji 🔥\t\nend ',
      'Ѓорѓи ќе оди во Скопје, ѕвезда',
      // lone surrogates (broken exports) and a pair at the very end
      'a\ud83d b \ude00c \ud83d',
      'end 😀',
      '',
    ];
    for (const s of samples) expect(foldWithOffsetsCached(s)).toEqual(foldWithOffsets(s));
  });

  it('undoes leetspeak inside words only', () => {
    expect(deLeet('p4s0s')).toBe('pasos');
    expect(deLeet('s3x')).toBe('sex');
    expect(deLeet('12h')).toBe('12h');
    expect(deLeet('2024')).toBe('2024');
  });

  it('maps tokens back to original spans', () => {
    const text = 'Посао: L4ZNI p@soši!';
    const tokens = normalizeText(text).tokens;
    expect(tokens.map((t) => t.text)).toEqual(['posao', 'lazni', 'pasosi']);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Посао', 'L4ZNI', 'p@soši']);
  });
});
