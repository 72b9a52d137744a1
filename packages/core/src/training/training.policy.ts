// Who may do what in training. Training never touches real cases, so these rules are about roles only:
// trainers (and administrators) author scenarios and run sessions; anyone signed in may play and join a session.
import type { Actor } from '../shared/actor';
import { forbidden } from '../shared/errors';

const AUTHORS = new Set(['trainer', 'administrator']);

export function mayAuthor(actor: Actor): boolean {
  return AUTHORS.has(actor.role);
}

export function requireAuthor(actor: Actor): void {
  if (!mayAuthor(actor)) {
    throw forbidden('training_trainer_only', 'Only trainers can author scenarios and run training sessions.');
  }
}

/** The trainer who runs a session, or an administrator of the same agency. */
export function requireSessionOwner(actor: Actor, session: { trainer_id: string; agency_id: string }): void {
  const owner = session.trainer_id === actor.userId;
  const admin = actor.role === 'administrator' && actor.agencyId === session.agency_id;
  if (!owner && !admin) {
    throw forbidden('training_session_not_yours', 'Only the trainer who runs this session can do this.');
  }
}
