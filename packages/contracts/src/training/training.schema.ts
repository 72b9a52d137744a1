// Training: scenarios, sessions, attempts. Scores, debriefs and checker results are documented shapes from
// @trag/core/training (scoring.ts, scenario-checker.ts), passed through as objects.
import { Type, type Static } from '@sinclair/typebox';

const Localised = Type.Record(Type.String(), Type.String());
const Lang = Type.String({ pattern: '^(en|bs|hr|sr-Latn|sr-Cyrl|cnr|mk|sq)$' });
const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{2,63}$' });

export const ScenarioParams = Type.Object({ scenarioId: Type.String({ minLength: 1, maxLength: 64 }) });
export const SessionParams = Type.Object({ sessionId: Type.String({ minLength: 1, maxLength: 64 }) });
export const CertificateParams = Type.Object({
  sessionId: Type.String({ minLength: 1, maxLength: 64 }),
  participantId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const AttemptParams = Type.Object({ attemptId: Type.String({ minLength: 1, maxLength: 64 }) });

export const Rule = Type.Object({
  id: Type.String(),
  dimension: Type.String(),
  critical: Type.Boolean(),
  title: Type.String(),
  rationale: Type.String(),
  sources: Type.Array(Type.String()),
  checked: Type.Boolean(),
  child: Type.Boolean(),
});
export const RulesResponse = Type.Object({
  version: Type.Number(),
  sources: Type.Record(Type.String(), Type.String()),
  rules: Type.Array(Rule),
});
export type RulesResponse = Static<typeof RulesResponse>;

export const ScenarioSummary = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  version: Type.Integer(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('published')]),
  title: Localised,
  summary: Localised,
  country: Type.Union([Type.String(), Type.Null()]),
  child: Type.Boolean(),
  shipped: Type.Boolean(),
  languages: Type.Array(Type.String()),
  basedOn: Type.Union([Type.String(), Type.Null()]),
  mine: Type.Boolean(),
  updatedAt: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type ScenarioSummary = Static<typeof ScenarioSummary>;
export const ScenarioListResponse = Type.Object({ scenarios: Type.Array(ScenarioSummary) });
export type ScenarioListResponse = Static<typeof ScenarioListResponse>;

export const ScenarioChoiceInfo = Type.Object({
  choiceId: Type.String(),
  knot: Type.String(),
  text: Type.String(),
  rule: Type.Union([Type.String(), Type.Null()]),
  score: Type.Number(),
  indicators: Type.Array(Type.String()),
});
export const ScenarioDetail = Type.Composite([
  ScenarioSummary,
  Type.Object({
    sources: Localised,
    /** The last checker result, when the scenario was checked. */
    check: Type.Union([Type.Unknown(), Type.Null()]),
  }),
]);
export type ScenarioDetail = Static<typeof ScenarioDetail>;

export const ScormQuery = Type.Object({ language: Lang }, { additionalProperties: false });
export type ScormQuery = Static<typeof ScormQuery>;

export const CopyScenarioRequest = Type.Object(
  { slug: Slug, country: Type.Optional(Type.Union([Type.String({ maxLength: 8 }), Type.Null()])) },
  { additionalProperties: false },
);
export type CopyScenarioRequest = Static<typeof CopyScenarioRequest>;

export const UpdateScenarioRequest = Type.Object(
  {
    sources: Type.Optional(Type.Record(Lang, Type.String({ maxLength: 200_000 }))),
    title: Type.Optional(Type.Record(Lang, Type.String({ minLength: 1, maxLength: 200 }))),
    country: Type.Optional(Type.Union([Type.String({ maxLength: 8 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateScenarioRequest = Static<typeof UpdateScenarioRequest>;

export const CheckRequest = Type.Object(
  {
    sources: Type.Record(Lang, Type.String({ maxLength: 200_000 })),
    /** compile: only compile (fast, for live editing); full: every check. */
    mode: Type.Optional(Type.Union([Type.Literal('compile'), Type.Literal('full')])),
  },
  { additionalProperties: false },
);
export type CheckRequest = Static<typeof CheckRequest>;

export const CompileMessage = Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  line: Type.Union([Type.Integer(), Type.Null()]),
  message: Type.String(),
});
export const CheckFinding = Type.Object({
  code: Type.String(),
  language: Type.Union([Type.String(), Type.Null()]),
  message: Type.String(),
  line: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  choiceId: Type.Optional(Type.String()),
  knot: Type.Optional(Type.String()),
});
export const CheckResponse = Type.Object({
  ok: Type.Boolean(),
  findings: Type.Array(CheckFinding),
  languages: Type.Array(
    Type.Object({
      language: Type.String(),
      compiled: Type.Boolean(),
      messages: Type.Array(CompileMessage),
      knots: Type.Array(Type.String()),
      choices: Type.Array(ScenarioChoiceInfo),
    }),
  ),
  rules: Type.Array(Type.String()),
  indicators: Type.Array(Type.String()),
});
export type CheckResponse = Static<typeof CheckResponse>;

export const SessionView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  title: Type.String(),
  groupName: Type.String(),
  language: Type.String(),
  scenarioIds: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]),
  releasedStep: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: Type.String(),
});
export type SessionView = Static<typeof SessionView>;
export const SessionListResponse = Type.Object({ sessions: Type.Array(SessionView) });
export type SessionListResponse = Static<typeof SessionListResponse>;

export const CreateSessionRequest = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    groupName: Type.String({ minLength: 1, maxLength: 200 }),
    language: Lang,
    scenarioIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type CreateSessionRequest = Static<typeof CreateSessionRequest>;

export const UpdateSessionRequest = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')])),
    releasedStep: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type UpdateSessionRequest = Static<typeof UpdateSessionRequest>;

export const ProgressEntry = Type.Object({
  participantId: Type.String(),
  displayName: Type.String(),
  attemptId: Type.Union([Type.String(), Type.Null()]),
  scenarioId: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  step: Type.Integer(),
  knot: Type.Union([Type.String(), Type.Null()]),
  totalScore: Type.Number(),
  criticalViolations: Type.Integer(),
  grade: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
});
export const ProgressResponse = Type.Object({ session: SessionView, entries: Type.Array(ProgressEntry) });
export type ProgressResponse = Static<typeof ProgressResponse>;

export const DebriefResponse = Type.Object({
  scenarios: Type.Array(
    Type.Object({
      scenarioId: Type.String(),
      attempts: Type.Integer(),
      criticalAttempts: Type.Integer(),
      meanOverall: Type.Union([Type.Number(), Type.Null()]),
      points: Type.Array(
        Type.Object({
          knot: Type.String(),
          total: Type.Integer(),
          choices: Type.Array(
            Type.Object({
              choiceId: Type.String(),
              text: Type.String(),
              rule: Type.Union([Type.String(), Type.Null()]),
              score: Type.Number(),
              count: Type.Integer(),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type DebriefResponse = Static<typeof DebriefResponse>;

export const JoinRequest = Type.Object(
  { code: Type.String({ minLength: 4, maxLength: 12 }), displayName: Type.String({ minLength: 1, maxLength: 60 }) },
  { additionalProperties: false },
);
export type JoinRequest = Static<typeof JoinRequest>;
export const JoinResponse = Type.Object({ session: SessionView, participantId: Type.String() });
export type JoinResponse = Static<typeof JoinResponse>;

export const StartAttemptRequest = Type.Object(
  {
    scenarioId: Type.String({ minLength: 1, maxLength: 64 }),
    sessionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    language: Type.Optional(Lang),
  },
  { additionalProperties: false },
);
export type StartAttemptRequest = Static<typeof StartAttemptRequest>;

export const ChooseRequest = Type.Object(
  { choiceId: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type ChooseRequest = Static<typeof ChooseRequest>;

export const AttemptView = Type.Object({
  id: Type.String(),
  scenarioId: Type.String(),
  sessionId: Type.Union([Type.String(), Type.Null()]),
  language: Type.String(),
  status: Type.Union([Type.Literal('in_progress'), Type.Literal('completed'), Type.Literal('ended_critical')]),
  step: Type.Integer(),
  text: Type.String(),
  choices: Type.Array(Type.Object({ choiceId: Type.String(), text: Type.String() })),
  waiting: Type.Union([Type.Literal('paused'), Type.Literal('step_not_released'), Type.Null()]),
  /** AttemptScore from @trag/core/training (dimensions, grade, debrief per rule) once the attempt ended. */
  score: Type.Union([Type.Unknown(), Type.Null()]),
});
export type AttemptView = Static<typeof AttemptView>;

export const StatementsResponse = Type.Object({ statements: Type.Array(Type.Unknown()) });
export type StatementsResponse = Static<typeof StatementsResponse>;
