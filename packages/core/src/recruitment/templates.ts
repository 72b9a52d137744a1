// Template-ad detection: MinHash/LSH over folded word shingles finds near-duplicates (script-independent), then a
// linear-time token alignment against one reference copy derives the common text and the variable slots
// (names, cities, numbers) of each cluster.
import { normalizeText, type Token } from './normalize';
import { DEFAULT_MINHASH, lshCluster, minhashInto, shingleHashes, type MinHashOptions } from './minhash';

export interface TemplateItem {
  id: string;
  text: string;
}

export interface TemplateSlot {
  name: string;
  /** Distinct values the slot takes across the cluster (original text, at most 50). */
  values: string[];
}

export interface TemplateCluster {
  cluster: number;
  ids: string[];
  /** Common text of the cluster, taken from one reference copy, with "{slot1}"… where the copies differ. */
  template: string;
  slots: TemplateSlot[];
  /** Why these items are together. */
  reason: string;
}

export interface TemplateOptions {
  minhash?: MinHashOptions;
  /** Least estimated Jaccard similarity of word shingles to link two items. */
  threshold?: number;
  /** Items with fewer words are not clustered (too little text to call a template). */
  minWords?: number;
  /** At most this many members are aligned to derive a cluster's template. */
  alignMembers?: number;
}

/** What findTemplates uses when not told otherwise; the case's template view uses the same. */
export const TEMPLATE_DEFAULTS: Readonly<{ threshold: number; minWords: number; alignMembers: number }> = {
  threshold: 0.5,
  minWords: 8,
  alignMembers: 20,
};

/**
 * Word forms for template matching: Ijekavian and Ekavian spellings of one ad ("djevojke"/"devojke",
 * "smještaj"/"smeštaj") are the same template, so "(i)je" after a consonant is read as "e".
 */
export function templateWord(word: string): string {
  // most words have no "je": skip the regex for them (it runs for every word of every item of an import)
  return word.includes('je') ? word.replace(/([bcdfghklmnprstvz])i?je/g, '$1e') : word;
}

/**
 * Writes item `index`'s signature into `signatures` (row-major, `bands × rows` values per item) from its tokens
 * and marks it eligible; items shorter than `minWords` words get values distinct per item so they never collide.
 */
export function signItem(
  tokens: ReadonlyArray<Pick<Token, 'text'>>,
  index: number,
  signatures: Uint32Array,
  eligible: Uint8Array,
  minhash: MinHashOptions = DEFAULT_MINHASH,
  minWords = TEMPLATE_DEFAULTS.minWords,
): void {
  const k = minhash.bands * minhash.rows;
  const words = tokens.map((t) => templateWord(t.text));
  if (words.length >= minWords) {
    eligible[index] = 1;
    minhashInto(shingleHashes(words, minhash.shingleSize), k, signatures, index * k);
  } else {
    shortItemSignature(signatures, index, k, index);
  }
}

/**
 * The signature of an item too short to compare, written at slot `at`: values unique to its index in the
 * collection, so it never collides with another item's.
 */
export function shortItemSignature(signatures: Uint32Array, at: number, k: number, index: number): void {
  for (let j = 0; j < k; j++) signatures[at * k + j] = (index * 2654435761 + j) >>> 0;
}

/** Item `index`'s signature (`k` values) as base64 of little-endian uint32s, the form items keep it in. */
export function signatureToBase64(signatures: Uint32Array, index: number, k: number): string {
  const bytes = Buffer.alloc(k * 4);
  for (let j = 0; j < k; j++) bytes.writeUInt32LE(signatures[index * k + j]!, j * 4);
  return bytes.toString('base64');
}

/** Writes a stored signature (see signatureToBase64) into slot `index`; false when it is not `k` values long. */
export function signatureFromBase64(stored: string, signatures: Uint32Array, index: number, k: number): boolean {
  const bytes = Buffer.from(stored, 'base64');
  if (bytes.length !== k * 4) return false;
  for (let j = 0; j < k; j++) signatures[index * k + j] = bytes.readUInt32LE(j * 4);
  return true;
}

/** Signatures of all items (row-major Uint32Array, `bands × rows` values per item); short items get all-ones. */
export function computeSignatures(
  texts: Iterable<string>,
  count: number,
  minhash: MinHashOptions = DEFAULT_MINHASH,
  minWords = TEMPLATE_DEFAULTS.minWords,
): { signatures: Uint32Array; eligible: Uint8Array } {
  const signatures = new Uint32Array(count * minhash.bands * minhash.rows);
  const eligible = new Uint8Array(count);
  let i = 0;
  for (const text of texts) signItem(normalizeText(text).tokens, i++, signatures, eligible, minhash, minWords);
  return { signatures, eligible };
}

/** Groups of item indexes (≥ 2 members) from signatures: near-duplicates, in order of their first member. */
export function groupSignatures(
  signatures: Uint32Array,
  eligible: Uint8Array,
  count: number,
  options: TemplateOptions = {},
): number[][] {
  const uf = lshCluster(
    signatures,
    count,
    options.minhash ?? DEFAULT_MINHASH,
    options.threshold ?? TEMPLATE_DEFAULTS.threshold,
  );
  const groups = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    if (!eligible[i]) continue;
    const root = uf.find(i);
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()].filter((g) => g.length >= 2).sort((a, b) => a[0]! - b[0]!);
}

/** Groups of item indexes (≥ 2 members) that are near-duplicates, in order of their first member. */
export function findNearDuplicateGroups(texts: string[], options: TemplateOptions = {}): number[][] {
  const { signatures, eligible } = computeSignatures(
    texts,
    texts.length,
    options.minhash ?? DEFAULT_MINHASH,
    options.minWords ?? TEMPLATE_DEFAULTS.minWords,
  );
  return groupSignatures(signatures, eligible, texts.length, options);
}

interface Aligned {
  tokens: Token[];
  original: string;
  /** For each reference token index, the matched member token index or -1. */
  map: Int32Array;
}

const LOOKAHEAD = 12;

/** Greedy monotone alignment with a bounded look-ahead window: O((n + m) × LOOKAHEAD²). */
export function alignTokens(ref: string[], member: string[]): Int32Array {
  const map = new Int32Array(ref.length).fill(-1);
  let i = 0;
  let j = 0;
  while (i < ref.length && j < member.length) {
    if (ref[i] === member[j]) {
      map[i] = j;
      i++;
      j++;
      continue;
    }
    let best: [number, number] | null = null;
    for (let d = 1; d <= 2 * LOOKAHEAD && !best; d++) {
      for (let a = 0; a <= d; a++) {
        const b = d - a;
        if (a > LOOKAHEAD || b > LOOKAHEAD) continue;
        if (i + a < ref.length && j + b < member.length && ref[i + a] === member[j + b]) {
          best = [a, b];
          break;
        }
      }
    }
    if (!best) {
      i++;
      j++;
      continue;
    }
    i += best[0];
    j += best[1];
  }
  return map;
}

const slotText = (a: Aligned, from: number, to: number) => {
  // member tokens (from, to) exclusive, as original text
  if (to - from <= 1) return '';
  const first = a.tokens[from + 1];
  const last = a.tokens[to - 1];
  return first && last ? a.original.slice(first.start, last.end) : '';
};

/** Derives the common template text and slots of one cluster of texts. */
export function deriveTemplate(
  texts: string[],
  alignMembers = TEMPLATE_DEFAULTS.alignMembers,
): { template: string; slots: TemplateSlot[] } {
  const normalized = texts.slice(0, alignMembers).map((t) => normalizeText(t));
  const refNorm = normalized[0]!;
  const refWords = refNorm.tokens.map((t) => templateWord(t.text));
  const aligned: Aligned[] = normalized.map((n) => ({
    tokens: n.tokens,
    original: n.original,
    map: alignTokens(
      refWords,
      n.tokens.map((t) => templateWord(t.text)),
    ),
  }));
  const constant = refWords.map((_, i) => aligned.every((a) => a.map[i]! >= 0));
  // Runs of reference tokens that every member has, consecutively.
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < refWords.length; i++) {
    if (!constant[i]) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1 && aligned.every((a) => a.map[i]! === a.map[i - 1]! + 1)) last[1] = i;
    else runs.push([i, i]);
  }
  const parts: string[] = [];
  const slots: TemplateSlot[] = [];
  const addSlot = (prevEnd: number, nextStart: number) => {
    const values = new Set<string>();
    for (const a of aligned) {
      const from = prevEnd >= 0 ? a.map[prevEnd]! : -1;
      const to = nextStart >= 0 ? a.map[nextStart]! : a.tokens.length;
      values.add(slotText(a, from, to));
    }
    if ([...values].some((v) => v !== '')) {
      const name = `slot${slots.length + 1}`;
      slots.push({ name, values: [...values].slice(0, 50) });
      parts.push(`{${name}}`);
    }
  };
  let prevEnd = -1;
  for (const [start, end] of runs) {
    addSlot(prevEnd, start);
    parts.push(refNorm.original.slice(refNorm.tokens[start]!.start, refNorm.tokens[end]!.end));
    prevEnd = end;
  }
  addSlot(prevEnd, -1);
  return { template: parts.join(' '), slots };
}

/** Finds template clusters (≥ 2 items) and derives each one's template and slots. */
export function findTemplates(items: TemplateItem[], options: TemplateOptions = {}): TemplateCluster[] {
  const groups = findNearDuplicateGroups(
    items.map((i) => i.text),
    options,
  );
  return groups.map((group, index) => {
    const { template, slots } = deriveTemplate(
      group.map((g) => items[g]!.text),
      options.alignMembers ?? TEMPLATE_DEFAULTS.alignMembers,
    );
    return {
      cluster: index + 1,
      ids: group.map((g) => items[g]!.id),
      template,
      slots,
      reason: `${group.length} items share at least ${Math.round((options.threshold ?? TEMPLATE_DEFAULTS.threshold) * 100)} % of their word triples (MinHash estimate, after folding scripts and diacritics)`,
    };
  });
}
