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
}

export interface IdentityTables {
  agencies: AgenciesTable;
  agency_units: AgencyUnitsTable;
  users: UsersTable;
}

export type { Generated };
