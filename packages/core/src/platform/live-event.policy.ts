// Who may receive a live event: every audience field that is set must hold (see live-event.ts).
import type { Actor } from '../shared/actor';
import type { LiveEvent } from './live-event';

export interface CaseMembershipCheck {
  isMember(actor: Actor, caseId: string): Promise<boolean>;
}

export async function mayReceiveEvent(actor: Actor, event: LiveEvent, cases: CaseMembershipCheck): Promise<boolean> {
  if (event.userId && event.userId !== actor.userId) return false;
  if (event.agencyId && event.agencyId !== actor.agencyId) return false;
  if (event.caseId) return cases.isMember(actor, event.caseId);
  return Boolean(event.userId || event.agencyId || event.broadcast);
}

/**
 * Remembers membership answers for a short time per connection, so a busy case does not cost one query per event,
 * while a removed member stops receiving events within `ttlMs`.
 */
export class CachedMembership implements CaseMembershipCheck {
  private readonly cache = new Map<string, { member: boolean; until: number }>();
  constructor(
    private readonly inner: CaseMembershipCheck,
    private readonly ttlMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  async isMember(actor: Actor, caseId: string): Promise<boolean> {
    const hit = this.cache.get(caseId);
    if (hit && hit.until > this.now()) return hit.member;
    const member = await this.inner.isMember(actor, caseId);
    this.cache.set(caseId, { member, until: this.now() + this.ttlMs });
    return member;
  }
}
