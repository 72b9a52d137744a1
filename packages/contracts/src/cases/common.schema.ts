import { Type, type Static } from '@sinclair/typebox';

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

/** YYYY-MM-DD */
export const DateOnly = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
export const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const CASE_TYPES = [
  'sexual_exploitation',
  'labour_exploitation',
  'forced_criminality',
  'forced_begging',
  'forced_marriage',
  'organ_removal',
  'migrant_smuggling',
  'other',
] as const;
export const CaseType = Type.Union(CASE_TYPES.map((t) => Type.Literal(t)));
export type CaseType = Static<typeof CaseType>;

/** `closed` is reached only through POST /api/cases/:id/close. */
export const CASE_STATUSES = ['open', 'on_hold', 'referred', 'closed'] as const;
export const CaseStatus = Type.Union(CASE_STATUSES.map((t) => Type.Literal(t)));
export type CaseStatus = Static<typeof CaseStatus>;

export const CASE_ROLES = ['lead', 'investigator', 'analyst', 'prosecutor', 'social_worker', 'observer'] as const;
export const CaseRole = Type.Union(CASE_ROLES.map((t) => Type.Literal(t)));
export type CaseRole = Static<typeof CaseRole>;

export const ENTITY_TYPES = [
  'person',
  'organisation',
  'phone',
  'email',
  'online_account',
  'website',
  'crypto_wallet',
  'bank_account',
  'vehicle',
  'location',
  'document',
] as const;
export const EntityType = Type.Union(ENTITY_TYPES.map((t) => Type.Literal(t)));
export type EntityType = Static<typeof EntityType>;

export const LINK_TYPES = [
  'uses',
  'paid',
  'posted',
  'recruited',
  'employs',
  'owns',
  'contacted',
  'located_at',
  'travelled_with',
  'transported',
  'controls',
  'related_to',
] as const;
export const LinkType = Type.Union(LINK_TYPES.map((t) => Type.Literal(t)));
export type LinkType = Static<typeof LinkType>;

export const Tag = Type.String({ minLength: 1, maxLength: 40, pattern: '^[^\\s,][^,]*$' });

/** A user as shown inside a case (members, task owners, authors). */
export const UserRef = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  agencyName: Type.Union([Type.String(), Type.Null()]),
});
export type UserRef = Static<typeof UserRef>;

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};
