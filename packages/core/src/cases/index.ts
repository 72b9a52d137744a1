// Public surface of the cases domain. Other domains import only from here (`@trag/core/cases`).
export { CaseAccess, memberCaseIdsQuery, caseNotFound, type CaseMembership } from './case-access';
export {
  CASE_ROLES,
  isCaseRole,
  strongestCaseRole,
  caseRoleCanWrite,
  caseRoleCanManage,
  type CaseRole,
} from './case-roles';
