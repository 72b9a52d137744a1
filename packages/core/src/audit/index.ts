export { AuditService, rowToEntry, type AuditEvent } from './audit.service';
export {
  AuditChainVerifier,
  GENESIS_HASH,
  hashAuditEntry,
  type ChainBreak,
  type ChainedAuditEntry,
} from './audit-chain';
export type { AuditFilter } from './audit.repository';
