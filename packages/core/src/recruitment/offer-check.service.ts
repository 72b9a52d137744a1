// The public offer checker: a person pastes one job offer and sees its red flags in plain words, with the national
// anti-trafficking helplines. Nothing is stored or logged: the text is analysed in memory and forgotten.
// Rate-limited per client address so the public endpoint cannot be used to run bulk analysis.
import { AppError } from '@trag/core/shared';
import { verifiedHelplines } from '@trag/core/victims';
import { RecruitmentAnalyzer } from './analyzer';
import type { IndicatorFamily } from './lexicon';

/** Longest text the public checker accepts (characters). */
export const OFFER_MAX_LENGTH = 20_000;

export interface OfferFlag {
  indicatorId: string;
  family: IndicatorFamily;
  /** English title from the lexicon; the page shows its own plain-words translation keyed by indicatorId. */
  title: string;
  start: number;
  end: number;
  quote: string;
  weight: number;
}

export interface OfferHelpline {
  country: string;
  name: string;
  phone: string;
  source: string;
  readOn: string;
}

export interface OfferCheckResult {
  language: string;
  /** none: no red flag; some: red flags but not the combination that marks a risky offer; many: a risky offer. */
  level: 'none' | 'some' | 'many';
  score: number;
  flags: OfferFlag[];
  helplines: OfferHelpline[];
}

/** Fixed-window counter per key (client address), in memory; old windows are dropped as they expire. */
export class WindowRateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one use; throws rate_limited when the key used up its window. */
  take(key: string): void {
    const now = this.now();
    const entry = this.hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.hits.size > 10_000) {
        for (const [k, v] of this.hits) if (now - v.windowStart >= this.windowMs) this.hits.delete(k);
      }
      this.hits.set(key, { windowStart: now, count: 1 });
      return;
    }
    entry.count++;
    if (entry.count > this.limit) {
      throw new AppError(
        'rate_limited',
        'offer_check_rate_limited',
        'Too many checks from this connection. Wait a minute and try again.',
      );
    }
  }
}

let sharedAnalyzer: RecruitmentAnalyzer | undefined;

export class OfferCheckService {
  constructor(
    private readonly limiter = new WindowRateLimiter(30, 60_000),
    private readonly analyzer: RecruitmentAnalyzer = (sharedAnalyzer ??= new RecruitmentAnalyzer()),
  ) {}

  check(input: { text: string; clientKey: string }): OfferCheckResult {
    this.limiter.take(input.clientKey);
    if (input.text.trim() === '') {
      throw new AppError('invalid', 'offer_text_empty', 'Paste the text of the job offer first.');
    }
    if (input.text.length > OFFER_MAX_LENGTH) {
      throw new AppError(
        'too_large',
        'offer_text_too_long',
        `The text is longer than ${OFFER_MAX_LENGTH} characters. Paste only the offer itself.`,
      );
    }
    const analysis = this.analyzer.analyze({ id: 'offer', text: input.text });
    const flags = analysis.indicators
      .filter((i) => i.weight > 0 && i.family !== 'network')
      .map((i) => ({
        indicatorId: i.id,
        family: i.family,
        title: i.title,
        start: i.start,
        end: i.end,
        quote: i.quote,
        weight: i.weight,
      }));
    const level = analysis.flagged ? 'many' : flags.length > 0 ? 'some' : 'none';
    const helplines = verifiedHelplines().map((h) => ({
      country: h.country,
      name: h.name,
      phone: h.phone,
      source: h.source,
      readOn: h.readOn,
    }));
    return { language: analysis.language, level, score: analysis.score, flags, helplines };
  }
}
