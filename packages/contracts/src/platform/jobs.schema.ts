import { Type, type Static } from '@sinclair/typebox';

export const JobStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
export type JobStatus = Static<typeof JobStatus>;

export const Job = Type.Object({
  id: Type.String(),
  queue: Type.String(),
  kind: Type.String(),
  status: JobStatus,
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  progressMessage: Type.Union([Type.String(), Type.Null()]),
  cancelRequested: Type.Boolean(),
  result: Type.Unknown(),
  error: Type.Union([Type.String(), Type.Null()]),
  caseId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  startedAt: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type Job = Static<typeof Job>;

export const JobParams = Type.Object({ jobId: Type.String({ minLength: 1, maxLength: 100 }) });
export type JobParams = Static<typeof JobParams>;

export const JobListResponse = Type.Object({ items: Type.Array(Job) });
export type JobListResponse = Static<typeof JobListResponse>;
