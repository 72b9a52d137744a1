// Plays a compiled scenario: text and choices out, a choice in, every decision recorded with its rule and score.
// The ink state can be saved and restored, so a trainee's attempt survives reloads and server restarts.
import { Story } from 'inkjs/full';
import { parseChoiceTags, type ChoiceTags } from './choice-tags';
import type { RulesCatalogue } from './rules-catalogue';

export interface PlayChoice {
  index: number;
  text: string;
  /** Stable across languages: the ink path of the choice (e.g. "arrival.0.c-1"). */
  choiceId: string;
}

export interface PlayStep {
  text: string;
  choices: PlayChoice[];
  ended: boolean;
  /** True when a critical rule was broken and the attempt ended because of it. */
  endedByCriticalViolation: boolean;
}

export interface Decision {
  step: number;
  /** Where the decision was taken (the knot), and what the trainee chose. */
  knot: string;
  choiceId: string;
  text: string;
  tags: ChoiceTags;
  critical: boolean;
}

export interface PlayState {
  inkState: string;
  decisions: Decision[];
}

function knotOf(path: string | null | undefined): string {
  return (path ?? '').split('.')[0] ?? '';
}

export class ScenarioPlay {
  private readonly story: Story;
  private decisions: Decision[] = [];
  private criticalEnd = false;

  constructor(
    /** Compiled story JSON, or a Story to reuse (its state is replaced; use it synchronously, never across an await). */
    storyJson: string | Story,
    private readonly catalogue: RulesCatalogue,
    /** End the attempt at the first critical violation (default), or only cap the grade. */
    private readonly endOnCritical = true,
  ) {
    this.story = typeof storyJson === 'string' ? new Story(storyJson) : storyJson;
  }

  /** Starts from the beginning on a reused Story. */
  static fromStory(story: Story, catalogue: RulesCatalogue, endOnCritical = true): ScenarioPlay {
    story.ResetState();
    return new ScenarioPlay(story, catalogue, endOnCritical);
  }

  /** Resumes on a reused Story (see the constructor). */
  static resumeStory(story: Story, catalogue: RulesCatalogue, state: PlayState, endOnCritical = true): ScenarioPlay {
    return ScenarioPlay.resume(story, catalogue, state, endOnCritical);
  }

  static resume(
    storyJson: string | Story,
    catalogue: RulesCatalogue,
    state: PlayState,
    endOnCritical = true,
  ): ScenarioPlay {
    const play = new ScenarioPlay(storyJson, catalogue, endOnCritical);
    play.story.state.LoadJson(state.inkState);
    play.decisions = [...state.decisions];
    play.criticalEnd = endOnCritical && state.decisions.some((d) => d.critical);
    return play;
  }

  /** Runs the story to its next decision point. */
  continue(): PlayStep {
    let text = '';
    if (!this.criticalEnd) {
      while (this.story.canContinue) text += this.story.Continue() ?? '';
    }
    const choices = this.criticalEnd
      ? []
      : this.story.currentChoices.map((c) => ({ index: c.index, text: c.text, choiceId: c.pathStringOnChoice }));
    return { text: text.trim(), choices, ended: choices.length === 0, endedByCriticalViolation: this.criticalEnd };
  }

  choose(index: number): Decision {
    const choice = this.story.currentChoices.find((c) => c.index === index);
    if (!choice || this.criticalEnd) throw new RangeError(`No choice ${index} at this point.`);
    const tags = parseChoiceTags(choice.tags);
    const rule = tags.rule ? this.catalogue.rules.get(tags.rule) : undefined;
    const decision: Decision = {
      step: this.decisions.length + 1,
      knot: knotOf(choice.sourcePath),
      choiceId: choice.pathStringOnChoice,
      text: choice.text,
      tags,
      critical: Boolean(rule?.critical && tags.score < 0),
    };
    this.story.ChooseChoiceIndex(index);
    this.decisions.push(decision);
    if (decision.critical && this.endOnCritical) this.criticalEnd = true;
    return decision;
  }

  save(): PlayState {
    return { inkState: this.story.state.toJson(), decisions: [...this.decisions] };
  }

  get history(): readonly Decision[] {
    return this.decisions;
  }
}
