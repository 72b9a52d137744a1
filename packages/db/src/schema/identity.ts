// Organisations and people. Timestamps are ISO-8601 UTC text and booleans are 0/1 integers on both engines,
// so one query layer serves SQLite and PostgreSQL alike (see docs/data-model.md).
import type { Generated } from 'kysely';

export interface AgenciesTable {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2: BA, ME, MK, RS … */
  country: string;
  /** police | prosecution | social_welfare | labour_inspection | ngo_service_provider | training_centre */
  kind: string;
  /** Prefix of this agency's case reference scheme, e.g. "SIPA". */
  reference_prefix: string;
  require_totp: number;
  created_at: string;
}

export interface AgencyUnitsTable {
  id: string;
  agency_id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  agency_id: string;
  unit_id: string | null;
  username: string;
  display_name: string;
  email: string | null;
  /** investigator | analyst | prosecutor | social_worker | supervisor | trainer | trainee | administrator */
  role: string;
  password_hash: string;
  locale: string;
  disabled: number;
  totp_secret: string | null;
  totp_enabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
  /** Last accepted TOTP time step (replay guard); migration 0002. */
  totp_last_step: number | null;
}

/** Login sessions (migration 0002). Only the SHA-256 of the cookie's token is stored. */
export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** Personal API tokens (migration 0002). `token_prefix` is the harmless start shown in lists. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

/** Every login attempt, for rate limiting per IP and per username (migration 0002). */
export interface LoginAttemptsTable {
  id: string;
  at: string;
  ip: string | null;
  /** Lower-cased as typed; may name no account. */
  username: string;
  success: number;
}

export interface IdentityTables {
  agencies: AgenciesTable;
  agency_units: AgencyUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
}

export type { Generated };
