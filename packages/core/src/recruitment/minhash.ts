// MinHash signatures over word shingles of folded text, and LSH banding to find near-duplicate candidates in
// time close to linear in the number of items. Folding makes it script-independent: a Cyrillic and a Latin copy
// of one ad produce the same shingles.

export interface MinHashOptions {
  /** Number of hash functions (signature length) = bands × rows. */
  bands: number;
  rows: number;
  /** Words per shingle. */
  shingleSize: number;
}

export const DEFAULT_MINHASH: MinHashOptions = { bands: 24, rows: 4, shingleSize: 3 };

/** FNV-1a over a string, 32 bits. */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const seedCache = new Map<number, Uint32Array>();
function seeds(count: number): Uint32Array {
  let s = seedCache.get(count);
  if (!s) {
    s = new Uint32Array(count);
    let x = 0x9e3779b9;
    for (let i = 0; i < count; i++) {
      x = mix(x + 0x6d2b79f5);
      s[i] = x;
    }
    seedCache.set(count, s);
  }
  return s;
}

/** Hashes of the word shingles of a token list (numbers collapsed to "0" so phone/price slots still match). */
export function shingleHashes(words: string[], shingleSize: number): Uint32Array {
  const w = words.map((t) => (/^[0-9]+$/.test(t) ? '0' : t));
  if (w.length === 0) return new Uint32Array(0);
  const size = Math.min(shingleSize, w.length);
  const out = new Uint32Array(w.length - size + 1);
  const hashes = w.map((t) => hashString(t));
  for (let i = 0; i + size <= w.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < size; k++) h = mix(h ^ hashes[i + k]!);
    out[i] = h;
  }
  return out;
}

/** Writes the MinHash signature of one shingle set into `target` at `offset`. */
export function minhashInto(shingles: Uint32Array, k: number, target: Uint32Array, offset: number): void {
  const s = seeds(k);
  for (let i = 0; i < k; i++) target[offset + i] = 0xffffffff;
  for (let j = 0; j < shingles.length; j++) {
    const x = shingles[j]!;
    for (let i = 0; i < k; i++) {
      const h = mix(x ^ s[i]!);
      if (h < target[offset + i]!) target[offset + i] = h;
    }
  }
}

/** Estimated Jaccard similarity of two signatures stored in one array. */
export function signatureSimilarity(sig: Uint32Array, a: number, b: number, k: number): number {
  let same = 0;
  const oa = a * k;
  const ob = b * k;
  for (let i = 0; i < k; i++) if (sig[oa + i] === sig[ob + i]) same++;
  return same / k;
}

export class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[x] !== r) {
      const next = this.parent[x]!;
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

const INDEX_BITS = 22; // up to 4,194,304 items per run
const INDEX_SPACE = 2 ** INDEX_BITS;

/**
 * LSH banding: items whose signatures agree on all rows of some band are candidates; a candidate is linked when
 * its estimated Jaccard similarity is at least `threshold`. Each band is sorted (typed-array sort), and each
 * member of an equal-key run is compared with the run's first member and its predecessor, so the cost stays
 * linear in the number of items even when one bucket is huge.
 */
export function lshCluster(sig: Uint32Array, n: number, options: MinHashOptions, threshold: number): UnionFind {
  if (n > INDEX_SPACE) throw new Error(`lshCluster handles at most ${INDEX_SPACE} items per run`);
  const k = options.bands * options.rows;
  const uf = new UnionFind(n);
  const keys = new Float64Array(n);
  for (let band = 0; band < options.bands; band++) {
    for (let item = 0; item < n; item++) {
      let h = 0x811c9dc5 ^ band;
      const base = item * k + band * options.rows;
      for (let r = 0; r < options.rows; r++) h = mix(h ^ sig[base + r]!);
      // 31 bits of band hash above 22 bits of item index: exact in a float64
      keys[item] = (h >>> 1) * INDEX_SPACE + item;
    }
    keys.sort();
    let runStart = 0;
    for (let i = 1; i <= n; i++) {
      const prevKey = Math.floor(keys[i - 1]! / INDEX_SPACE);
      const key = i < n ? Math.floor(keys[i]! / INDEX_SPACE) : -1;
      if (key === prevKey) continue;
      if (i - runStart >= 2) {
        const first = keys[runStart]! % INDEX_SPACE;
        for (let j = runStart + 1; j < i; j++) {
          const item = keys[j]! % INDEX_SPACE;
          const prev = keys[j - 1]! % INDEX_SPACE;
          if (uf.find(item) === uf.find(first)) continue;
          if (signatureSimilarity(sig, item, first, k) >= threshold) uf.union(item, first);
          else if (prev !== first && signatureSimilarity(sig, item, prev, k) >= threshold) uf.union(item, prev);
        }
      }
      runStart = i;
    }
  }
  return uf;
}
