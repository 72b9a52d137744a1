import { describe, expect, it } from 'vitest';
import { loadRulesCatalogue } from './rules-catalogue';
import { checkScenario } from './scenario-checker';

const catalogue = loadRulesCatalogue();
const ILO = ['deception', 'retention_of_documents'];

const EN = `-> start
=== start ===
Hello.
* [Offer a break #rule:R06 #score:+1] -> ask
* [Push on #rule:R06 #score:-1] -> ask
=== ask ===
* [Tell me about the passport #rule:R18 #score:+1 #indicator:retention_of_documents] -> END
* [Goodbye] -> END
`;
const BS = EN.replace('Hello.', 'Zdravo.').replace('Offer a break', 'Ponudite pauzu').replace('Goodbye', 'Doviđenja');

const codes = (r: ReturnType<typeof checkScenario>) => r.findings.map((f) => f.code);

describe('checkScenario', () => {
  it('accepts translations with identical structure and reports the rules and indicators used', () => {
    const result = checkScenario({ en: EN, bs: BS }, catalogue, { indicatorIds: ILO });
    expect(result.findings).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.rules).toEqual(['R06', 'R18']);
    expect(result.indicators).toEqual(['retention_of_documents']);
    expect(result.languages[0]).toMatchObject({ minScore: -1, maxScore: 2, endings: 1 });
  });

  it('reports compile errors with their line numbers', () => {
    const result = checkScenario({ en: EN, bs: BS.replace('-> ask\n* [Push', '-> nowhere\n* [Push') }, catalogue);
    const error = result.findings.find((f) => f.code === 'compile_error')!;
    expect(error.language).toBe('bs');
    expect(error.line).toBe(4);
  });

  it('finds a translation whose choices or tags differ from the reference', () => {
    const extra = BS.replace('* [Doviđenja] -> END', '* [Doviđenja] -> END\n* [Još nešto] -> END');
    expect(codes(checkScenario({ en: EN, bs: extra }, catalogue))).toContain('choices_differ');
    const retagged = BS.replace('#rule:R06 #score:-1', '#rule:R06 #score:-2');
    expect(codes(checkScenario({ en: EN, bs: retagged }, catalogue))).toContain('choice_tags_differ');
    const renamed = BS.replace(/ask/g, 'pitaj');
    expect(codes(checkScenario({ en: EN, bs: renamed }, catalogue))).toContain('knots_differ');
  });

  it('finds a loop from which no end can be reached', () => {
    const trap = `-> a
=== a ===
* [Go on #rule:R07 #score:+1] -> b
* [Stop] -> END
=== b ===
+ [Again] -> c
=== c ===
+ [Back] -> b
`;
    const result = checkScenario({ en: trap }, catalogue);
    expect(codes(result)).toContain('path_without_end');
    expect(result.findings.find((f) => f.code === 'path_without_end')!.knot).toBe('b');
  });

  it('accepts a loop with a way out, exploring variables within the bound', () => {
    const loop = `VAR n = 0
-> a
=== a ===
+ {n < 3} [Once more #rule:R07 #score:+1]
  ~ n += 1
  -> a
+ [Done] -> END
`;
    const result = checkScenario({ en: loop }, catalogue);
    expect(result.findings).toEqual([]);
    expect(result.languages[0]!.states).toBe(5); // n = 0…3 and the end
    const bounded = checkScenario({ en: loop.replace('n < 3', 'n < 100') }, catalogue, { maxStates: 10 });
    expect(codes(bounded)).toContain('too_many_states');
  });

  it('refuses unknown rules, unknown indicators, unknown tags, scores out of bounds and scores without a rule', () => {
    const bad = `-> a
=== a ===
* [One #rule:R99 #score:+1] -> END
* [Two #rule:R07 #score:+5] -> END
* [Three #score:+1] -> END
* [Four #rule:R18 #score:+1 #indicator:bad_weather] -> END
* [Five #mood:happy #rule:R07 #score:+1] -> END
`;
    const found = codes(checkScenario({ en: bad }, catalogue, { indicatorIds: ILO }));
    expect(found).toEqual(
      expect.arrayContaining([
        'unknown_rule',
        'score_out_of_bounds',
        'score_without_rule',
        'unknown_indicator',
        'unknown_tag',
      ]),
    );
  });
});
