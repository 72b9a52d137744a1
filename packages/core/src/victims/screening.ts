// Pure screening core: validates answers against a form version and summarises them, with reasons.
// The result SUGGESTS a next step; whether a person is a victim is decided by the identifying body, not here.
import { invalid } from '../shared/errors';
import type { ScreeningForm, ScreeningSuggestion } from './screening-forms';

export const ANSWER_VALUES = ['present', 'absent', 'unknown'] as const;
export const ANSWER_SOURCES = ['interview', 'document', 'observation'] as const;
export type AnswerValue = (typeof ANSWER_VALUES)[number];
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

export interface ScreeningAnswer {
  value: AnswerValue;
  /** Where the answer comes from; required unless the value is "unknown". */
  source?: AnswerSource | undefined;
  note?: string | undefined;
}

export interface ScreeningSummary {
  present: { id: string; number: number; source: AnswerSource }[];
  absent: number;
  unknown: number;
  unanswered: number;
  suggestion: { id: string; because: string };
  /** Always true: the text the UI shows beside the suggestion. */
  suggestionOnly: true;
}

export function validateAnswers(
  form: ScreeningForm,
  answers: Record<string, ScreeningAnswer>,
): Record<string, ScreeningAnswer> {
  const ids = new Set(form.indicators.map((i) => i.id));
  const out: Record<string, ScreeningAnswer> = {};
  for (const [id, answer] of Object.entries(answers)) {
    if (!ids.has(id))
      throw invalid(
        'screening_answer_unknown',
        `"${id}" is not an indicator of the form ${form.id} v${form.version}.`,
        { indicator: id },
      );
    if (!answer || !(ANSWER_VALUES as readonly string[]).includes(answer.value)) {
      throw invalid('screening_answer_invalid', `The answer to "${id}" must be present, absent or unknown.`, {
        indicator: id,
      });
    }
    if (answer.value !== 'unknown' && !(ANSWER_SOURCES as readonly (string | undefined)[]).includes(answer.source)) {
      throw invalid(
        'screening_answer_source_required',
        `Say where the answer to "${id}" comes from: interview, document or observation.`,
        { indicator: id },
      );
    }
    if (answer.note !== undefined && (typeof answer.note !== 'string' || answer.note.length > 2000)) {
      throw invalid('screening_answer_invalid', `The note on "${id}" must be text of at most 2,000 characters.`, {
        indicator: id,
      });
    }
    out[id] = {
      value: answer.value,
      ...(answer.source ? { source: answer.source } : {}),
      ...(answer.note ? { note: answer.note } : {}),
    };
  }
  return out;
}

function matches(s: ScreeningSuggestion, present: number, unknown: number): boolean {
  if ('always' in s.when) return true;
  if ('present_at_least' in s.when) return present >= s.when.present_at_least;
  return unknown >= s.when.unknown_at_least;
}

export function summariseScreening(form: ScreeningForm, answers: Record<string, ScreeningAnswer>): ScreeningSummary {
  const present = form.indicators
    .filter((i) => answers[i.id]?.value === 'present')
    .map((i) => ({ id: i.id, number: i.number, source: answers[i.id]!.source! }));
  const absent = form.indicators.filter((i) => answers[i.id]?.value === 'absent').length;
  const unknownAnswered = form.indicators.filter((i) => answers[i.id]?.value === 'unknown').length;
  const unanswered = form.indicators.filter((i) => answers[i.id] === undefined).length;
  const unknown = unknownAnswered + unanswered;
  const rule = form.suggestions.find((s) => matches(s, present.length, unknown))!;
  const because =
    'always' in rule.when
      ? `fallback rule (${present.length} present)`
      : 'present_at_least' in rule.when
        ? `${present.length} indicator(s) present ≥ ${rule.when.present_at_least}`
        : `${unknown} indicator(s) unknown or unanswered ≥ ${rule.when.unknown_at_least}`;
  return {
    present,
    absent,
    unknown: unknownAnswered,
    unanswered,
    suggestion: { id: rule.id, because },
    suggestionOnly: true,
  };
}
