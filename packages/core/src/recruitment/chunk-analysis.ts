// The per-item work of an import, in chunks, as pure functions of plain data: analysing texts (and recording what
// network signals need of them) and, once the collection's network hits are known, making each item's stored
// score, flag, analysis JSON and identifiers. The import runs them on the main thread or on worker threads
// (analysis-threads.ts); both give the same bytes.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { IndicatorHit, ItemAnalysis, RecruitmentAnalyzer, SignalsPart } from './analyzer';

/**
 * What an import keeps of an item's analysis until it is written: its indicators, language evidence and
 * identifiers, deflated. The reasons, score and flag are left out: they follow from the indicators (score() makes
 * them, and makes them again when network hits are added), and they are a quarter of the JSON. An analysis is
 * ~4,300 bytes of JSON (indicators with their quotes, ~8 identifiers) and ~1,100 deflated; 100,000 of them as
 * objects and strings need gigabytes. The item itself is read again from the file when it is written, and network
 * signals keep their own compact data (NetworkSignals).
 */
export interface CompactAnalysis {
  language: ItemAnalysis['language'];
  script: ItemAnalysis['script'];
  /** Raw-deflated UTF-8 JSON of Packed. */
  packed: Uint8Array;
}

interface Packed {
  indicators: IndicatorHit[];
  languageEvidence: string[];
  identifiers: Array<[string, string, number, number]>;
}

/** An item's row values once network hits are known. */
export interface ScoredItem {
  language: string;
  score: number;
  flagged: boolean;
  analysis: string;
  identifiers: Array<[string, string, number, number]>;
}

export interface AnalysedChunk {
  items: CompactAnalysis[];
  /** The chunk's network signals, its first item at index 0 (see NetworkSignals.addPart). */
  signals: SignalsPart;
}

function compact(r: ItemAnalysis): CompactAnalysis {
  const packed: Packed = {
    indicators: r.indicators,
    languageEvidence: r.languageEvidence,
    identifiers: r.identifiers.map((i) => [i.type, i.value, i.start, i.end]),
  };
  return {
    language: r.language,
    script: r.script,
    // Copied out: zlib's result is a view of a 16 KB output chunk, which would stay alive with it.
    packed: Buffer.from(deflateRawSync(Buffer.from(JSON.stringify(packed), 'utf8'), { level: 1 })),
  };
}

/** Analyses the texts of one chunk of a collection, recording their network signals in the chunk's own collector. */
export function analyseChunk(analyzer: RecruitmentAnalyzer, texts: readonly string[]): AnalysedChunk {
  const signals = analyzer.networkSignals(texts.length);
  const items = texts.map((text, k) => compact(analyzer.analyzeInto({ id: String(k), text }, signals, k)));
  return { items, signals: signals.part() };
}

/**
 * An item's stored analysis with the collection's network hits added, scored as analyze() and withExtraHits()
 * score it (reasons, score and flag come from the indicators alone).
 */
function scoreItem(analyzer: RecruitmentAnalyzer, a: CompactAnalysis, extra: IndicatorHit[]): ScoredItem {
  const { indicators, languageEvidence, identifiers } = JSON.parse(inflateRawSync(a.packed).toString('utf8')) as Packed;
  const r = analyzer.score({
    id: '',
    language: a.language,
    script: a.script,
    languageEvidence,
    // scoring reads only the indicators; the identifiers are written from the packed list
    identifiers: [],
    indicators: extra.length === 0 ? indicators : [...indicators, ...extra],
    score: 0,
    flagged: false,
    reasons: [],
    truncated: false,
  });
  return {
    language: r.language,
    score: r.score,
    flagged: r.flagged,
    analysis: JSON.stringify({ indicators: r.indicators, reasons: r.reasons, languageEvidence: r.languageEvidence }),
    identifiers,
  };
}

export function scoreChunk(
  analyzer: RecruitmentAnalyzer,
  items: readonly CompactAnalysis[],
  hits: readonly IndicatorHit[][],
): ScoredItem[] {
  return items.map((a, k) => scoreItem(analyzer, a, hits[k]!));
}
