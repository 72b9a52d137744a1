// Tables of the evidence domain (migration 2026-11-30T0010-evidence). Originals live in the blob store by SHA-256;
// these tables hold what was collected, by whom, under which legal basis, and each item's custody ledger.

/** One collected item: an uploaded file, an imported export, a capture, or an attachment extracted from one. */
export interface EvidenceItemsTable {
  id: string;
  case_id: string;
  /** Agency currently holding the item (changes on transfer). */
  agency_id: string;
  /** Per-agency scheme PREFIX-EV-YEAR-NNNN, or given by the collector; unique per agency. */
  exhibit_number: string;
  /** The item an attachment was extracted from. */
  parent_id: string | null;
  /** file | chat_export | web_capture | attachment */
  kind: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  description: string;
  source: string | null;
  legal_basis: string | null;
  location: string | null;
  device: string | null;
  collected_by: string;
  collected_by_name: string;
  collected_at: string;
  /** held | sealed | released | disposed | transferred */
  status: string;
  /** telegram_desktop | whatsapp | warc | har | mhtml | html, for imports. */
  import_format: string | null;
  /** JSON object: facts read from the item (title, URL, capture time, notes); never changes the original. */
  metadata: string;
  ledger_head_seq: number;
  ledger_head_hash: string;
  created_at: string;
}

/** Append-only, hash-chained, Ed25519-signed custody entries (format in core/evidence/custody-ledger.ts). */
export interface EvidenceCustodyTable {
  item_id: string;
  seq: number;
  at: string;
  /** collected | viewed | downloaded | annotated | exported | transferred | sealed | released | disposed */
  event: string;
  actor_user_id: string;
  actor_name: string;
  agency_id: string;
  sha256: string;
  /** JSON object. */
  details: string;
  key_fingerprint: string;
  prev_hash: string;
  hash: string;
  signature: string;
  /** RFC 3161 token as JSON {tsa, token, genTime}, when a TSA is configured. */
  timestamp: string | null;
}

export interface EvidenceExhibitCountersTable {
  agency_id: string;
  year: number;
  last_value: number;
}

/** Every agency public key that ever signed custody entries, so old entries stay verifiable. */
export interface EvidenceSigningKeysTable {
  fingerprint: string;
  agency_id: string;
  public_key_pem: string;
  created_at: string;
}

/** Messages of an imported chat export, each addressable (ref) with author, time and attachments. */
export interface EvidenceMessagesTable {
  item_id: string;
  idx: number;
  ref: string;
  kind: string;
  author: string | null;
  author_id: string | null;
  time: string;
  /** utc | device_local */
  time_basis: string;
  text: string;
  /** JSON array of {name, kind, mediaType, omitted, itemId|null}. */
  attachments: string;
  reply_to: string | null;
  forwarded_from: string | null;
  edited: string | null;
}

/** Court bundles produced (the ZIP lies under <dataDir>/exports/<id>.zip). */
export interface EvidenceExportsTable {
  id: string;
  case_id: string;
  created_by: string;
  created_at: string;
  /** JSON array of item ids. */
  item_ids: string;
  sha256: string;
  size: number;
  file_name: string;
}

/** Thumbnails of image originals (migration 0120): derived, keyed by the original's SHA-256, never in bundles. */
export interface EvidenceThumbnailsTable {
  /** SHA-256 of the original the thumbnail was made from. */
  derived_from: string;
  media_type: string;
  width: number;
  height: number;
  /** The thumbnail's bytes, base64. */
  data: string;
  /** SHA-256 of the thumbnail's own bytes. */
  sha256: string;
  /** Library and version that made it. */
  tool: string;
  created_at: string;
}

export interface EvidenceTables {
  evidence_items: EvidenceItemsTable;
  evidence_custody: EvidenceCustodyTable;
  evidence_exhibit_counters: EvidenceExhibitCountersTable;
  evidence_signing_keys: EvidenceSigningKeysTable;
  evidence_messages: EvidenceMessagesTable;
  evidence_exports: EvidenceExportsTable;
  evidence_thumbnails: EvidenceThumbnailsTable;
}
