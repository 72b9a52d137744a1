// Choice tags name the rule of practice a choice keeps or breaks and its score:
//   * [Offer a break #rule:R06 #score:+1]
//   * [Ask why he crossed illegally #rule:R08 #score:-3]        (R08 is critical: a negative score is a critical violation)
//   * [Ask what happened to his passport #rule:R18 #score:+1 #indicator:retention_of_documents]
export interface ChoiceTags {
  rule: string | null;
  score: number;
  indicators: string[];
  /** Tags we do not know, reported by the scenario checker. */
  unknown: string[];
}

export function parseChoiceTags(tags: readonly string[] | null | undefined): ChoiceTags {
  const result: ChoiceTags = { rule: null, score: 0, indicators: [], unknown: [] };
  for (const raw of tags ?? []) {
    const tag = raw.trim();
    const [key, ...rest] = tag.split(':');
    const value = rest.join(':').trim();
    switch (key?.trim()) {
      case 'rule':
        result.rule = value;
        break;
      case 'score': {
        const n = Number(value);
        if (/^[+-]?\d+$/.test(value) && Number.isSafeInteger(n)) result.score = n;
        else result.unknown.push(tag);
        break;
      }
      case 'indicator':
        result.indicators.push(value);
        break;
      default:
        result.unknown.push(tag);
    }
  }
  return result;
}
