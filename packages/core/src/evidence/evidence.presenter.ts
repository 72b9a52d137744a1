// Rows → contract objects. Nothing else in the evidence domain produces output.
import type { evidence } from '@trag/contracts';
import type { CustodyEntry, CustodyEvent, TrustedTimestamp } from './custody-ledger';
import type { CustodyRow, EvidenceItemRow, MessageRow } from './evidence.repository';

function parseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

export function toEvidenceItem(row: EvidenceItemRow, duplicateOf: string[]): evidence.EvidenceItem {
  return {
    id: row.id,
    caseId: row.case_id,
    exhibitNumber: row.exhibit_number,
    parentId: row.parent_id,
    kind: row.kind as evidence.EvidenceItem['kind'],
    fileName: row.file_name,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    description: row.description,
    source: row.source,
    legalBasis: row.legal_basis,
    location: row.location,
    device: row.device,
    collectedBy: row.collected_by,
    collectedByName: row.collected_by_name,
    collectedAt: row.collected_at,
    agencyId: row.agency_id,
    status: row.status as evidence.EvidenceItem['status'],
    importFormat: row.import_format,
    metadata: parseObject(row.metadata),
    custodyEntries: Number(row.ledger_head_seq),
    duplicateOf,
  };
}

export function rowToLedgerEntry(row: CustodyRow): CustodyEntry {
  return {
    itemId: row.item_id,
    seq: Number(row.seq),
    at: row.at,
    event: row.event as CustodyEvent,
    actor: { userId: row.actor_user_id, name: row.actor_name, agencyId: row.agency_id },
    sha256: row.sha256,
    details: parseObject(row.details),
    keyFingerprint: row.key_fingerprint,
    prevHash: row.prev_hash,
    hash: row.hash,
    signature: row.signature,
    timestamp: row.timestamp ? (JSON.parse(row.timestamp) as TrustedTimestamp) : null,
  };
}

export function toCustodyEntry(row: CustodyRow): evidence.CustodyEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    event: row.event as evidence.CustodyEventName,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    agencyId: row.agency_id,
    sha256: row.sha256,
    details: parseObject(row.details),
    keyFingerprint: row.key_fingerprint,
    prevHash: row.prev_hash,
    hash: row.hash,
    timestamped: row.timestamp !== null,
  };
}

export function toEvidenceMessage(row: MessageRow): evidence.EvidenceMessage {
  let attachments: evidence.EvidenceMessage['attachments'] = [];
  try {
    attachments = JSON.parse(row.attachments) as evidence.EvidenceMessage['attachments'];
  } catch {
    attachments = [];
  }
  return {
    index: Number(row.idx),
    ref: row.ref,
    kind: row.kind,
    author: row.author,
    authorId: row.author_id,
    time: row.time,
    timeBasis: row.time_basis,
    text: row.text,
    attachments,
    replyTo: row.reply_to,
    forwardedFrom: row.forwarded_from,
    edited: row.edited,
  };
}
