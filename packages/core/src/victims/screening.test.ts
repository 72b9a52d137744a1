import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateInterviewPlan, loadInterviewChecklist } from './interview-checklist';
import { summariseScreening, validateAnswers } from './screening';
import { latestForms, loadScreeningForms, parseScreeningForm } from './screening-forms';

const here = path.dirname(fileURLToPath(import.meta.url));
const forms = loadScreeningForms();
const ilo = latestForms(forms).find((f) => f.id === 'ilo-forced-labour-11')!;

describe('screening forms as data', () => {
  it('ships the ILO 11 forced-labour indicators, numbered 1–11, with the ILO source named', () => {
    expect(ilo.indicators.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ilo.source).toContain('ILO');
    expect(ilo.source).toContain('2012');
  });

  it('takes every indicator label from the shared indicator list (nothing invented)', () => {
    const md = readFileSync(path.resolve(here, '../../../../../shared/data/recruitment/indicators.md'), 'utf8');
    for (const form of latestForms(forms)) {
      for (const indicator of form.indicators) {
        const line = md.split('\n').find((l) => l.startsWith(`${indicator.number}. `));
        expect(line, `${form.id} #${indicator.number}`).toBeDefined();
      }
    }
    for (const i of ilo.indicators) {
      const line = md.split('\n').find((l) => l.startsWith(`${i.number}. `))!;
      expect(line.toLowerCase()).toContain(i.label.en!.toLowerCase().split(' ')[0]!);
    }
  });

  it('labels the ILO indicators in all seven UI languages', () => {
    for (const i of ilo.indicators) {
      expect(Object.keys(i.label).sort()).toEqual(['bs', 'cnr', 'en', 'mk', 'sq', 'sr-Cyrl', 'sr-Latn']);
    }
  });

  it('rejects a malformed form file naming the file and the problem', () => {
    const file = path.join(here, 'fixtures', 'broken-form.yaml');
    expect(() => parseScreeningForm(file, readFileSync(file, 'utf8'))).toThrow(/broken-form\.yaml.*appears twice/);
    expect(() => parseScreeningForm('x.yaml', 'id: [')).toThrow(/YAML syntax/);
  });
});

describe('screening answers and summary', () => {
  it('requires a source for every present/absent answer', () => {
    expect(() => validateAnswers(ilo, { deception: { value: 'present' } })).toThrow(
      /interview, document or observation/,
    );
    expect(() => validateAnswers(ilo, { made_up: { value: 'present', source: 'interview' } })).toThrow(
      /not an indicator/,
    );
  });

  it('suggests, with its reason, and never decides', () => {
    const answers = validateAnswers(ilo, {
      deception: { value: 'present', source: 'interview' },
      retention_of_documents: { value: 'present', source: 'document' },
      debt_bondage: { value: 'present', source: 'interview' },
      isolation: { value: 'absent', source: 'observation' },
    });
    const summary = summariseScreening(ilo, answers);
    expect(summary.present.map((p) => p.number)).toEqual([2, 7, 9]);
    expect(summary.suggestion.id).toBe('refer_for_identification');
    expect(summary.suggestion.because).toContain('3 indicator(s) present');
    expect(summary.suggestionOnly).toBe(true);
    expect(summariseScreening(ilo, { deception: { value: 'present', source: 'interview' } }).suggestion.id).toBe(
      'gather_more_information',
    );
  });
});

describe('interview checklist', () => {
  const checklist = loadInterviewChecklist();
  const allYes = Object.fromEntries(checklist.items.map((i) => [i.id, 'yes' as const]));

  it('requires the child procedure only for children and the interpreter check only with an interpreter', () => {
    const base = {
      ...allYes,
      child_procedure: 'not_applicable' as const,
      interpreter_screened: 'not_applicable' as const,
    };
    expect(
      evaluateInterviewPlan(checklist, { plannedFor: '2026-12-02', interpreterNeeded: false, answers: base }, false)
        .complete,
    ).toBe(true);
    const child = evaluateInterviewPlan(
      checklist,
      { plannedFor: '2026-12-02', interpreterNeeded: true, answers: base },
      true,
    );
    expect(child.complete).toBe(false);
    expect(child.missing.map((m) => m.id).sort()).toEqual(['child_procedure', 'interpreter_screened']);
  });

  it('names its sources for every item', () => {
    for (const item of checklist.items) expect(item.sources.length).toBeGreaterThan(0);
  });
});

describe('field values', () => {
  it('treats an empty date like an empty text (not recorded) and refuses a malformed one', async () => {
    const { validateGroupValues } = await import('./field-groups');
    expect(validateGroupValues('identity', { prs_Birthdate: '', prs_FirstName: '' })).toEqual({});
    expect(() => validateGroupValues('identity', { prs_Birthdate: '1.2.2001' })).toThrow(/YYYY-MM-DD/);
  });
});
