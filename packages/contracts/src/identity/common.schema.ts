import { Type, type Static } from '@sinclair/typebox';

/** Same lists as @trag/core/shared ROLES and AGENCY_KINDS (contracts may not import core; a test keeps them equal). */
export const RoleSchema = Type.Union(
  [
    Type.Literal('investigator'),
    Type.Literal('analyst'),
    Type.Literal('prosecutor'),
    Type.Literal('social_worker'),
    Type.Literal('supervisor'),
    Type.Literal('trainer'),
    Type.Literal('trainee'),
    Type.Literal('administrator'),
  ],
  { description: 'One role per user.' },
);
export type RoleName = Static<typeof RoleSchema>;

export const AgencyKindSchema = Type.Union([
  Type.Literal('police'),
  Type.Literal('prosecution'),
  Type.Literal('social_welfare'),
  Type.Literal('labour_inspection'),
  Type.Literal('ngo_service_provider'),
  Type.Literal('training_centre'),
]);
export type AgencyKindName = Static<typeof AgencyKindSchema>;

export const CountryCode = Type.String({
  pattern: '^[A-Z]{2}$',
  description: 'ISO 3166-1 alpha-2 country code (BA, ME, MK, RS, …).',
});

export const LocaleSchema = Type.Union(
  [
    Type.Literal('en'),
    Type.Literal('bs'),
    Type.Literal('sr-Latn'),
    Type.Literal('sr-Cyrl'),
    Type.Literal('cnr'),
    Type.Literal('mk'),
    Type.Literal('sq'),
  ],
  { description: 'User interface language.' },
);
export type LocaleName = Static<typeof LocaleSchema>;

export const IdParams = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export type IdParams = Static<typeof IdParams>;

export const OkResponse = Type.Object({ ok: Type.Literal(true) });
export type OkResponse = Static<typeof OkResponse>;

export const Username = Type.String({
  minLength: 3,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]*$',
  description: 'Letters, digits and . _ @ - ; stored lower-cased.',
});
export const DisplayName = Type.String({ minLength: 1, maxLength: 120 });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });
export const TotpCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'The 6-digit code from the authenticator app.',
});
