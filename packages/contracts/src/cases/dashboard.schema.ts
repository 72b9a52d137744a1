import { Type, type Static } from '@sinclair/typebox';
import { CaseSummary } from './case.schema';
import { CaseTask } from './task.schema';

/** One event on a case the viewer is a member of (from the audit log; writes only). */
export const CaseActivity = Type.Object({
  at: Type.String(),
  action: Type.String(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  caseId: Type.Union([Type.String(), Type.Null()]),
  caseReference: Type.Union([Type.String(), Type.Null()]),
  recordType: Type.Union([Type.String(), Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]),
});
export type CaseActivity = Static<typeof CaseActivity>;

export const CaseActivityListResponse = Type.Object({ items: Type.Array(CaseActivity) });
export type CaseActivityListResponse = Static<typeof CaseActivityListResponse>;

export const DashboardResponse = Type.Object({
  myCases: Type.Array(CaseSummary),
  myTasks: Type.Array(CaseTask),
  recentActivity: Type.Array(CaseActivity),
});
export type DashboardResponse = Static<typeof DashboardResponse>;
