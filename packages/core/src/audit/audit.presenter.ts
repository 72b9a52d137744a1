import type { AuditEntry } from '@trag/contracts/audit';
import type { ChainedAuditEntry } from './audit-chain';

export function presentAuditEntry(entry: ChainedAuditEntry & { actorUsername: string | null }): AuditEntry {
  return {
    seq: entry.seq,
    id: entry.id,
    at: entry.at,
    actorUserId: entry.actorUserId,
    actorUsername: entry.actorUsername,
    actorAgencyId: entry.actorAgencyId,
    ip: entry.ip,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId,
    caseId: entry.caseId,
    details: entry.details,
    hash: entry.hash,
  };
}
