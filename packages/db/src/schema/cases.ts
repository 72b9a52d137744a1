// Tables of the cases domain (migration 2026-11-30T0004-cases). Timestamps ISO-8601 UTC text, dates YYYY-MM-DD,
// JSON as text, identical on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface CasesTable {
  id: string;
  /** Owning agency (the creator's); its reference_prefix starts the reference. */
  agency_id: string;
  /** PREFIX-YEAR-NNNN by default; editable, unique per agency. */
  reference: string;
  title: string;
  /** sexual_exploitation | labour_exploitation | forced_criminality | forced_begging | forced_marriage | organ_removal | migrant_smuggling | other */
  case_type: string;
  /** open | on_hold | referred | closed */
  status: string;
  jurisdiction: string | null;
  opened_on: string;
  incident_from: string | null;
  incident_to: string | null;
  closed_at: string | null;
  close_reason: string | null;
  /** JSON array of strings. */
  tags: string;
  /** Markdown. */
  description: string;
  /** Who other agencies should contact about this case when they get a hit (shown to non-members). */
  contact_point: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CaseReferenceCountersTable {
  agency_id: string;
  year: number;
  last_value: number;
}

export interface CaseMembersTable {
  id: string;
  case_id: string;
  /** Exactly one of user_id / unit_id is set. A unit member grants every user of the unit. */
  user_id: string | null;
  unit_id: string | null;
  /** lead | investigator | analyst | prosecutor | social_worker | observer */
  case_role: string;
  added_by: string;
  added_at: string;
}

export interface CaseNotesTable {
  id: string;
  case_id: string;
  author_id: string;
  /** Markdown. */
  body: string;
  created_at: string;
  updated_at: string;
}

export interface CaseTasksTable {
  id: string;
  case_id: string;
  title: string;
  description: string;
  owner_user_id: string | null;
  due_on: string | null;
  /** open | done */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface EntitiesTable {
  id: string;
  case_id: string;
  /** person | organisation | phone | email | online_account | website | crypto_wallet | bank_account | vehicle | location | document */
  entity_type: string;
  label: string;
  /** Normalised identifier (E.164, lower-cased e-mail, canonical URL, platform:handle, IBAN, wallet …) or null. */
  identifier_key: string | null;
  identifier_display: string | null;
  /** JSON object of string values. */
  attributes: string;
  /** Where this came from: "manual", "evidence:<id>", "recruitment:<id>" … */
  source: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface EntityLinksTable {
  id: string;
  case_id: string;
  from_entity_id: string;
  to_entity_id: string;
  /** uses | paid | posted | recruited | employs | owns | contacted | located_at | related_to … */
  link_type: string;
  source: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

/** One row per searchable record; SQLite mirrors it into the FTS5 table search_fts by triggers. */
export interface SearchDocumentsTable {
  seq: Generated<number>;
  /** case | entity | note | task */
  record_type: string;
  record_id: string;
  case_id: string;
  title: string;
  folded_title: string;
  folded_body: string;
  updated_at: string;
}

export interface CasesTables {
  cases: CasesTable;
  case_reference_counters: CaseReferenceCountersTable;
  case_members: CaseMembersTable;
  case_notes: CaseNotesTable;
  case_tasks: CaseTasksTable;
  entities: EntitiesTable;
  entity_links: EntityLinksTable;
  search_documents: SearchDocumentsTable;
}
