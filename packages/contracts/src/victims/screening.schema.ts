import { Type, type Static } from '@sinclair/typebox';

const Localised = Type.Record(Type.String(), Type.String());

export const ScreeningFormSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Localised,
  source: Type.String(),
  sourceRef: Type.String(),
  note: Type.Union([Localised, Type.Null()]),
  indicators: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.Integer(),
      label: Localised,
      hint: Type.Optional(Localised),
      sources: Type.Optional(Type.Array(Type.String())),
    }),
  ),
  suggestions: Type.Array(Type.Object({ id: Type.String(), text: Localised })),
});
export const ScreeningFormsResponse = Type.Object({ forms: Type.Array(ScreeningFormSchema) });
export type ScreeningFormsResponse = Static<typeof ScreeningFormsResponse>;

export const ScreeningAnswer = Type.Object(
  {
    value: Type.Union([Type.Literal('present'), Type.Literal('absent'), Type.Literal('unknown')]),
    source: Type.Optional(
      Type.Union([Type.Literal('interview'), Type.Literal('document'), Type.Literal('observation')]),
    ),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

export const CreateScreeningRequest = Type.Object(
  {
    formId: Type.String({ maxLength: 80 }),
    formVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    answers: Type.Record(Type.String({ maxLength: 80 }), ScreeningAnswer),
  },
  { additionalProperties: false },
);
export type CreateScreeningRequest = Static<typeof CreateScreeningRequest>;

export const Screening = Type.Object({
  id: Type.String(),
  formId: Type.String(),
  formVersion: Type.Integer(),
  answers: Type.Record(
    Type.String(),
    Type.Object({ value: Type.String(), source: Type.Optional(Type.String()), note: Type.Optional(Type.String()) }),
  ),
  summary: Type.Object({
    present: Type.Array(Type.Object({ id: Type.String(), number: Type.Integer(), source: Type.String() })),
    absent: Type.Integer(),
    unknown: Type.Integer(),
    unanswered: Type.Integer(),
    suggestion: Type.Object({ id: Type.String(), because: Type.String() }),
    suggestionOnly: Type.Literal(true),
  }),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export type Screening = Static<typeof Screening>;
export const ScreeningResponse = Type.Object({ screening: Screening });
export const ScreeningListResponse = Type.Object({ screenings: Type.Array(Screening) });
export type ScreeningListResponse = Static<typeof ScreeningListResponse>;

export const ChecklistResponse = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Localised,
      requiredWhen: Type.String(),
      sources: Type.Array(Type.String()),
    }),
  ),
});
export type ChecklistResponse = Static<typeof ChecklistResponse>;

const ChecklistAnswer = Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('not_applicable')]);
export const CreateInterviewPlanRequest = Type.Object(
  {
    plannedFor: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    interpreterNeeded: Type.Boolean(),
    answers: Type.Record(Type.String({ maxLength: 80 }), ChecklistAnswer),
  },
  { additionalProperties: false },
);
export type CreateInterviewPlanRequest = Static<typeof CreateInterviewPlanRequest>;

export const InterviewPlan = Type.Object({
  id: Type.String(),
  plannedFor: Type.String(),
  checklistVersion: Type.Integer(),
  interpreterNeeded: Type.Boolean(),
  isChild: Type.Boolean(),
  answers: Type.Record(Type.String(), Type.String()),
  missing: Type.Array(Type.Object({ id: Type.String(), reason: Type.String() })),
  complete: Type.Boolean(),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export const InterviewPlanResponse = Type.Object({ plan: InterviewPlan });
export const InterviewPlanListResponse = Type.Object({ plans: Type.Array(InterviewPlan) });
export type InterviewPlanListResponse = Static<typeof InterviewPlanListResponse>;
