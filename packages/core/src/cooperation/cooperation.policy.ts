// Who may do what in cross-border cooperation. Case material itself stays behind case membership (CaseAccess).
import type { Actor, Role } from '@trag/core/shared';
import { forbidden } from '@trag/core/shared';

/** Add, accept and revoke partner agencies; publish the agency's card and index. */
export const PARTNER_MANAGER_ROLES: readonly Role[] = ['supervisor', 'administrator'];
/** See partners, packages and the inbox of the agency. */
export const COOPERATION_READER_ROLES: readonly Role[] = [
  'investigator',
  'analyst',
  'prosecutor',
  'supervisor',
  'administrator',
];
/** Ask partners whether they hold an identifier. */
export const HIT_QUERY_ROLES: readonly Role[] = ['investigator', 'analyst', 'prosecutor', 'supervisor'];

export function requireRole(actor: Actor, roles: readonly Role[], what: string): void {
  if (!roles.includes(actor.role)) {
    throw forbidden('cooperation_forbidden', `Your role cannot ${what}. Ask a supervisor of your agency.`);
  }
}
