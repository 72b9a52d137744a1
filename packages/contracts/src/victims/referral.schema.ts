import { Type, type Static } from '@sinclair/typebox';
import { FieldGroupName } from './record.schema';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const ConsentPurpose = Type.Union([
  Type.Literal('services'),
  Type.Literal('sharing'),
  Type.Literal('proceedings'),
  Type.Literal('statistics'),
]);

export const CreateConsentRequest = Type.Object(
  {
    purpose: ConsentPurpose,
    recipient: Type.Optional(Type.String({ maxLength: 200 })),
    state: Type.Union([Type.Literal('given'), Type.Literal('refused'), Type.Literal('withdrawn')]),
    decidedOn: Day,
    language: Type.String({ minLength: 2, maxLength: 20 }),
    interpreterUsed: Type.Boolean(),
    recordedHow: Type.Union([
      Type.Literal('signed_form'),
      Type.Literal('oral_witnessed'),
      Type.Literal('audio_recording'),
      Type.Literal('electronic'),
    ]),
  },
  { additionalProperties: false },
);
export type CreateConsentRequest = Static<typeof CreateConsentRequest>;

export const Consent = Type.Object({
  id: Type.String(),
  purpose: Type.String(),
  recipient: Type.String(),
  state: Type.String(),
  decidedOn: Type.String(),
  language: Type.String(),
  interpreterUsed: Type.Boolean(),
  recordedHow: Type.String(),
  recordedBy: Type.String(),
  createdAt: Type.String(),
});
export type Consent = Static<typeof Consent>;
export const ConsentListResponse = Type.Object({ consents: Type.Array(Consent) });
export type ConsentListResponse = Static<typeof ConsentListResponse>;

export const ServiceType = Type.Union(
  (
    [
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
    ] as const
  ).map((s) => Type.Literal(s)),
);

export const CreateReferralRequest = Type.Object(
  {
    serviceType: ServiceType,
    providerName: Type.String({ minLength: 1, maxLength: 200 }),
    providerAgencyId: Type.Optional(Type.Union([Type.String({ maxLength: 36 }), Type.Null()])),
    sharedGroups: Type.Array(FieldGroupName, { maxItems: 7 }),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    overrideReason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type CreateReferralRequest = Static<typeof CreateReferralRequest>;

export const ReferralStateRequest = Type.Object(
  {
    to: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Literal('done'), Type.Literal('revoked')]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ReferralStateRequest = Static<typeof ReferralStateRequest>;

export const Referral = Type.Object({
  id: Type.String(),
  recordId: Type.String(),
  caseId: Type.String(),
  serviceType: Type.String(),
  providerName: Type.String(),
  state: Type.String(),
  consentBased: Type.Boolean(),
  overrideReason: Type.Union([Type.String(), Type.Null()]),
  sharedGroups: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
});
export type Referral = Static<typeof Referral>;
export const ReferralResponse = Type.Object({ referral: Referral });
export const ReferralListResponse = Type.Object({ referrals: Type.Array(Referral) });
export type ReferralListResponse = Static<typeof ReferralListResponse>;

export const OpenReferral = Type.Object({
  id: Type.String(),
  recordId: Type.String(),
  caseId: Type.String(),
  code: Type.String(),
  serviceType: Type.String(),
  providerName: Type.String(),
  state: Type.String(),
  createdAt: Type.String(),
  ageDays: Type.Integer(),
});
export const OpenReferralsResponse = Type.Object({ referrals: Type.Array(OpenReferral) });
export type OpenReferralsResponse = Static<typeof OpenReferralsResponse>;

export const Helpline = Type.Object({
  country: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  source: Type.String(),
  readOn: Type.String(),
});
export const HelplinesQuery = Type.Object({ country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })) });
export const HelplinesResponse = Type.Object({ helplines: Type.Array(Helpline) });
export type HelplinesResponse = Static<typeof HelplinesResponse>;
