// Scores an attempt from its decisions: one score per dimension of practice, a grade, and a debrief that names every
// rule kept and broken with the moment it happened and the rule's rationale. Pure: decisions and the catalogue in,
// a result out — the same result for the trainee's screen, the trainer's dashboard, exports and xAPI.
import type { Decision } from './scenario-play';
import { DIMENSIONS, type Dimension, type RulesCatalogue } from './rules-catalogue';

export const GRADES = ['excellent', 'good', 'needs_practice', 'insufficient'] as const;
export type Grade = (typeof GRADES)[number];

/** Percentage thresholds of the overall score for each grade (the last one catches the rest). */
export const GRADE_THRESHOLDS: ReadonlyArray<readonly [Grade, number]> = [
  ['excellent', 85],
  ['good', 70],
  ['needs_practice', 50],
  ['insufficient', 0],
];

export interface DimensionScore {
  dimension: Dimension;
  /** Sum of positive scores earned (for `indicators`: distinct indicators elicited). */
  earned: number;
  /** Sum of the absolute negative scores (for `indicators`: always 0). */
  lost: number;
  /** 0–100; for question-based dimensions earned / (earned + lost); for indicators elicited / available. Null when nothing in this dimension was decided. */
  percent: number | null;
}

export type RuleOutcome = 'kept' | 'broken' | 'neutral';

export interface DebriefMoment {
  step: number;
  knot: string;
  choiceId: string;
  choiceText: string;
  score: number;
  outcome: RuleOutcome;
  critical: boolean;
}

export interface DebriefRule {
  ruleId: string;
  title: string;
  dimension: Dimension;
  critical: boolean;
  rationale: string;
  sources: string[];
  /** kept: only kept; broken: only broken; mixed: both, at different moments. */
  verdict: 'kept' | 'broken' | 'mixed' | 'neutral';
  moments: DebriefMoment[];
}

export interface AttemptScore {
  dimensions: DimensionScore[];
  /** 0–100, mean of the dimensions that have a percent. */
  overall: number;
  grade: Grade;
  /** The grade the trainee would have had without the cap. */
  uncappedGrade: Grade;
  passed: boolean;
  criticalViolations: DebriefMoment[];
  indicatorsElicited: string[];
  totalScore: number;
  debrief: DebriefRule[];
  /** Catalogue rules the scenario path never touched (neither kept nor broken). */
  rulesNotReached: string[];
}

export interface ScoreOptions {
  /** Indicators the scenario offers (from the checker); the indicators percent is elicited / this size. */
  availableIndicators?: readonly string[];
  /** A critical violation caps the grade at this value (default: insufficient). */
  capOnCritical?: Grade;
}

function gradeFor(percent: number): Grade {
  for (const [grade, threshold] of GRADE_THRESHOLDS) if (percent >= threshold) return grade;
  return 'insufficient';
}

function worse(a: Grade, b: Grade): Grade {
  return GRADES.indexOf(a) >= GRADES.indexOf(b) ? a : b;
}

function outcomeOf(score: number): RuleOutcome {
  return score > 0 ? 'kept' : score < 0 ? 'broken' : 'neutral';
}

export function scoreAttempt(
  decisions: readonly Decision[],
  catalogue: RulesCatalogue,
  options: ScoreOptions = {},
): AttemptScore {
  const sums = new Map<Dimension, { earned: number; lost: number; touched: boolean }>(
    DIMENSIONS.map((d) => [d, { earned: 0, lost: 0, touched: false }]),
  );
  const indicators = new Set<string>();
  const byRule = new Map<string, DebriefRule>();
  const criticalViolations: DebriefMoment[] = [];
  let totalScore = 0;

  for (const decision of decisions) {
    for (const indicator of decision.tags.indicators) if (decision.tags.score >= 0) indicators.add(indicator);
    totalScore += decision.tags.score;
    const ruleId = decision.tags.rule;
    if (!ruleId) continue;
    const rule = catalogue.rules.get(ruleId);
    if (!rule) continue; // the checker refuses scenarios with unknown rules; a stale attempt just skips them
    const moment: DebriefMoment = {
      step: decision.step,
      knot: decision.knot,
      choiceId: decision.choiceId,
      choiceText: decision.text,
      score: decision.tags.score,
      outcome: outcomeOf(decision.tags.score),
      critical: rule.critical && decision.tags.score < 0,
    };
    if (moment.critical) criticalViolations.push(moment);
    const sum = sums.get(rule.dimension)!;
    if (rule.dimension !== 'indicators') {
      sum.touched = true;
      if (moment.score > 0) sum.earned += moment.score;
      else sum.lost += -moment.score;
    } else if (moment.score < 0) {
      // A checklist or leading question in the indicators dimension loses points in question quality.
      const quality = sums.get('question_quality')!;
      quality.touched = true;
      quality.lost += -moment.score;
    }
    let entry = byRule.get(rule.id);
    if (!entry) {
      entry = {
        ruleId: rule.id,
        title: rule.title,
        dimension: rule.dimension,
        critical: rule.critical,
        rationale: rule.rationale,
        sources: rule.sources,
        verdict: 'neutral',
        moments: [],
      };
      byRule.set(rule.id, entry);
    }
    entry.moments.push(moment);
  }

  for (const entry of byRule.values()) {
    const kept = entry.moments.some((m) => m.outcome === 'kept');
    const broken = entry.moments.some((m) => m.outcome === 'broken');
    entry.verdict = kept && broken ? 'mixed' : broken ? 'broken' : kept ? 'kept' : 'neutral';
  }

  const available = new Set(options.availableIndicators ?? []);
  for (const i of indicators) available.add(i);
  const dimensions: DimensionScore[] = DIMENSIONS.map((dimension) => {
    const sum = sums.get(dimension)!;
    if (dimension === 'indicators') {
      return {
        dimension,
        earned: indicators.size,
        lost: 0,
        percent: available.size === 0 ? null : Math.round((100 * indicators.size) / available.size),
      };
    }
    const denominator = sum.earned + sum.lost;
    return {
      dimension,
      earned: sum.earned,
      lost: sum.lost,
      percent: !sum.touched || denominator === 0 ? null : Math.round((100 * sum.earned) / denominator),
    };
  });
  const withPercent = dimensions.filter((d) => d.percent !== null);
  const overall =
    withPercent.length === 0 ? 0 : Math.round(withPercent.reduce((a, d) => a + d.percent!, 0) / withPercent.length);
  const uncappedGrade = gradeFor(overall);
  const grade =
    criticalViolations.length > 0 ? worse(uncappedGrade, options.capOnCritical ?? 'insufficient') : uncappedGrade;

  const debrief = [...byRule.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  const rulesNotReached = [...catalogue.rules.keys()].filter((id) => !byRule.has(id)).sort();
  return {
    dimensions,
    overall,
    grade,
    uncappedGrade,
    passed: criticalViolations.length === 0 && (grade === 'excellent' || grade === 'good'),
    criticalViolations,
    indicatorsElicited: [...indicators].sort(),
    totalScore,
    debrief,
    rulesNotReached,
  };
}
