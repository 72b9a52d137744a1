// Tables of the victims domain (migration 2026-11-30T0040-victims). Protected content is never stored in clear:
// columns named `*_sealed` hold AES-256-GCM boxes ("v1:…") under the record's data key, which lives wrapped in the
// separate key vault (<dataDir>/keys/data-keys.sqlite), not in this database.

export interface VictimRecordsTable {
  id: string;
  case_id: string;
  /** Agency whose sequence issued the code (the creator's agency). */
  agency_id: string;
  /** Pseudonymous code shown to every case member, e.g. V-2026-0042. */
  code: string;
  /** Id of the data key in the vault; null once erased. */
  data_key_id: string | null;
  /** presumed | identified | not_victim */
  status: string;
  /** Identifying body (who decided the status), e.g. "Centre for Human Trafficking Victims, Belgrade". */
  status_body: string | null;
  /** YYYY-MM-DD */
  status_date: string | null;
  // Non-identifying classification (visible to every member; the source of statistics). HTCDS names in docs.
  /** prs_Gender: Male | Female | TransgenderNonConforming | Unknown */
  gender: string;
  /** 0-11 | 12-17 | 18-24 | 25-34 | 35-49 | 50+ | unknown */
  age_band: string;
  /** 0/1 */
  is_child: number;
  /** prs_Nationality, ISO 3166-1 alpha-2, or XX when unknown */
  nationality: string;
  /** JSON array: sexual | labour | forced_criminality | begging | forced_marriage | organ_removal | other */
  exploitation_types: string;
  /** vic_MethodOfRecruitment value, or Unknown */
  recruitment_method: string;
  /** ISO 3166-1 alpha-2 of the registering agency: retention rules follow it. */
  country: string;
  registration_year: number;
  /** Social worker who owns the record: receives break-glass alerts. */
  owner_user_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
  erased_by: string | null;
  /** Why it was erased (retention rule id or a short reason; never victim data). */
  erasure_reason: string | null;
}

export interface VictimFieldGroupsTable {
  record_id: string;
  /** identity | origin | age | vulnerabilities | health | story | media */
  field_group: string;
  sealed: string;
  updated_by: string;
  updated_at: string;
}

export interface VictimCodeCountersTable {
  agency_id: string;
  year: number;
  last_value: number;
}

export interface VictimAccessLogTable {
  id: string;
  record_id: string;
  case_id: string;
  at: string;
  actor_user_id: string;
  actor_name: string;
  actor_role: string;
  /** read | write | break_glass_read | denied */
  action: string;
  /** JSON array of field group names */
  field_groups: string;
  /** Break-glass reason (the actor's justification, not victim data). */
  reason: string | null;
  /** Break-glass only: when the owner acknowledged the alert. */
  acknowledged_at: string | null;
}

export interface VictimScreeningsTable {
  id: string;
  record_id: string;
  case_id: string;
  form_id: string;
  form_version: number;
  /** Sealed JSON { answers, summary } under the record's key. */
  sealed: string;
  created_by: string;
  created_at: string;
}

export interface VictimInterviewPlansTable {
  id: string;
  record_id: string;
  case_id: string;
  /** YYYY-MM-DD */
  planned_for: string;
  /** JSON of the checklist answers (process facts only; no victim content). */
  checklist: string;
  /** 0/1: every required item satisfied */
  complete: number;
  created_by: string;
  created_at: string;
}

export interface VictimConsentsTable {
  id: string;
  record_id: string;
  case_id: string;
  /** services | sharing | proceedings | statistics */
  purpose: string;
  /** For sharing: the named recipient agency or provider (name text); empty string otherwise. */
  recipient: string;
  /** given | refused | withdrawn */
  state: string;
  /** YYYY-MM-DD */
  decided_on: string;
  /** BCP 47 language in which consent was explained */
  language: string;
  interpreter_used: number;
  /** signed_form | oral_witnessed | audio_recording | electronic */
  recorded_how: string;
  recorded_by: string;
  created_at: string;
}

export interface VictimReferralsTable {
  id: string;
  record_id: string;
  case_id: string;
  /** shelter | medical | psychological | legal_aid | interpretation | education | employment | financial | family_tracing | return_reintegration */
  service_type: string;
  provider_name: string;
  /** When the provider is a Trag agency. */
  provider_agency_id: string | null;
  /** sent | accepted | rejected | done | revoked */
  state: string;
  /** The consent that allowed it, or null with override_reason. */
  consent_id: string | null;
  override_reason: string | null;
  /** JSON array of field group names shared in the letter */
  shared_groups: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface VictimReferralEventsTable {
  id: string;
  referral_id: string;
  at: string;
  actor_user_id: string;
  from_state: string | null;
  to_state: string;
  /** Sealed note under the record's key, or null. */
  note_sealed: string | null;
}

export interface VictimStatReleasesTable {
  id: string;
  /** all | <agency id> */
  scope: string;
  year: number;
  k: number;
  /** JSON of the released (suppressed) cells: frozen so repeated exports cannot be differenced. */
  cells: string;
  created_by: string;
  created_at: string;
}

export interface VictimsTables {
  victim_records: VictimRecordsTable;
  victim_field_groups: VictimFieldGroupsTable;
  victim_code_counters: VictimCodeCountersTable;
  victim_access_log: VictimAccessLogTable;
  victim_screenings: VictimScreeningsTable;
  victim_interview_plans: VictimInterviewPlansTable;
  victim_consents: VictimConsentsTable;
  victim_referrals: VictimReferralsTable;
  victim_referral_events: VictimReferralEventsTable;
  victim_stat_releases: VictimStatReleasesTable;
}
