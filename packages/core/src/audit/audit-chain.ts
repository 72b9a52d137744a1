// The audit log's hash chain, as pure functions: data in, data out. Each entry's hash covers its sequence number,
// its content and the previous entry's hash, so an edited, deleted, inserted or reordered entry breaks the chain
// from that point on. Documented in docs/security.md so that anyone can re-check it with their own tools.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  seq: number;
  id: string;
  at: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  ip: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  caseId: string | null;
  details: Record<string, unknown>;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  prevHash: string;
  hash: string;
}

export function hashAuditEntry(prevHash: string, entry: AuditEntryContent): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(
      canonicalJson({
        seq: entry.seq,
        id: entry.id,
        at: entry.at,
        actorUserId: entry.actorUserId,
        actorAgencyId: entry.actorAgencyId,
        ip: entry.ip,
        action: entry.action,
        recordType: entry.recordType,
        recordId: entry.recordId,
        caseId: entry.caseId,
        details: entry.details,
      }),
    )
    .digest('hex');
}

export type ChainProblem = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'head_mismatch';

export interface ChainBreak {
  seq: number;
  id: string;
  problem: ChainProblem;
  message: string;
}

/**
 * Incremental verifier: feed entries in sequence order, get the first break. Keeps only the previous entry,
 * so a log of millions of rows is checked in constant memory.
 */
export class AuditChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  broken: ChainBreak | null = null;

  push(entry: ChainedAuditEntry): ChainBreak | null {
    if (this.broken) return this.broken;
    if (entry.seq !== this.expectedSeq) {
      return (this.broken = {
        seq: entry.seq,
        id: entry.id,
        problem: 'seq_gap',
        message: `Entry #${entry.seq} follows #${this.expectedSeq - 1}: entry #${this.expectedSeq} is missing or out of order.`,
      });
    }
    if (entry.prevHash !== this.prevHash) {
      return (this.broken = {
        seq: entry.seq,
        id: entry.id,
        problem: 'prev_hash_mismatch',
        message: `Entry #${entry.seq} does not link to the entry before it: an entry was deleted, inserted or reordered.`,
      });
    }
    const recomputed = hashAuditEntry(entry.prevHash, entry);
    if (recomputed !== entry.hash) {
      return (this.broken = {
        seq: entry.seq,
        id: entry.id,
        problem: 'hash_mismatch',
        message: `Entry #${entry.seq} was changed after it was written: its content no longer matches its hash.`,
      });
    }
    this.prevHash = entry.hash;
    this.expectedSeq += 1;
    this.checked += 1;
    return null;
  }

  /** Compare the end of the chain with the separately stored head, to catch deletion of the newest entries. */
  finish(head: { seq: number; hash: string } | null): ChainBreak | null {
    if (this.broken) return this.broken;
    if (head && (head.seq !== this.expectedSeq - 1 || head.hash !== this.prevHash)) {
      return (this.broken = {
        seq: this.expectedSeq - 1,
        id: '',
        problem: 'head_mismatch',
        message: `The log ends at entry #${this.expectedSeq - 1} but the recorded head is #${head.seq}: the newest entries were removed or altered.`,
      });
    }
    return null;
  }

  get count(): number {
    return this.checked;
  }
  get lastHash(): string {
    return this.prevHash;
  }
}
