import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, Id, UserRef } from './common.schema';

export const TaskStatus = Type.Union([Type.Literal('open'), Type.Literal('done')]);
export type TaskStatus = Static<typeof TaskStatus>;

export const CaseTask = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseReference: Type.String(),
  caseTitle: Type.String(),
  title: Type.String(),
  description: Type.String(),
  owner: Type.Union([UserRef, Type.Null()]),
  dueOn: Type.Union([Type.String(), Type.Null()]),
  status: TaskStatus,
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  completedAt: Type.Union([Type.String(), Type.Null()]),
});
export type CaseTask = Static<typeof CaseTask>;

export const CaseTaskListResponse = Type.Object({ items: Type.Array(CaseTask) });
export type CaseTaskListResponse = Static<typeof CaseTaskListResponse>;

/** The owner must be able to open the case (a member, directly or through their unit). */
export const CaseTaskCreateRequest = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    ownerUserId: Type.Optional(Id),
    dueOn: Type.Optional(DateOnly),
  },
  { additionalProperties: false },
);
export type CaseTaskCreateRequest = Static<typeof CaseTaskCreateRequest>;

export const CaseTaskUpdateRequest = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    ownerUserId: Type.Optional(Type.Union([Id, Type.Null()])),
    dueOn: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    status: Type.Optional(TaskStatus),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CaseTaskUpdateRequest = Static<typeof CaseTaskUpdateRequest>;
