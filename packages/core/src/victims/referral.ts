// Referral states and service types, pure.
import { conflict } from '../shared/errors';

export const SERVICE_TYPES = [
  'shelter',
  'medical',
  'psychological',
  'legal_aid',
  'interpretation',
  'education',
  'employment',
  'financial',
  'family_tracing',
  'return_reintegration',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const REFERRAL_STATES = ['sent', 'accepted', 'rejected', 'done', 'revoked'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

const NEXT: Record<ReferralState, readonly ReferralState[]> = {
  sent: ['accepted', 'rejected', 'revoked'],
  accepted: ['done', 'revoked'],
  rejected: [],
  done: [],
  revoked: [],
};

export function isOpenReferral(state: string): boolean {
  return state === 'sent' || state === 'accepted';
}

export function requireTransition(from: ReferralState, to: ReferralState): void {
  if (!NEXT[from].includes(to)) {
    throw conflict('referral_transition_invalid', `A referral that is ${from} cannot become ${to}.`, { from, to });
  }
}

/** Whole days between two ISO timestamps. */
export function ageInDays(fromIso: string, now: Date): number {
  return Math.floor((now.getTime() - new Date(fromIso).getTime()) / 86_400_000);
}
