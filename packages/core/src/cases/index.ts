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
export { CASE_CREATOR_ROLES, canCreateCase, READ_ACTIONS } from './case.policy';
export { CaseService } from './case.service';
export { EntityService, entityNotFound, type IdentifierEntityInput, type EntityCreateInput } from './entity.service';
export { toSearchWords, type SearchRecordType } from './search-document';
export { loadCasesDemo, type CasesDemo } from './cases.demo';
