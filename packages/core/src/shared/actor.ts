// Who is acting. Built by the API from a session or token, by the CLI from a local operator, and passed to every
// service call: policies decide from it, the audit records it.

export const ROLES = [
  'investigator',
  'analyst',
  'prosecutor',
  'social_worker',
  'supervisor',
  'trainer',
  'trainee',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = [
  'police',
  'prosecution',
  'social_welfare',
  'labour_inspection',
  'ngo_service_provider',
  'training_centre',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  agencyId: string;
  unitId: string | null;
  role: Role;
  /** Client address, for the audit. */
  ip: string | null;
  /** 'session' | 'token' | 'system' (CLI operator, demo loader, migrations) */
  via: 'session' | 'token' | 'system';
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The actor used by local operator commands (CLI run on the server, demo loading). */
export function systemActor(agencyId = 'system'): Actor {
  return {
    userId: 'system',
    username: 'system',
    displayName: 'System',
    agencyId,
    unitId: null,
    role: 'administrator',
    ip: null,
    via: 'system',
  };
}
