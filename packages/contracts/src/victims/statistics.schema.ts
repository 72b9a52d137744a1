import { Type, type Static } from '@sinclair/typebox';

export const StatCell = Type.Object({
  dimension: Type.String(),
  value: Type.String(),
  count: Type.Union([Type.Integer(), Type.Null()]),
  suppressed: Type.Optional(Type.String()),
});
export const StatisticsResponse = Type.Object({
  year: Type.Integer(),
  k: Type.Integer(),
  releasedAt: Type.String(),
  frozen: Type.Literal(true),
  cells: Type.Array(StatCell),
});
export type StatisticsResponse = Static<typeof StatisticsResponse>;

export const DueRecord = Type.Object({
  recordId: Type.String(),
  code: Type.String(),
  caseId: Type.String(),
  kind: Type.String(),
  country: Type.String(),
  lastChange: Type.String(),
  dueSince: Type.String(),
  months: Type.Integer(),
});
export const DueResponse = Type.Object({ due: Type.Array(DueRecord) });
export type DueResponse = Static<typeof DueResponse>;

export const EraseRequest = Type.Object(
  { reason: Type.String({ minLength: 5, maxLength: 200 }) },
  { additionalProperties: false },
);
export type EraseRequest = Static<typeof EraseRequest>;
