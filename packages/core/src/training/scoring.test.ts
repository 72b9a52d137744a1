import { describe, expect, it } from 'vitest';
import { parseChoiceTags } from './choice-tags';
import { loadRulesCatalogue } from './rules-catalogue';
import type { Decision } from './scenario-play';
import { scoreAttempt } from './scoring';

const catalogue = loadRulesCatalogue();

function buildDecision(step: number, knot: string, tags: string[], text = `choice ${step}`): Decision {
  const parsed = parseChoiceTags(tags);
  const rule = parsed.rule ? catalogue.rules.get(parsed.rule) : undefined;
  return {
    step,
    knot,
    choiceId: `${knot}.0.c-0`,
    text,
    tags: parsed,
    critical: Boolean(rule?.critical && parsed.score < 0),
  };
}

describe('scoreAttempt', () => {
  it('scores each dimension from the rules of the choices taken', () => {
    const result = scoreAttempt(
      [
        buildDecision(1, 'companion', ['rule:R02', 'score:+2']), // safety
        buildDecision(2, 'distress', ['rule:R06', 'score:-2']), // safety
        buildDecision(3, 'consent', ['rule:R05', 'score:+2']), // consent_rights
        buildDecision(4, 'opening', ['rule:R07', 'score:+2']), // question_quality
        buildDecision(5, 'money', ['rule:R18', 'score:+1', 'indicator:withholding_of_wages', 'indicator:debt_bondage']),
      ],
      catalogue,
      { availableIndicators: ['withholding_of_wages', 'debt_bondage', 'deception', 'isolation'] },
    );
    const byDim = Object.fromEntries(result.dimensions.map((d) => [d.dimension, d.percent]));
    expect(byDim).toEqual({ safety: 50, consent_rights: 100, question_quality: 100, indicators: 50 });
    expect(result.overall).toBe(75);
    expect(result.grade).toBe('good');
    expect(result.passed).toBe(true);
    expect(result.indicatorsElicited).toEqual(['debt_bondage', 'withholding_of_wages']);
  });

  it('caps the grade at insufficient after a critical violation, however good the rest', () => {
    const result = scoreAttempt(
      [
        buildDecision(1, 'consent', ['rule:R05', 'score:+2']),
        buildDecision(2, 'opening', ['rule:R08', 'score:-3']),
        buildDecision(3, 'closing', ['rule:R19', 'score:+2']),
      ],
      catalogue,
    );
    expect(result.criticalViolations).toHaveLength(1);
    expect(result.criticalViolations[0]).toMatchObject({ step: 2, knot: 'opening', critical: true });
    expect(result.grade).toBe('insufficient');
    expect(result.passed).toBe(false);
  });

  it('does not treat a negative score on a non-critical rule as critical', () => {
    const result = scoreAttempt(
      [buildDecision(1, 'distress', ['rule:R06', 'score:-2']), buildDecision(2, 'x', ['rule:R05', 'score:+3'])],
      catalogue,
    );
    expect(result.criticalViolations).toEqual([]);
  });

  it('names every rule kept and broken with the moment and the rationale, and the rules never reached', () => {
    const result = scoreAttempt(
      [
        buildDecision(1, 'opening', ['rule:R07', 'score:+2'], 'Tell me in your own words'),
        buildDecision(2, 'documents', ['rule:R07', 'score:-1'], 'So you gave it voluntarily?'),
        buildDecision(3, 'promises', ['rule:R12', 'score:-2'], 'Promise a permit'),
      ],
      catalogue,
    );
    const r07 = result.debrief.find((r) => r.ruleId === 'R07')!;
    expect(r07.verdict).toBe('mixed');
    expect(r07.moments.map((m) => [m.step, m.knot, m.outcome])).toEqual([
      [1, 'opening', 'kept'],
      [2, 'documents', 'broken'],
    ]);
    expect(r07.rationale).toBe(catalogue.rules.get('R07')!.rationale);
    const r12 = result.debrief.find((r) => r.ruleId === 'R12')!;
    expect(r12).toMatchObject({ verdict: 'broken', moments: [{ choiceText: 'Promise a permit', step: 3 }] });
    expect(result.rulesNotReached).toContain('R02');
    expect(result.rulesNotReached).not.toContain('R07');
  });

  it('grades an empty attempt as insufficient', () => {
    const result = scoreAttempt([], catalogue);
    expect(result.overall).toBe(0);
    expect(result.grade).toBe('insufficient');
  });
});
