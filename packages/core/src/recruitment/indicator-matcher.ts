// Linear-time phrase matching over folded tokens: a trie of pattern words, walked from every token position.
// A pattern has at most MAX_PATTERN_WORDS words, so each position costs a bounded amount of work whatever the
// input; there are no regular expressions here, so no input can make matching backtrack.
import { deLeet, type Token } from './normalize';
import type { IndicatorDefinition, Lexicon, LexiconLanguage } from './lexicon';
import { foldText } from '@trag/core/text';

export const MAX_PATTERN_WORDS = 10;

interface PatternRef {
  indicator: IndicatorDefinition;
  language: LexiconLanguage;
  pattern: string;
  words: number;
}

interface TrieNode {
  literal: Map<string, TrieNode>;
  prefix: Array<[string, TrieNode]>;
  number?: TrieNode;
  any?: TrieNode;
  ends: PatternRef[];
}

const newNode = (): TrieNode => ({ literal: new Map(), prefix: [], ends: [] });

export interface PhraseMatch {
  indicator: IndicatorDefinition;
  language: LexiconLanguage;
  pattern: string;
  /** Token index range [first, last]. */
  firstToken: number;
  lastToken: number;
}

/** Splits a lexicon pattern into folded words, the way item text is folded (so Cyrillic patterns work too). */
export function patternWords(pattern: string): string[] {
  return foldText(pattern.replace(/<n>/g, ' # ').replace(/<any>/g, ' ? '))
    .split(/[^a-z0-9#?*]+/)
    .filter((w) => w !== '')
    .map((w) => (w === '#' || w === '?' ? w : deLeet(w)));
}

export class IndicatorMatcher {
  private readonly root = newNode();

  constructor(lexicon: Lexicon) {
    for (const indicator of lexicon.indicators) {
      for (const [language, list] of Object.entries(indicator.patterns) as Array<[LexiconLanguage, string[]]>) {
        for (const pattern of list) this.add(indicator, language, pattern);
      }
    }
  }

  private add(indicator: IndicatorDefinition, language: LexiconLanguage, pattern: string): void {
    const words = patternWords(pattern);
    if (words.length === 0) return;
    if (words.length > MAX_PATTERN_WORDS) {
      throw new Error(`Pattern "${pattern}" of ${indicator.id} has more than ${MAX_PATTERN_WORDS} words.`);
    }
    let node = this.root;
    for (const word of words) {
      if (word === '#') node = node.number ??= newNode();
      else if (word === '?') node = node.any ??= newNode();
      else if (word.endsWith('*')) {
        const stem = word.slice(0, -1);
        let next = node.prefix.find(([p]) => p === stem)?.[1];
        if (!next) {
          next = newNode();
          node.prefix.push([stem, next]);
        }
        node = next;
      } else {
        let next = node.literal.get(word);
        if (!next) {
          next = newNode();
          node.literal.set(word, next);
        }
        node = next;
      }
    }
    if (!node.ends.some((e) => e.indicator.id === indicator.id && e.pattern === pattern)) {
      node.ends.push({ indicator, language, pattern, words: words.length });
    }
  }

  private readonly startCache = new Map<string, boolean>();

  /** Whether some pattern can start with this word (cached per distinct word). */
  private canStart(word: string): boolean {
    let can = this.startCache.get(word);
    if (can === undefined) {
      can = this.root.literal.has(word) || this.root.prefix.some(([stem]) => word.startsWith(stem));
      if (this.startCache.size < 200_000) this.startCache.set(word, can);
    }
    return can;
  }

  /** All phrase matches in the token sequence; work is bounded by tokens × trie fan-out × MAX_PATTERN_WORDS. */
  match(tokens: Token[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    const nodes: TrieNode[] = [];
    const indexes: number[] = [];
    for (let start = 0; start < tokens.length; start++) {
      // quick reject: the first word must start some pattern
      const first = tokens[start]!;
      if (!(first.isNumber && this.root.number) && !this.root.any && !this.canStart(first.text)) continue;
      nodes.length = 0;
      indexes.length = 0;
      nodes.push(this.root);
      indexes.push(start);
      while (nodes.length > 0) {
        const node = nodes.pop()!;
        const index = indexes.pop()!;
        for (const end of node.ends) {
          out.push({
            indicator: end.indicator,
            language: end.language,
            pattern: end.pattern,
            firstToken: start,
            lastToken: index - 1,
          });
        }
        const token = tokens[index];
        if (!token || index - start >= MAX_PATTERN_WORDS) continue;
        if (index > start && token.sentenceStart) continue; // phrases do not run across sentences
        const word = token.text;
        const literal = node.literal.get(word);
        if (literal) {
          nodes.push(literal);
          indexes.push(index + 1);
        }
        for (const [stem, next] of node.prefix) {
          if (word.startsWith(stem)) {
            nodes.push(next);
            indexes.push(index + 1);
          }
        }
        if (node.number && token.isNumber) {
          nodes.push(node.number);
          indexes.push(index + 1);
        }
        if (node.any) {
          nodes.push(node.any);
          indexes.push(index + 1);
        }
      }
    }
    return out;
  }
}
