import type { Generated } from 'kysely';

/** Append-only, hash-chained: hash = SHA-256(prev_hash ‖ canonical JSON of the entry). */
export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  ip: string | null;
  /** e.g. case.create, case.read, entity.update, auth.login_failed */
  action: string;
  record_type: string | null;
  record_id: string | null;
  case_id: string | null;
  /** JSON object; never holds protected victim data or secrets. */
  details: string;
  prev_hash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  settings: SettingsTable;
}
