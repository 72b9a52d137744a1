import { Type, type Static } from '@sinclair/typebox';

/** GET /api/events?topics=case.updated,jobs — a text/event-stream of the events the caller may see. */
export const EventsQuery = Type.Object(
  {
    topics: Type.String({
      pattern: '^[a-z][a-z0-9_.-]{0,63}(,[a-z][a-z0-9_.-]{0,63}){0,19}$',
      description: 'Comma-separated topics (at most 20), e.g. "case.updated,jobs"',
    }),
  },
  { additionalProperties: false },
);
export type EventsQuery = Static<typeof EventsQuery>;

/** The `data:` line of each server-sent event. Events carry ids; re-read records through the API. */
export const LiveEventMessage = Type.Object({
  id: Type.String(),
  topic: Type.String(),
  at: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type LiveEventMessage = Static<typeof LiveEventMessage>;
