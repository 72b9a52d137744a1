// Who may do what with cases. System roles decide only who may START a case; everything inside a case is decided
// by the case role of a member (see case-roles.ts). Administrators and supervisors open no case by their role.
import type { Actor, Role } from '../shared/actor';
import { forbidden } from '../shared/errors';

export const CASE_CREATOR_ROLES: readonly Role[] = ['investigator', 'analyst', 'prosecutor', 'social_worker'];

export function canCreateCase(actor: Actor): boolean {
  return CASE_CREATOR_ROLES.includes(actor.role);
}

export function requireCanCreateCase(actor: Actor): void {
  if (!canCreateCase(actor))
    throw forbidden(
      'case_create_forbidden',
      'Your role cannot start cases. Investigators, analysts, prosecutors and social workers can; ask one of them to add you.',
    );
}

/** Actions that only read; the activity feed leaves them out. */
export const READ_ACTIONS = [
  'case.read',
  'case.list',
  'case.member_list',
  'note.list',
  'task.list',
  'entity.read',
  'entity.list',
  'entity.hit',
  'link.list',
  'case.activity_read',
  'task.read',
  'search.query',
  'dashboard.read',
];
