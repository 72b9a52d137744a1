export {
  AuditService,
  normaliseAuditQuery,
  rowToEntry,
  type AuditEvent,
  type AuditQuery,
  type AuditVerification,
} from './audit.service';
export {
  AuditChainVerifier,
  GENESIS_HASH,
  hashAuditEntry,
  type ChainBreak,
  type ChainedAuditEntry,
} from './audit-chain';
export type { AuditFilter } from './audit.repository';
export { AUDIT_BROWSER_ROLES, mayBrowseAudit, requireAuditScope, type AuditScope } from './audit.policy';
export { AUDIT_CSV_COLUMNS, csvCell, csvRow } from './audit-csv';
export { presentAuditEntry } from './audit.presenter';
