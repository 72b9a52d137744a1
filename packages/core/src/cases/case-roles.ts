// Case roles: what a member may do inside one case. Independent of the user's system role (investigator,
// supervisor …): need-to-know means a system role never opens a case by itself; membership does.
export const CASE_ROLES = ['lead', 'investigator', 'analyst', 'prosecutor', 'social_worker', 'observer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export function isCaseRole(value: string): value is CaseRole {
  return (CASE_ROLES as readonly string[]).includes(value);
}

/** Higher wins when a user is a member both directly and through their unit. */
const RANK: Record<CaseRole, number> = {
  lead: 5,
  investigator: 4,
  prosecutor: 4,
  analyst: 3,
  social_worker: 3,
  observer: 1,
};

export function strongestCaseRole(roles: readonly CaseRole[]): CaseRole | null {
  let best: CaseRole | null = null;
  for (const role of roles) if (best === null || RANK[role] > RANK[best]) best = role;
  return best;
}

/** Every member except an observer may change the case's content (details, notes, tasks, entities, links). */
export function caseRoleCanWrite(role: CaseRole): boolean {
  return role !== 'observer';
}

/** Only a lead manages members, closes and reopens the case. */
export function caseRoleCanManage(role: CaseRole): boolean {
  return role === 'lead';
}
