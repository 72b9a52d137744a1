// Tables of the cooperation domain; its migrations live in ../migrations/ under dated names (0050…0059).

export interface CoopPartnersTable {
  id: string;
  /** The local agency that trusts this partner. */
  agency_id: string;
  /** partnerFingerprint() of the partner's public keys (hex). */
  fingerprint: string;
  name: string;
  country: string;
  kind: string;
  /** Ed25519 public key, base64 DER SPKI. */
  signing_key: string;
  /** age X25519 recipient ("age1…"). */
  age_recipient: string;
  /** OPRF public key, base64url. */
  matching_key: string;
  /** Base URL of the partner's cooperation API for this agency, or null (files only). */
  endpoint: string | null;
  contact: string | null;
  /** pending | trusted | revoked */
  status: string;
  created_by: string;
  created_at: string;
  accepted_by: string | null;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface CoopPackagesTable {
  id: string;
  agency_id: string;
  /** out | in */
  direction: string;
  package_id: string;
  partner_id: string | null;
  sender_fingerprint: string;
  case_id: string | null;
  /** out: built | delivered | receipted; in: inbox | quarantined | imported */
  status: string;
  handling_code: string;
  /** envelope.json as received or sent. */
  envelope: string;
  /** The package file under the data folder (outbox, inbox or quarantine). */
  file_path: string | null;
  size: number;
  /** JSON counts {entities, notes, evidence}. */
  summary: string;
  /** The signed receipt (JSON) once sent/received. */
  receipt: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CoopMaterialTable {
  /** The entity, note or evidence item created from a received package. */
  record_id: string;
  /** entity | note | evidence */
  record_type: string;
  case_id: string;
  package_row_id: string;
  handling_code: string;
  restrictions: string;
  /** JSON: sender, their exhibit number, their custody ledger head … */
  details: string;
}

export interface CoopIndexTable {
  agency_id: string;
  entity_id: string;
  /** responderIndexEntry() of the entity's normalised identifier. */
  entry: string;
  /** Hit/no-hit protocol the entry was computed with (entries of another version are recomputed). */
  protocol: string;
  created_at: string;
}

export interface CoopQueriesTable {
  id: string;
  agency_id: string;
  partner_id: string;
  /** in: a partner asked us; out: we asked a partner */
  direction: string;
  items: number;
  hits: number | null;
  user_id: string | null;
  created_at: string;
}

export interface CoopNoncesTable {
  sender_fingerprint: string;
  nonce: string;
  seen_at: string;
}

export interface CooperationTables {
  coop_partners: CoopPartnersTable;
  coop_packages: CoopPackagesTable;
  coop_material: CoopMaterialTable;
  coop_index: CoopIndexTable;
  coop_queries: CoopQueriesTable;
  coop_nonces: CoopNoncesTable;
}
