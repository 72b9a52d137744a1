// Trauma-informed interview planning checklist (data in ./data/interview-checklist.v1.yaml, with sources).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { invalid } from '../shared/errors';

export interface ChecklistItem {
  id: string;
  label: Record<string, string>;
  requiredWhen: 'always' | 'interpreter' | 'child';
  sources: string[];
}

export interface InterviewChecklist {
  id: string;
  version: number;
  items: ChecklistItem[];
}

export type ChecklistAnswer = 'yes' | 'no' | 'not_applicable';

export interface InterviewPlanInput {
  plannedFor: string;
  interpreterNeeded: boolean;
  answers: Record<string, ChecklistAnswer>;
}

export interface InterviewPlanResult {
  checklistVersion: number;
  interpreterNeeded: boolean;
  isChild: boolean;
  answers: Record<string, ChecklistAnswer>;
  /** Required items not answered "yes": each with why it is required. */
  missing: { id: string; reason: string }[];
  complete: boolean;
}

export function loadInterviewChecklist(
  file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data', 'interview-checklist.v1.yaml'),
): InterviewChecklist {
  const doc = parse(readFileSync(file, 'utf8')) as {
    id: string;
    version: number;
    items: { id: string; label: Record<string, string>; required_when: string; sources: string[] }[];
  };
  return {
    id: doc.id,
    version: doc.version,
    items: doc.items.map((i) => {
      if (!['always', 'interpreter', 'child'].includes(i.required_when))
        throw new Error(`checklist item ${i.id}: bad required_when`);
      return {
        id: i.id,
        label: i.label,
        requiredWhen: i.required_when as ChecklistItem['requiredWhen'],
        sources: i.sources,
      };
    }),
  };
}

export function evaluateInterviewPlan(
  checklist: InterviewChecklist,
  input: InterviewPlanInput,
  isChild: boolean,
): InterviewPlanResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.plannedFor))
    throw invalid('interview_date_invalid', 'Write the interview date as YYYY-MM-DD.');
  const ids = new Set(checklist.items.map((i) => i.id));
  for (const [id, value] of Object.entries(input.answers)) {
    if (!ids.has(id))
      throw invalid('interview_item_unknown', `"${id}" is not an item of the interview checklist.`, { item: id });
    if (!['yes', 'no', 'not_applicable'].includes(value))
      throw invalid('interview_answer_invalid', `Answer "${id}" with yes, no or not_applicable.`, { item: id });
  }
  const missing: { id: string; reason: string }[] = [];
  for (const item of checklist.items) {
    const required =
      item.requiredWhen === 'always' ||
      (item.requiredWhen === 'interpreter' && input.interpreterNeeded) ||
      (item.requiredWhen === 'child' && isChild);
    if (required && input.answers[item.id] !== 'yes') {
      const reason =
        item.requiredWhen === 'child'
          ? 'the person is recorded as a child'
          : item.requiredWhen === 'interpreter'
            ? 'an interpreter is needed'
            : 'required before every interview';
      missing.push({ id: item.id, reason });
    }
  }
  return {
    checklistVersion: checklist.version,
    interpreterNeeded: input.interpreterNeeded,
    isChild,
    answers: input.answers,
    missing,
    complete: missing.length === 0,
  };
}
