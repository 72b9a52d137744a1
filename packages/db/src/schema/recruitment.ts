// Tables of the recruitment domain (migration 2026-11-30T0020-recruitment). Timestamps ISO-8601 UTC text,
// booleans 0/1, JSON as text — identical on SQLite and PostgreSQL.

export interface RecruitmentImportsTable {
  id: string;
  case_id: string;
  /** jsonl | csv | text | telegram | whatsapp | html | warc */
  format: string;
  file_name: string | null;
  /** all_or_nothing | skip_bad */
  mode: string;
  items_imported: number;
  lines_rejected: number;
  /** JSON array of {line, message}: the malformed lines (never their content). */
  errors: string;
  lexicon_version: number;
  /** The evidence item the file came from (migration 0100); null for an uploaded file. */
  evidence_id: string | null;
  created_by: string;
  created_at: string;
}

export interface RecruitmentItemsTable {
  id: string;
  case_id: string;
  import_id: string;
  /** The item's id in its source (the "id" column, a message ref, or "line-N"). */
  external_id: string;
  text: string;
  url: string | null;
  posted_at: string | null;
  source: string | null;
  /** Where in the imported file: "line 12", "telegram:…/105", "WARC record 3 <urn:uuid:…> at byte 654 · article 2 of 5". */
  source_position: string;
  /** The evidence item the item was read from (migration 0100); null for an uploaded file. */
  evidence_id: string | null;
  language: string;
  score: number;
  flagged: number;
  /** JSON: indicators (with spans and weights) and reasons, as analysed at import. */
  analysis: string;
  /** relevant | not_relevant | null (not marked) */
  relevance: string | null;
  marked_by: string | null;
  marked_at: string | null;
  created_at: string;
  /**
   * The MinHash signature from the import (migration 0135): base64 of bands × rows little-endian uint32 values, ''
   * when the item is too short to compare, null when imported before signatures were kept.
   */
  minhash: string | null;
}

export interface RecruitmentIdentifiersTable {
  id: string;
  case_id: string;
  item_id: string;
  type: string;
  value: string;
  span_start: number;
  span_end: number;
}

export interface RecruitmentTables {
  recruitment_imports: RecruitmentImportsTable;
  recruitment_items: RecruitmentItemsTable;
  recruitment_identifiers: RecruitmentIdentifiersTable;
}
