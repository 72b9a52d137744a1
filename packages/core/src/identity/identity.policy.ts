// Who may do what with accounts and organisations. Administrators manage their own agency only; supervisors may
// read their agency's accounts; the local operator (CLI, demo loader: via 'system') may do everything.
import { forbidden } from '../shared/errors';
import type { Actor } from '../shared/actor';

export function isSystem(actor: Actor): boolean {
  return actor.via === 'system';
}

export function canManageAgency(actor: Actor, agencyId: string): boolean {
  return isSystem(actor) || (actor.role === 'administrator' && actor.agencyId === agencyId);
}

export function canReadAgencyUsers(actor: Actor, agencyId: string): boolean {
  return canManageAgency(actor, agencyId) || (actor.role === 'supervisor' && actor.agencyId === agencyId);
}

/** Agencies are created by the operator of the installation (CLI, demo), not over the API: see docs/security.md. */
export function canCreateAgency(actor: Actor): boolean {
  return isSystem(actor);
}

export function requireManageAgency(actor: Actor, agencyId: string): void {
  if (!canManageAgency(actor, agencyId)) {
    throw forbidden(
      'not_agency_administrator',
      "Only an administrator of this agency can do this. Ask your agency's administrator.",
    );
  }
}

export function requireReadAgencyUsers(actor: Actor, agencyId: string): void {
  if (!canReadAgencyUsers(actor, agencyId)) {
    throw forbidden(
      'not_agency_administrator',
      "Only administrators and supervisors of this agency can see its accounts. Ask your agency's administrator.",
    );
  }
}
