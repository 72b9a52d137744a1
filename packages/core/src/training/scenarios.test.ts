// Every shipped scenario, in every language: compiles, identical structure, every path reaches an end, only
// catalogued rules and ILO indicators, score bounds. Also: sr-Cyrl.ink is exactly what the generator makes of sr-Latn.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iloIndicatorIds } from './ilo-indicators';
import { loadRulesCatalogue } from './rules-catalogue';
import { checkScenario } from './scenario-checker';
import { loadShippedScenarios, SCENARIO_LANGUAGES, SHIPPED_SCENARIOS_DIR } from './scenario-library';
import { ScenarioPlay } from './scenario-play';
import { transliterateInk } from './scenarios/generate-cyrillic';
import { scoreAttempt } from './scoring';

const catalogue = loadRulesCatalogue();
const scenarios = loadShippedScenarios();

describe('shipped scenarios', () => {
  it('include the flagship and at least three shorter ones', () => {
    const ids = scenarios.map((s) => s.meta.id);
    expect(ids).toContain('labour-exploitation-interview');
    expect(ids.length).toBeGreaterThanOrEqual(4);
  });

  for (const scenario of scenarios) {
    describe(scenario.meta.id, () => {
      it('exists in every language', () => {
        expect(Object.keys(scenario.sources).sort()).toEqual([...SCENARIO_LANGUAGES].sort());
        for (const lang of SCENARIO_LANGUAGES) expect(scenario.meta.title[lang], `title ${lang}`).toBeTruthy();
      });

      it('passes the checker in every language', () => {
        const result = checkScenario(scenario.sources, catalogue, { indicatorIds: iloIndicatorIds(), reference: 'en' });
        expect(result.findings).toEqual([]);
        expect(result.languages.every((l) => l.compiled && l.endings === 1)).toBe(true);
      });

      it('has a Cyrillic version generated from the Latin one', () => {
        const latin = readFileSync(path.join(SHIPPED_SCENARIOS_DIR, scenario.meta.id, 'sr-Latn.ink'), 'utf8');
        expect(scenario.sources['sr-Cyrl']).toBe(transliterateInk(latin));
      });
    });
  }
});

describe('playing the flagship', () => {
  const flagship = scenarios.find((s) => s.meta.id === 'labour-exploitation-interview')!;
  const json = checkScenario({ en: flagship.sources.en! }, catalogue).languages[0]!.json!;

  it('ends the attempt at a critical violation (the companion stays) and caps the grade', () => {
    const play = new ScenarioPlay(json, catalogue);
    let step = play.continue();
    // briefing, planning, setting: the good choices
    for (let i = 0; i < 3; i++) {
      play.choose(0);
      step = play.continue();
    }
    expect(step.choices.map((c) => c.choiceId)).toEqual(['companion.0.c-0', 'companion.0.c-1']);
    const decision = play.choose(1);
    expect(decision).toMatchObject({ knot: 'companion', critical: true });
    step = play.continue();
    expect(step).toMatchObject({ ended: true, endedByCriticalViolation: true, choices: [] });
    const score = scoreAttempt(play.history, catalogue);
    expect(score.grade).toBe('insufficient');
    expect(score.debrief.find((r) => r.ruleId === 'R02')).toMatchObject({ verdict: 'broken', critical: true });
  });

  it('grades the best path excellent, with every indicator elicited, and survives save/resume', () => {
    let play = new ScenarioPlay(json, catalogue);
    let step = play.continue();
    let guard = 0;
    while (!step.ended && guard++ < 50) {
      play.choose(step.choices[0]!.index);
      play = ScenarioPlay.resume(
        json,
        catalogue,
        JSON.parse(JSON.stringify(play.save())) as ReturnType<ScenarioPlay['save']>,
      );
      step = play.continue();
    }
    expect(step.text).toContain('The interview is over.');
    const score = scoreAttempt(play.history, catalogue);
    expect(score.grade).toBe('excellent');
    expect(score.criticalViolations).toEqual([]);
    expect(score.indicatorsElicited.length).toBeGreaterThanOrEqual(8);
    expect(score.debrief.every((r) => r.verdict === 'kept')).toBe(true);
  });
});
