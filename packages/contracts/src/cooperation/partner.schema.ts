import { Type, type Static } from '@sinclair/typebox';

/** The public "partner card" an agency hands to another (file or QR code). Holds only public keys. */
export const PartnerCard = Type.Object(
  {
    format: Type.Literal('trag-partner-card/1'),
    agencyName: Type.String({ minLength: 1, maxLength: 200 }),
    country: Type.String({ minLength: 2, maxLength: 2 }),
    kind: Type.String({ minLength: 1, maxLength: 40 }),
    signingKey: Type.String({ minLength: 40, maxLength: 200 }),
    ageRecipient: Type.String({ pattern: '^age1[0-9a-z]{20,200}$' }),
    matchingKey: Type.String({ minLength: 20, maxLength: 100 }),
    endpoint: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
    contact: Type.Union([Type.String({ maxLength: 300 }), Type.Null()]),
    fingerprint: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  },
  { additionalProperties: false },
);
export type PartnerCard = Static<typeof PartnerCard>;

export const PartnerStatus = Type.Union([Type.Literal('pending'), Type.Literal('trusted'), Type.Literal('revoked')]);

export const Partner = Type.Object({
  id: Type.String(),
  agencyName: Type.String(),
  country: Type.String(),
  kind: Type.String(),
  fingerprint: Type.String(),
  /** Grouped for reading aloud. */
  fingerprintReadable: Type.String(),
  endpoint: Type.Union([Type.String(), Type.Null()]),
  contact: Type.Union([Type.String(), Type.Null()]),
  status: PartnerStatus,
  createdAt: Type.String(),
  acceptedAt: Type.Union([Type.String(), Type.Null()]),
});
export type Partner = Static<typeof Partner>;

export const PartnerListResponse = Type.Object({ items: Type.Array(Partner) });
export type PartnerListResponse = Static<typeof PartnerListResponse>;

export const OwnCardQuery = Type.Object(
  {
    /** Base URL partners should call (defaults to the address this request came in on). */
    endpoint: Type.Optional(Type.String({ maxLength: 500 })),
    contact: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type OwnCardQuery = Static<typeof OwnCardQuery>;

export const OwnCardResponse = Type.Object({
  card: PartnerCard,
  fingerprintReadable: Type.String(),
  /** The card as a QR code (SVG markup). */
  qrSvg: Type.String(),
});
export type OwnCardResponse = Static<typeof OwnCardResponse>;

export const PartnerImportRequest = Type.Object({ card: PartnerCard }, { additionalProperties: false });
export type PartnerImportRequest = Static<typeof PartnerImportRequest>;

export const PartnerIdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
export type PartnerIdParams = Static<typeof PartnerIdParams>;
