import { Type, type Static } from '@sinclair/typebox';

export const MatchableType = Type.Union([
  Type.Literal('phone'),
  Type.Literal('email'),
  Type.Literal('crypto_wallet'),
  Type.Literal('iban'),
  Type.Literal('online_account'),
  Type.Literal('document'),
]);

export const HitQueryRequest = Type.Object(
  {
    partnerIds: Type.Array(Type.String({ maxLength: 80 }), { minItems: 1, maxItems: 20 }),
    identifiers: Type.Array(
      Type.Object(
        { type: MatchableType, value: Type.String({ minLength: 1, maxLength: 300 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 10_000 },
    ),
    /** Why you ask (audited on both sides). */
    purpose: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type HitQueryRequest = Static<typeof HitQueryRequest>;

export const HitQueryResponse = Type.Object({
  results: Type.Array(
    Type.Object({
      partnerId: Type.String(),
      agencyName: Type.String(),
      country: Type.String(),
      ok: Type.Boolean(),
      problem: Type.Union([Type.String(), Type.Null()]),
      /** Contact point for a follow-up request, when there is at least one hit. */
      contact: Type.Union([Type.String(), Type.Null()]),
      hits: Type.Array(Type.Object({ type: Type.String(), value: Type.String() })),
    }),
  ),
});
export type HitQueryResponse = Static<typeof HitQueryResponse>;

/** Hit/no-hit protocol version (see docs/cooperation.md); a partner on another version is refused, never mixed. */
export const HitProtocol = Type.Literal('trag-hit-v2');

/** Partner-facing (signed requests): blinded X25519 u-coordinates (base64url, 32 bytes) in, evaluated ones out. */
export const EvaluateRequest = Type.Object(
  {
    protocol: HitProtocol,
    blinded: Type.Array(Type.String({ pattern: '^[A-Za-z0-9_-]{43}$' }), { minItems: 1, maxItems: 10_000 }),
    purpose: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type EvaluateRequest = Static<typeof EvaluateRequest>;

export const EvaluateResponse = Type.Object({
  protocol: HitProtocol,
  evaluated: Type.Array(Type.String()),
  contact: Type.Union([Type.String(), Type.Null()]),
});
export type EvaluateResponse = Static<typeof EvaluateResponse>;

export const IndexResponse = Type.Object({
  protocol: HitProtocol,
  entries: Type.Array(Type.String()),
  generatedAt: Type.String(),
});
export type IndexResponse = Static<typeof IndexResponse>;

export const IndexRefreshResponse = Type.Object({
  indexed: Type.Integer(),
  added: Type.Integer(),
  removed: Type.Integer(),
});
export type IndexRefreshResponse = Static<typeof IndexRefreshResponse>;

export const AgencyParams = Type.Object({ agencyId: Type.String({ maxLength: 80 }) });
export type AgencyParams = Static<typeof AgencyParams>;

export const PartnerAck = Type.Object({ ok: Type.Boolean(), status: Type.String() });
export type PartnerAck = Static<typeof PartnerAck>;

/** A signed receipt for a received package. */
export const Receipt = Type.Object(
  {
    format: Type.Literal('trag-receipt/1'),
    packageId: Type.String({ maxLength: 80 }),
    envelopeSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    sender: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    recipient: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    receivedAt: Type.String({ maxLength: 40 }),
    evidence: Type.Array(
      Type.Object({ sha256: Type.String(), exhibitNumber: Type.String() }, { additionalProperties: false }),
    ),
    signature: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type Receipt = Static<typeof Receipt>;
