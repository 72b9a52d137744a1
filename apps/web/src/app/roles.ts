// The roles the API knows (packages/core/src/shared/actor.ts); the UI only uses them to show or hide entries.
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
