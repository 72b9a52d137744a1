// Analysis of items: normalise → identify language → extract identifiers → match indicators → score, and for a
// batch, network signals (shared contacts, template reuse). Pure: data in, data out; every score has its reasons.
import { createHash } from 'node:crypto';
import { normalizeText, MAX_ANALYSED_LENGTH, type NormalizedText } from './normalize';
import { identifyLanguage, type LanguageCode, type Script } from './language';
import { extractIdentifiers, type ExtractedIdentifier, type IdentifierType } from './identifier-extractor';
import { defaultLexicon, type IndicatorDefinition, type IndicatorFamily, type Lexicon } from './lexicon';
import { IndicatorMatcher } from './indicator-matcher';
import { groupSignatures, shortItemSignature, signatureToBase64, signItem, type TemplateOptions } from './templates';
import { DEFAULT_MINHASH } from './minhash';

export interface AnalysisInput {
  id: string;
  text: string;
}

export interface IndicatorHit {
  id: string;
  family: IndicatorFamily;
  start: number;
  end: number;
  title: string;
  weight: number;
  /** The lexicon pattern or detector that matched. */
  matchedBy: string;
  /** Language of the matched pattern, when it is a phrase. */
  patternLanguage?: string;
  /** The matched original text (at most 80 characters). */
  quote: string;
}

export interface Reason {
  code: string;
  indicatorId?: string;
  weight: number;
  text: string;
}

export interface ItemAnalysis {
  id: string;
  language: LanguageCode;
  script: Script;
  languageEvidence: string[];
  identifiers: ExtractedIdentifier[];
  indicators: IndicatorHit[];
  score: number;
  flagged: boolean;
  reasons: Reason[];
  truncated: boolean;
}

/** Identifier types that count as contacts for network signals (shared by several items). */
const CONTACT_TYPES: ReadonlySet<IdentifierType> = new Set<IdentifierType>([
  'phone',
  'email',
  'telegram',
  'whatsapp',
  'viber',
  'instagram',
  'facebook',
  'btc',
  'eth',
  'trx',
  'iban',
]);

export class RecruitmentAnalyzer {
  private readonly matcher: IndicatorMatcher;
  private readonly byDetector = new Map<string, IndicatorDefinition[]>();
  private readonly byId = new Map<string, IndicatorDefinition>();

  constructor(readonly lexicon: Lexicon = defaultLexicon()) {
    this.matcher = new IndicatorMatcher(lexicon);
    for (const indicator of lexicon.indicators) {
      this.byId.set(indicator.id, indicator);
      if (indicator.detector) {
        const list = this.byDetector.get(indicator.detector) ?? [];
        list.push(indicator);
        this.byDetector.set(indicator.detector, list);
      }
    }
  }

  indicator(id: string): IndicatorDefinition | undefined {
    return this.byId.get(id);
  }

  /** Analyses one item on its own (no network signals). */
  analyze(input: AnalysisInput): ItemAnalysis {
    return this.analyzeNormalized(input, normalizeText(input.text));
  }

  /**
   * Analyses one item of a collection and hands what network signals need of it to `signals` (at `index`),
   * normalising the text once for both.
   */
  analyzeInto(input: AnalysisInput, signals: NetworkSignals, index: number): ItemAnalysis {
    const norm = normalizeText(input.text);
    const analysis = this.analyzeNormalized(input, norm);
    signals.add(index, analysis.identifiers, norm);
    return analysis;
  }

  private analyzeNormalized(input: AnalysisInput, norm: NormalizedText): ItemAnalysis {
    const guess = identifyLanguage(norm.original, norm.tokens);
    const identifiers = extractIdentifiers(norm, guess.language);
    const identifierTypes = new Set(identifiers.map((i) => i.type));
    const hits: IndicatorHit[] = [];
    for (const match of this.matcher.match(norm.tokens)) {
      const { indicator } = match;
      if (indicator.requires && !indicator.requires.every((t) => identifierTypes.has(t as IdentifierType))) continue;
      hits.push({
        id: indicator.id,
        family: indicator.family,
        start: norm.tokens[match.firstToken]!.start,
        end: norm.tokens[match.lastToken]!.end,
        title: indicator.title,
        weight: indicator.weight,
        matchedBy: match.pattern,
        patternLanguage: match.language,
        quote: quote(norm.original, norm.tokens[match.firstToken]!.start, norm.tokens[match.lastToken]!.end),
      });
    }
    for (const indicator of this.byDetector.get('obfuscated_contact') ?? []) {
      for (const id of identifiers) {
        if (!id.obfuscated || id.type !== 'phone') continue;
        hits.push(detectorHit(indicator, id.start, id.end, 'obfuscated_contact', id.raw));
      }
    }
    for (const indicator of this.byDetector.get('high_salary') ?? []) {
      const config = indicator.detectorConfig ?? {};
      const monthly = typeof config.monthly_eur === 'number' ? config.monthly_eur : 3000;
      const rates = (config.to_eur ?? {}) as Record<string, number>;
      for (const id of identifiers) {
        if (id.type !== 'amount' || id.detail === 'hour') continue;
        const [amountText, currency] = id.value.split(' ');
        const rate = rates[currency ?? ''];
        if (rate === undefined) continue;
        const after = norm.original.slice(id.end, id.end + 24).toLowerCase();
        if (
          /po osobi|per person|pro person|po licu|po lice|po glavi|per head|pro kopf|kotizacij|fee|gebuhr|gebühr|depozit|deposit|kaution/.test(
            after,
          )
        )
          continue;
        const factor = id.detail === 'week' ? 4.3 : id.detail === 'day' ? 22 : 1;
        if (Number(amountText) * rate * factor >= monthly) {
          hits.push(detectorHit(indicator, id.start, id.end, `high_salary ≥ ${monthly} EUR/month`, id.raw));
        }
      }
    }
    const truncated = input.text.length > MAX_ANALYSED_LENGTH;
    return this.score({
      id: input.id,
      language: guess.language,
      script: guess.script,
      languageEvidence: guess.evidence,
      identifiers,
      indicators: dedupeHits(hits),
      score: 0,
      flagged: false,
      reasons: [],
      truncated,
    });
  }

  /** Scores from combinations: each indicator counts once; an item is flagged only with ≥ minIndicators. */
  score(analysis: ItemAnalysis, networkReasons: Reason[] = []): ItemAnalysis {
    const first = new Map<string, IndicatorHit>();
    for (const hit of analysis.indicators) if (!first.has(hit.id)) first.set(hit.id, hit);
    const reasons: Reason[] = [];
    let score = 0;
    let counted = 0;
    for (const hit of first.values()) {
      const indicator = this.byId.get(hit.id);
      const quote = hit.quote !== '' ? ` — "${hit.quote}"` : hit.family === 'network' ? ` — ${hit.matchedBy}` : '';
      if (hit.weight === 0) {
        reasons.push({
          code: 'context',
          indicatorId: hit.id,
          weight: 0,
          text: `${hit.title} (context only, not counted)${quote}`,
        });
        continue;
      }
      score += hit.weight;
      // network signals add to the score, but only content indicators count towards the combination
      if (hit.weight > 0 && hit.family !== 'network') counted++;
      const sign = hit.weight > 0 ? `+${hit.weight}` : `${hit.weight}`;
      reasons.push({
        code: hit.family === 'network' ? 'network' : 'indicator',
        indicatorId: hit.id,
        weight: hit.weight,
        text: `${hit.title} (${sign}, indicator ${indicator?.ref ?? '?'}, ${hit.family})${quote}`,
      });
    }
    reasons.push(...networkReasons);
    const { threshold, minIndicators } = this.lexicon;
    const flagged = score >= threshold && counted >= minIndicators;
    reasons.push({
      code: flagged ? 'flagged' : 'not_flagged',
      weight: 0,
      text: flagged
        ? `Flagged: score ${score} ≥ ${threshold}, with ${counted} different content indicators.`
        : counted < minIndicators
          ? `Not flagged: ${counted === 0 ? 'no content indicator' : 'a single content indicator'} found; single indicators are weak (98.4 % of work-abroad ads carry one), at least ${minIndicators} are needed (network signals only add to the score).`
          : `Not flagged: score ${score} is below the threshold ${threshold}.`,
    });
    return { ...analysis, score, flagged, reasons };
  }

  /** Analyses a collection: items, then network signals across it (shared contacts, template reuse). */
  analyzeBatch(inputs: AnalysisInput[], options: { templates?: TemplateOptions | false } = {}): ItemAnalysis[] {
    return this.withNetworkSignals(
      inputs,
      inputs.map((input) => this.analyze(input)),
      options,
    );
  }

  /** Adds network signals across a collection to items analysed one by one (same order as `inputs`). */
  withNetworkSignals(
    inputs: AnalysisInput[],
    results: ItemAnalysis[],
    options: { templates?: TemplateOptions | false } = {},
  ): ItemAnalysis[] {
    const extra = this.networkHits(
      inputs.map((i) => i.text),
      results.map((r) => r.identifiers),
      options,
    );
    return results.map((r, index) => this.withExtraHits(r, extra[index]!));
  }

  /** An item re-scored with network hits added (the item itself when there are none). */
  withExtraHits(analysis: ItemAnalysis, extra: IndicatorHit[]): ItemAnalysis {
    if (extra.length === 0) return analysis;
    return this.score({ ...analysis, indicators: [...analysis.indicators, ...extra] });
  }

  /**
   * The network hits of each item of a collection (same order as `texts`): a contact shared by at least
   * `min_items` items, and template reuse (identical reposts or copies with swapped parts).
   */
  networkHits(
    texts: string[],
    identifiers: ReadonlyArray<ReadonlyArray<ExtractedIdentifier>>,
    options: { templates?: TemplateOptions | false } = {},
  ): IndicatorHit[][] {
    const signals = this.networkSignals(texts.length, options);
    texts.forEach((text, index) => {
      signals.add(index, identifiers[index]!, options.templates === false ? null : normalizeText(text));
    });
    signals.finish();
    return texts.map((_, index) => signals.hitsOf(index));
  }

  /** An empty collector of network signals for `count` items (see NetworkSignals). */
  networkSignals(count: number, options: { templates?: TemplateOptions | false } = {}): NetworkSignals {
    return new NetworkSignals(
      count,
      {
        shared: this.byDetector.get('shared_contact')?.[0],
        slotted: this.byId.get('net_template_slots'),
        reposted: this.byId.get('rec_same_text_reposted'),
      },
      options.templates === false ? false : (options.templates ?? {}),
    );
  }
}

/**
 * Network signals across a collection, gathered item by item: per item only its contacts, the MinHash signature
 * of its folded words and a SHA-256 digest of its folded text, so a 100,000-item import need not keep texts or
 * analyses in memory to compare the whole collection. After `finish`, `hitsOf(i)` gives item i's hits: a contact
 * shared by at least `min_items` items, and template reuse (a group of near-duplicates: "same text reposted" when
 * every member's folded text is the same — compared by digest —, otherwise "template with slots").
 */
export class NetworkSignals {
  /**
   * Per item, its contacts as JSON of [type, value, start, end, raw] tuples: one fresh string, where the extracted
   * identifiers' strings may be slices that keep the whole item text alive.
   */
  private readonly contacts: Array<string | undefined>;
  /** Per contact key ("type:value"): how many items carry it, and the last item counted (each item once). */
  private readonly itemsByKey = new Map<string, { items: number; last: number }>();
  private signatures: Uint32Array | null = null;
  private eligible: Uint8Array | null = null;
  private digests: Buffer | null = null;
  /** Per item after `finish`: the size of its template group (0 when none) and whether its copies are identical. */
  private groupSize: Int32Array | null = null;
  private groupIdentical: Uint8Array | null = null;

  constructor(
    readonly count: number,
    private readonly indicators: {
      shared: IndicatorDefinition | undefined;
      slotted: IndicatorDefinition | undefined;
      reposted: IndicatorDefinition | undefined;
    },
    private readonly templates: TemplateOptions | false,
  ) {
    this.contacts = new Array<string | undefined>(count);
    if (templates !== false) {
      const minhash = templates.minhash ?? DEFAULT_MINHASH;
      this.signatures = new Uint32Array(count * minhash.bands * minhash.rows);
      this.eligible = new Uint8Array(count);
      this.digests = Buffer.alloc(count * DIGEST_BYTES);
    }
  }

  /** Records item `index` (its normalised text is needed only when templates are compared). */
  add(index: number, identifiers: ReadonlyArray<ExtractedIdentifier>, norm: NormalizedText | null): void {
    const contacts = identifiers.filter((id) => CONTACT_TYPES.has(id.type));
    if (contacts.length > 0) {
      this.contacts[index] = JSON.stringify(contacts.map((id) => [id.type, id.value, id.start, id.end, id.raw]));
    }
    for (const id of contacts) {
      const key = `${id.type}:${id.value}`;
      const entry = this.itemsByKey.get(key);
      if (!entry) this.itemsByKey.set(key, { items: 1, last: index });
      else if (entry.last !== index) {
        entry.items++;
        entry.last = index;
      }
    }
    if (this.templates !== false && norm) {
      signItem(norm.tokens, index, this.signatures!, this.eligible!, this.templates.minhash, this.templates.minWords);
      createHash('sha256')
        .update(norm.folded.text)
        .digest()
        .copy(this.digests!, index * DIGEST_BYTES);
    }
  }

  /** What `add` recorded, to be handed (e.g. from a worker thread) to another collector's `addPart`. */
  part(): SignalsPart {
    return { contacts: this.contacts, signatures: this.signatures, eligible: this.eligible, digests: this.digests };
  }

  /**
   * Records the items of `part` (a collector of `part.contacts.length` items, filled by `add` from index 0) as
   * items `base`, `base + 1`, …: the same as adding them here one by one.
   */
  addPart(base: number, part: SignalsPart): void {
    const count = part.contacts.length;
    for (let j = 0; j < count; j++) {
      const contacts = part.contacts[j];
      if (!contacts) continue;
      const index = base + j;
      this.contacts[index] = contacts;
      for (const [type, value] of JSON.parse(contacts) as Array<[string, string]>) {
        const key = `${type}:${value}`;
        const entry = this.itemsByKey.get(key);
        if (!entry) this.itemsByKey.set(key, { items: 1, last: index });
        else if (entry.last !== index) {
          entry.items++;
          entry.last = index;
        }
      }
    }
    if (this.templates === false || !part.signatures || !part.eligible || !part.digests) return;
    const minhash = this.templates.minhash ?? DEFAULT_MINHASH;
    const k = minhash.bands * minhash.rows;
    this.signatures!.set(part.signatures, base * k);
    this.eligible!.set(part.eligible, base);
    this.digests!.set(part.digests, base * DIGEST_BYTES);
    // a short item's stand-in signature is made from its index, which was local to the part
    for (let j = 0; j < count; j++) if (!part.eligible[j]) shortItemSignature(this.signatures!, base + j, k, base + j);
  }

  /**
   * Groups the near-duplicates once every item is added; the digests are released, the signatures kept for
   * `storedSignature` until this collector is dropped (100,000 items: 38 MB).
   */
  finish(): void {
    if (this.templates === false) return;
    const groups = groupSignatures(this.signatures!, this.eligible!, this.count, this.templates);
    const digests = this.digests!;
    this.groupSize = new Int32Array(this.count);
    this.groupIdentical = new Uint8Array(this.count);
    for (const group of groups) {
      const first = group[0]! * DIGEST_BYTES;
      const identical = group.every(
        (g) => digests.compare(digests, first, first + DIGEST_BYTES, g * DIGEST_BYTES, (g + 1) * DIGEST_BYTES) === 0,
      );
      for (const g of group) {
        this.groupSize[g] = group.length;
        this.groupIdentical[g] = identical ? 1 : 0;
      }
    }
    this.digests = null;
  }

  /**
   * Item `index`'s MinHash signature as stored with the item: base64 of its little-endian uint32 values, '' for an
   * item too short to compare, null when templates are not compared.
   */
  storedSignature(index: number): string | null {
    if (this.templates === false || !this.signatures || !this.eligible) return null;
    if (!this.eligible[index]) return '';
    const minhash = this.templates.minhash ?? DEFAULT_MINHASH;
    return signatureToBase64(this.signatures, index, minhash.bands * minhash.rows);
  }

  /** Item `index`'s network hits: shared contacts (in the order found), then template reuse. */
  hitsOf(index: number): IndicatorHit[] {
    const hits: IndicatorHit[] = [];
    const { shared, slotted, reposted } = this.indicators;
    if (shared) {
      const minItems = Number(shared.detectorConfig?.min_items ?? 3);
      const done = new Set<string>();
      const contacts = this.contacts[index];
      const list = contacts ? (JSON.parse(contacts) as Array<[string, string, number, number, string]>) : [];
      for (const [type, value, start, end, raw] of list) {
        const count = this.itemsByKey.get(`${type}:${value}`)?.items ?? 0;
        if (count < minItems || done.has(value)) continue;
        done.add(value);
        hits.push(detectorHit(shared, start, end, `same ${type} ${value} in ${count} items`, raw));
      }
    }
    const size = this.groupSize?.[index] ?? 0;
    if (size > 0) {
      const indicator = this.groupIdentical![index] ? reposted : slotted;
      if (indicator) hits.push(detectorHit(indicator, 0, 0, `template_reuse with ${size - 1} other items`));
    }
    return hits;
  }
}

const DIGEST_BYTES = 32;

/** What a NetworkSignals collector recorded (see `part`); plain arrays and typed arrays, so it crosses threads. */
export interface SignalsPart {
  contacts: Array<string | undefined>;
  signatures: Uint32Array | null;
  eligible: Uint8Array | null;
  digests: Uint8Array | null;
}

function detectorHit(
  indicator: IndicatorDefinition,
  start: number,
  end: number,
  matchedBy: string,
  text = '',
): IndicatorHit {
  return {
    quote: text.length > 80 ? `${text.slice(0, 77)}…` : text,
    id: indicator.id,
    family: indicator.family,
    start,
    end,
    title: indicator.title,
    weight: indicator.weight,
    matchedBy,
  };
}

function quote(original: string, start: number, end: number): string {
  const text = original.slice(start, end).replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Same indicator on overlapping spans: keep the longest. */
function dedupeHits(hits: IndicatorHit[]): IndicatorHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: IndicatorHit[] = [];
  for (const hit of sorted) {
    const clash = out.find((o) => o.id === hit.id && hit.start < o.end && hit.end > o.start);
    if (!clash) out.push(hit);
  }
  return out;
}
