// Tables of the platform domain; its migrations live in ../migrations/ under dated names (2026-11-30T0003-platform*).

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** A background job. Claimed by one worker at a time under a lease (locked_by/locked_until) renewed by heartbeats. */
export interface JobsTable {
  id: string;
  queue: string;
  kind: string;
  /** JSON object given at enqueue; ids and options, never protected content. */
  payload: string;
  status: JobStatus;
  priority: number;
  attempts: number;
  max_attempts: number;
  /** Not claimable before this time (delayed jobs, retry back-off). */
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  heartbeat_at: string | null;
  /** 0–100 */
  progress: number;
  progress_message: string | null;
  /** 0/1: set by a cancel while running; the worker sees it on its next heartbeat. */
  cancel_requested: number;
  /** JSON */
  result: string | null;
  error: string | null;
  case_id: string | null;
  created_by: string | null;
  agency_id: string | null;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface PlatformTables {
  jobs: JobsTable;
}
