// Test builders for the training domain.
import type { Actor, Role } from '../shared/actor';
import { newId } from '../shared/ids';

export function buildTrainingActor(role: Role = 'trainee', overrides: Partial<Actor> = {}): Actor {
  const userId = overrides.userId ?? newId();
  return {
    userId,
    username: `${role}-${userId.slice(0, 6)}`,
    displayName: role,
    agencyId: 'agency-training-centre',
    unitId: null,
    role,
    ip: null,
    via: 'session',
    ...overrides,
  };
}
