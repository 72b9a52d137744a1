// Checks a scenario (one ink source per language) before it is shipped or published:
//   1. every language compiles (line-numbered messages);
//   2. every language has the same structure: the same knots, and the same choice ids carrying the same rule,
//      score and indicator tags;
//   3. every path reaches an end: all choices are explored with state save/restore, memoised on the choice point and
//      the story variables, within a bound; a state from which no end can be reached is a trap;
//   4. every rule tag exists in the catalogue, every indicator tag is an ILO indicator, no unknown tags;
//   5. score bounds hold: each choice's score lies within ±MAX_CHOICE_SCORE, a score needs a rule, a critical rule's
//      breach is scored negative, and the best path scores above zero.
// Returns findings with their reasons (never throws on bad input).
import type { Story } from 'inkjs/full';
import { parseChoiceTags, type ChoiceTags } from './choice-tags';
import { compileInk, type CompileMessage } from './scenario-compiler';
import type { RulesCatalogue } from './rules-catalogue';

export const MAX_CHOICE_SCORE = 3;
export const DEFAULT_MAX_STATES = 20_000;

export type CheckCode =
  | 'compile_error'
  | 'knots_differ'
  | 'choices_differ'
  | 'choice_tags_differ'
  | 'path_without_end'
  | 'too_many_states'
  | 'runtime_error'
  | 'unknown_rule'
  | 'unknown_indicator'
  | 'unknown_tag'
  | 'score_out_of_bounds'
  | 'score_without_rule'
  | 'no_language'
  | 'best_path_not_positive';

export interface CheckFinding {
  code: CheckCode;
  language: string | null;
  message: string;
  line?: number | null;
  choiceId?: string;
  knot?: string;
}

export interface ChoiceInfo {
  choiceId: string;
  knot: string;
  text: string;
  tags: ChoiceTags;
}

export interface LanguageReport {
  language: string;
  compiled: boolean;
  messages: CompileMessage[];
  knots: string[];
  choices: ChoiceInfo[];
  states: number;
  endings: number;
  minScore: number | null;
  maxScore: number | null;
  json: string | null;
}

export interface CheckResult {
  ok: boolean;
  findings: CheckFinding[];
  languages: LanguageReport[];
  /** Indicators the scenario can elicit (union over languages; identical when the structure is identical). */
  indicators: string[];
  /** Rules the scenario exercises. */
  rules: string[];
}

export interface CheckOptions {
  maxStates?: number;
  /** Known indicator ids (the ILO 11). When omitted indicators are not checked. */
  indicatorIds?: readonly string[];
  /** The reference language whose structure the others must match (default: the first given). */
  reference?: string;
}

function knotOf(path: string | null | undefined): string {
  return (path ?? '').split('.')[0] ?? '';
}

function knotsOf(story: Story): string[] {
  return [...story.mainContentContainer.namedContent.keys()].filter((k) => k !== 'global decl').sort();
}

interface Exploration {
  states: number;
  endings: number;
  choices: Map<string, ChoiceInfo>;
  traps: string[];
  overflow: boolean;
  runtimeErrors: string[];
  minScore: number | null;
  maxScore: number | null;
}

/** Explores every path of a compiled story; memoised on (choice point, variables). */
export function exploreStory(story: Story, maxStates = DEFAULT_MAX_STATES): Exploration {
  const choices = new Map<string, ChoiceInfo>();
  const edges = new Map<string, Array<{ to: string; score: number }>>();
  const ends = new Set<string>();
  const runtimeErrors: string[] = [];
  let overflow = false;
  const END = '#end';

  const keyOf = (): string => {
    if (story.currentChoices.length === 0) return END;
    const paths = story.currentChoices.map((c) => c.pathStringOnChoice).join('|');
    return `${paths}@${JSON.stringify(story.state.variablesState)}`;
  };
  const runToChoice = (): void => {
    while (story.canContinue) story.Continue();
    if (story.state.hasError) runtimeErrors.push(...(story.state.currentErrors ?? []));
  };

  story.ResetState();
  runToChoice();
  const start = keyOf();
  const pending: Array<{ key: string; state: string }> = [{ key: start, state: story.state.toJson() }];
  const seen = new Set<string>([start]);
  if (start === END) ends.add(END);
  while (pending.length > 0) {
    const { key, state } = pending.pop()!;
    if (key === END) continue;
    story.state.LoadJson(state);
    const count = story.currentChoices.length;
    const out: Array<{ to: string; score: number }> = [];
    for (let i = 0; i < count; i++) {
      story.state.LoadJson(state);
      const choice = story.currentChoices[i]!;
      const tags = parseChoiceTags(choice.tags);
      if (!choices.has(choice.pathStringOnChoice)) {
        choices.set(choice.pathStringOnChoice, {
          choiceId: choice.pathStringOnChoice,
          knot: knotOf(choice.sourcePath),
          text: choice.text,
          tags,
        });
      }
      story.ChooseChoiceIndex(i);
      try {
        runToChoice();
      } catch (error) {
        runtimeErrors.push((error as Error).message);
        continue;
      }
      const next = keyOf();
      out.push({ to: next, score: tags.score });
      if (next === END) ends.add(END);
      if (!seen.has(next)) {
        if (seen.size >= maxStates) {
          overflow = true;
          continue;
        }
        seen.add(next);
        pending.push({ key: next, state: story.state.toJson() });
      }
    }
    edges.set(key, out);
  }

  // Which states can reach an end? Walk the edges backwards from the end.
  const reverse = new Map<string, string[]>();
  for (const [from, outs] of edges) for (const { to } of outs) reverse.set(to, [...(reverse.get(to) ?? []), from]);
  const canEnd = new Set<string>([END]);
  const queue = [END];
  while (queue.length > 0) {
    const node = queue.pop()!;
    for (const from of reverse.get(node) ?? []) {
      if (!canEnd.has(from)) {
        canEnd.add(from);
        queue.push(from);
      }
    }
  }
  const traps = overflow ? [] : [...seen].filter((k) => !canEnd.has(k));

  // Score range over all complete paths (only meaningful on an acyclic graph; cycles are skipped conservatively).
  let minScore: number | null = null;
  let maxScore: number | null = null;
  if (!overflow && traps.length === 0) {
    const memo = new Map<string, [number, number]>();
    const onStack = new Set<string>();
    const range = (node: string): [number, number] => {
      if (node === END) return [0, 0];
      const cached = memo.get(node);
      if (cached) return cached;
      onStack.add(node);
      let lo = Infinity;
      let hi = -Infinity;
      for (const { to, score } of edges.get(node) ?? []) {
        if (onStack.has(to)) continue;
        const [a, b] = range(to);
        lo = Math.min(lo, a + score);
        hi = Math.max(hi, b + score);
      }
      onStack.delete(node);
      const result: [number, number] = Number.isFinite(lo) ? [lo, hi] : [0, 0];
      memo.set(node, result);
      return result;
    };
    [minScore, maxScore] = range(start);
  }
  return { states: seen.size, endings: ends.size, choices, traps, overflow, runtimeErrors, minScore, maxScore };
}

function tagSignature(tags: ChoiceTags): string {
  return JSON.stringify([tags.rule, tags.score, [...tags.indicators].sort()]);
}

export function checkScenario(
  sources: Readonly<Record<string, string>>,
  catalogue: RulesCatalogue,
  options: CheckOptions = {},
): CheckResult {
  const findings: CheckFinding[] = [];
  const languages: LanguageReport[] = [];
  const knownIndicators = options.indicatorIds ? new Set(options.indicatorIds) : null;
  const langs = Object.keys(sources);
  if (langs.length === 0) {
    findings.push({ code: 'no_language', language: null, message: 'The scenario has no language version.' });
  }

  for (const language of langs) {
    const compiled = compileInk(sources[language]!);
    if (!compiled.ok) {
      for (const m of compiled.messages.filter((x) => x.severity === 'error')) {
        findings.push({ code: 'compile_error', language, line: m.line, message: m.message });
      }
      languages.push({
        language,
        compiled: false,
        messages: compiled.messages,
        knots: [],
        choices: [],
        states: 0,
        endings: 0,
        minScore: null,
        maxScore: null,
        json: null,
      });
      continue;
    }
    let exploration: Exploration;
    try {
      exploration = exploreStory(compiled.story, options.maxStates);
    } catch (error) {
      findings.push({
        code: 'runtime_error',
        language,
        message: `The story failed while playing: ${(error as Error).message}`,
      });
      continue;
    }
    for (const e of exploration.runtimeErrors) findings.push({ code: 'runtime_error', language, message: e });
    if (exploration.overflow) {
      findings.push({
        code: 'too_many_states',
        language,
        message: `More than ${options.maxStates ?? DEFAULT_MAX_STATES} distinct states; simplify the variables or split the scenario.`,
      });
    }
    for (const trap of exploration.traps) {
      const choiceId = trap.split('@')[0]!.split('|')[0]!;
      findings.push({
        code: 'path_without_end',
        language,
        choiceId,
        knot: knotOf(choiceId),
        message: `From the choices at ${knotOf(choiceId)} no path reaches an end (a loop without a way out).`,
      });
    }
    const choices = [...exploration.choices.values()].sort((a, b) => a.choiceId.localeCompare(b.choiceId));
    for (const choice of choices) {
      const at = { language, choiceId: choice.choiceId, knot: choice.knot };
      const { rule, score, indicators, unknown } = choice.tags;
      for (const tag of unknown)
        findings.push({ code: 'unknown_tag', ...at, message: `Unknown tag "#${tag}" on "${choice.text}".` });
      if (rule !== null && !catalogue.rules.has(rule)) {
        findings.push({
          code: 'unknown_rule',
          ...at,
          message: `Rule ${rule} on "${choice.text}" is not in the rules catalogue.`,
        });
      }
      if (Math.abs(score) > MAX_CHOICE_SCORE) {
        findings.push({
          code: 'score_out_of_bounds',
          ...at,
          message: `Score ${score} on "${choice.text}" is outside -${MAX_CHOICE_SCORE}…+${MAX_CHOICE_SCORE}.`,
        });
      }
      if (score !== 0 && rule === null) {
        findings.push({
          code: 'score_without_rule',
          ...at,
          message: `"${choice.text}" has a score but names no rule.`,
        });
      }
      if (knownIndicators) {
        for (const i of indicators) {
          if (!knownIndicators.has(i)) {
            findings.push({
              code: 'unknown_indicator',
              ...at,
              message: `Indicator "${i}" on "${choice.text}" is not an ILO indicator id.`,
            });
          }
        }
      }
    }
    if (exploration.maxScore !== null && exploration.maxScore <= 0 && choices.some((c) => c.tags.rule)) {
      findings.push({
        code: 'best_path_not_positive',
        language,
        message: 'Even the best path does not score above zero.',
      });
    }
    languages.push({
      language,
      compiled: true,
      messages: compiled.messages,
      knots: knotsOf(compiled.story),
      choices,
      states: exploration.states,
      endings: exploration.endings,
      minScore: exploration.minScore,
      maxScore: exploration.maxScore,
      json: compiled.json,
    });
  }

  // Structure must match the reference language.
  const compiledLangs = languages.filter((l) => l.compiled);
  const reference = compiledLangs.find((l) => l.language === options.reference) ?? compiledLangs[0];
  if (reference) {
    const refChoices = new Map(reference.choices.map((c) => [c.choiceId, c]));
    for (const other of compiledLangs) {
      if (other === reference) continue;
      const language = other.language;
      const missingKnots = reference.knots.filter((k) => !other.knots.includes(k));
      const extraKnots = other.knots.filter((k) => !reference.knots.includes(k));
      if (missingKnots.length + extraKnots.length > 0) {
        findings.push({
          code: 'knots_differ',
          language,
          message: `Knots differ from ${reference.language}: missing [${missingKnots.join(', ')}], extra [${extraKnots.join(', ')}].`,
        });
      }
      const otherChoices = new Map(other.choices.map((c) => [c.choiceId, c]));
      for (const id of refChoices.keys()) {
        if (!otherChoices.has(id)) {
          findings.push({
            code: 'choices_differ',
            language,
            choiceId: id,
            knot: knotOf(id),
            message: `Choice ${id} of ${reference.language} is missing.`,
          });
        }
      }
      for (const [id, choice] of otherChoices) {
        const ref = refChoices.get(id);
        if (!ref) {
          findings.push({
            code: 'choices_differ',
            language,
            choiceId: id,
            knot: choice.knot,
            message: `Choice ${id} does not exist in ${reference.language}.`,
          });
        } else if (tagSignature(ref.tags) !== tagSignature(choice.tags)) {
          findings.push({
            code: 'choice_tags_differ',
            language,
            choiceId: id,
            knot: choice.knot,
            message: `Choice ${id} ("${choice.text}") has tags ${tagSignature(choice.tags)}, ${reference.language} has ${tagSignature(ref.tags)}.`,
          });
        }
      }
    }
  }

  const indicators = new Set<string>();
  const rules = new Set<string>();
  for (const l of compiledLangs) {
    for (const c of l.choices) {
      for (const i of c.tags.indicators) indicators.add(i);
      if (c.tags.rule) rules.add(c.tags.rule);
    }
  }
  return {
    ok: findings.length === 0,
    findings,
    languages,
    indicators: [...indicators].sort(),
    rules: [...rules].sort(),
  };
}
