// Tables of the training domain; its migrations live in ../migrations/ under dated names (0060…0069).
// Training data never references cases.

export interface TrainingScenariosTable {
  id: string;
  /** Stable name of the scenario line (e.g. labour-exploitation-interview); versions share it. */
  slug: string;
  version: number;
  /** draft | published */
  status: string;
  /** JSON: language → title */
  title: string;
  /** JSON: language → summary */
  summary: string;
  country: string | null;
  child: number;
  /** JSON: language → ink source */
  sources: string;
  /** JSON: language → compiled story JSON (set when the checker passed) */
  compiled: string | null;
  /** JSON: the last checker result (findings, rules, indicators) */
  check_result: string | null;
  /** The scenario row this one was copied from. */
  based_on: string | null;
  /** 1 for scenarios shipped with Trag (loaded from packages/core/src/training/scenarios). */
  shipped: number;
  owner_id: string | null;
  agency_id: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

export interface TrainingSessionsTable {
  id: string;
  /** Short join code (6 characters, no look-alikes). */
  code: string;
  title: string;
  group_name: string;
  language: string;
  /** JSON: scenario ids, in order */
  scenario_ids: string;
  /** open | paused | closed */
  status: string;
  /** Trainees may take decisions up to this step (null: no limit). */
  released_step: number | null;
  trainer_id: string;
  agency_id: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface TrainingParticipantsTable {
  id: string;
  session_id: string;
  user_id: string;
  display_name: string;
  /** Opaque id used as the xAPI actor account name (never the user id or a name). */
  actor_key: string;
  joined_at: string;
}

export interface TrainingAttemptsTable {
  id: string;
  scenario_id: string;
  session_id: string | null;
  participant_id: string | null;
  user_id: string;
  language: string;
  /** in_progress | completed | ended_critical */
  status: string;
  ink_state: string;
  /** JSON: Decision[] */
  decisions: string;
  step: number;
  current_knot: string | null;
  /** The text shown at the current decision point (so a resumed attempt shows it again). */
  last_text: string;
  /** JSON: AttemptScore (when finished) */
  score: string | null;
  critical: number;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface TrainingXapiStatementsTable {
  id: string;
  attempt_id: string;
  /** Order within the attempt: 0 initialized, then one per choice, then the outcome. */
  seq: number;
  verb: string;
  /** JSON: the xAPI statement as stored and forwarded */
  statement: string;
  stored_at: string;
  forwarded_at: string | null;
}

export interface TrainingExercisesTable {
  id: string;
  session_id: string;
  /** ad-templates | wallet-trace | chat-evidence | screening-referral */
  kind: string;
  /** The material and its expected answer are generated from (kind, seed); nothing else is stored. */
  seed: string;
  position: number;
  created_by: string;
  created_at: string;
}

export interface TrainingExerciseWorkTable {
  id: string;
  exercise_id: string;
  participant_id: string;
  user_id: string;
  /** SHA-256 of the sandbox bundle this trainee exported (chat-evidence). */
  bundle_sha256: string | null;
  bundle_verified: number;
  submissions: number;
  /** JSON: the last answer */
  answer: string | null;
  /** JSON: AnswerVerdict of the last answer */
  verdict: string | null;
  correct: number;
  created_at: string;
  updated_at: string;
}

export interface TrainingLtiPlatformsTable {
  id: string;
  issuer: string;
  client_id: string;
  /** JSON: string[] */
  deployment_ids: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_url: string;
  /** The agency whose administrator registered the LMS; launched learners play as its trainees. */
  agency_id: string;
  created_by: string;
  created_at: string;
}

export interface TrainingLtiLaunchesTable {
  id: string;
  /** SHA-256 of the launch token that the player URL carries (the token itself is never stored). */
  token_hash: string;
  platform_id: string;
  /** The LMS's opaque user id (sub); never a name or e-mail. */
  lti_user_id: string;
  /** The pseudonymous Trag user id the attempt belongs to. */
  user_id: string;
  attempt_id: string;
  line_item: string | null;
  can_score: number;
  created_at: string;
  expires_at: string;
  score_sent_at: string | null;
  score_error: string | null;
}

/** A pending OIDC login, taken (deleted) by the one launch that answers it; pruned once expired. */
export interface TrainingLtiLoginsTable {
  /** SHA-256 of the state sent to the LMS (the state itself is never stored). */
  state_hash: string;
  /** The nonce the launch's id_token must carry. */
  nonce: string;
  platform_id: string;
  /** The target_link_uri of the login initiation; the launch must name the same. */
  target_link_uri: string;
  created_at: string;
  expires_at: string;
}

export interface TrainingTables {
  training_lti_platforms: TrainingLtiPlatformsTable;
  training_lti_logins: TrainingLtiLoginsTable;
  training_lti_launches: TrainingLtiLaunchesTable;
  training_exercises: TrainingExercisesTable;
  training_exercise_work: TrainingExerciseWorkTable;
  training_scenarios: TrainingScenariosTable;
  training_sessions: TrainingSessionsTable;
  training_participants: TrainingParticipantsTable;
  training_attempts: TrainingAttemptsTable;
  training_xapi_statements: TrainingXapiStatementsTable;
}
