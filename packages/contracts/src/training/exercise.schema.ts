// Training: hands-on exercises on sandbox data. Material is the documented shape of @trag/core/training
// (exercise-material.ts), passed through as an object; answers and tool requests are validated here.
import { Type, type Static } from '@sinclair/typebox';

export const EXERCISE_KINDS = ['ad-templates', 'wallet-trace', 'chat-evidence', 'screening-referral'] as const;
const Kind = Type.Union(EXERCISE_KINDS.map((k) => Type.Literal(k)));
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const ExerciseParams = Type.Object({ exerciseId: Id });

export const ExerciseView = Type.Object({
  id: Type.String(),
  sessionId: Type.String(),
  kind: Type.String(),
  position: Type.Integer(),
  createdAt: Type.String(),
});
export type ExerciseView = Static<typeof ExerciseView>;

export const AddExerciseRequest = Type.Object(
  { kind: Kind, seed: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })) },
  { additionalProperties: false },
);
export type AddExerciseRequest = Static<typeof AddExerciseRequest>;

export const ExerciseListResponse = Type.Object({ exercises: Type.Array(ExerciseView) });
export type ExerciseListResponse = Static<typeof ExerciseListResponse>;

export const AnswerPart = Type.Object({ part: Type.String(), correct: Type.Boolean(), feedback: Type.String() });
export const AnswerVerdict = Type.Object({ correct: Type.Boolean(), parts: Type.Array(AnswerPart) });
export type AnswerVerdict = Static<typeof AnswerVerdict>;

export const ExerciseWork = Type.Object({
  bundleSha256: Type.Union([Type.String(), Type.Null()]),
  bundleVerified: Type.Boolean(),
  submissions: Type.Integer(),
  correct: Type.Boolean(),
  verdict: Type.Union([AnswerVerdict, Type.Null()]),
  updatedAt: Type.String(),
});

export const ExerciseDetail = Type.Object({
  exercise: ExerciseView,
  sessionTitle: Type.String(),
  language: Type.String(),
  /** The synthetic material (kind-specific shape, always with synthetic: true). */
  material: Type.Unknown(),
  screening: Type.Union([
    Type.Object({
      indicators: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
      suggestions: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
      services: Type.Array(Type.String()),
    }),
    Type.Null(),
  ]),
  work: Type.Union([ExerciseWork, Type.Null()]),
  /** The expected answer, for the session's trainer only (null for trainees). */
  answerKey: Type.Unknown(),
});
export type ExerciseDetail = Static<typeof ExerciseDetail>;

export const ToolRequest = Type.Union([
  Type.Object({ tool: Type.Literal('find-templates') }, { additionalProperties: false }),
  Type.Object(
    {
      tool: Type.Literal('trace'),
      method: Type.Union([Type.Literal('fifo'), Type.Literal('haircut'), Type.Literal('poison')]),
    },
    { additionalProperties: false },
  ),
  Type.Object({ tool: Type.Literal('collect-export') }, { additionalProperties: false }),
  Type.Object({ tool: Type.Literal('verify') }, { additionalProperties: false }),
]);
export type ToolRequest = Static<typeof ToolRequest>;
/** The tool's result (find-templates: clusters; trace: endpoints; collect-export: report; verify: report). */
export const ToolResponse = Type.Record(Type.String(), Type.Unknown());

const Short = Type.String({ minLength: 1, maxLength: 200 });
export const AnswerRequest = Type.Union([
  Type.Object(
    { kind: Type.Literal('ad-templates'), adId: Short, phone: Type.String({ minLength: 3, maxLength: 40 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('wallet-trace'),
      exchange: Short,
      depositAddress: Type.Optional(Type.String({ maxLength: 100 })),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('chat-evidence'),
      bundleSha256: Type.String({ minLength: 1, maxLength: 128 }),
      messages: Type.Integer({ minimum: 0, maximum: 100000 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('screening-referral'),
      present: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
      suggestion: Type.String({ maxLength: 64 }),
      services: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 }),
    },
    { additionalProperties: false },
  ),
]);
export type AnswerRequest = Static<typeof AnswerRequest>;

export const ExerciseResultsResponse = Type.Object({
  results: Type.Array(
    Type.Object({
      exerciseId: Type.String(),
      participantId: Type.String(),
      displayName: Type.String(),
      submissions: Type.Integer(),
      correct: Type.Boolean(),
      updatedAt: Type.String(),
    }),
  ),
});
export type ExerciseResultsResponse = Static<typeof ExerciseResultsResponse>;
