import { Type, type Static } from '@sinclair/typebox';
import { AgencyKindSchema, CountryCode } from './common.schema';

export const Agency = Type.Object({
  id: Type.String(),
  name: Type.String(),
  country: CountryCode,
  kind: AgencyKindSchema,
  referencePrefix: Type.String(),
  requireTotp: Type.Boolean(),
  createdAt: Type.String(),
});
export type Agency = Static<typeof Agency>;

export const AgencyResponse = Type.Object({ agency: Agency });
export type AgencyResponse = Static<typeof AgencyResponse>;
export const AgencyListResponse = Type.Object({ agencies: Type.Array(Agency) });
export type AgencyListResponse = Static<typeof AgencyListResponse>;

export const UpdateAgencyRequest = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    referencePrefix: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' })),
    requireTotp: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateAgencyRequest = Static<typeof UpdateAgencyRequest>;

export const AgencyUnit = Type.Object({
  id: Type.String(),
  agencyId: Type.String(),
  name: Type.String(),
  createdAt: Type.String(),
});
export type AgencyUnit = Static<typeof AgencyUnit>;

export const AgencyUnitResponse = Type.Object({ unit: AgencyUnit });
export type AgencyUnitResponse = Static<typeof AgencyUnitResponse>;
export const AgencyUnitListResponse = Type.Object({ units: Type.Array(AgencyUnit) });
export type AgencyUnitListResponse = Static<typeof AgencyUnitListResponse>;

export const CreateAgencyUnitRequest = Type.Object(
  { name: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);
export type CreateAgencyUnitRequest = Static<typeof CreateAgencyUnitRequest>;
