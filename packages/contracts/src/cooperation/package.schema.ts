import { Type, type Static } from '@sinclair/typebox';

export const HandlingCode = Type.Union([
  Type.Literal('H0'),
  Type.Literal('H1'),
  Type.Literal('H2'),
  Type.Literal('H3'),
]);
export type HandlingCode = Static<typeof HandlingCode>;
/**
 * Handling codes under which received material may not be passed on by the recipient: Trag refuses to put it into an
 * outgoing cooperation package or a court bundle (error `handling_forbids_onward_sharing`). One list, read by both.
 */
export const ONWARD_SHARING_FORBIDDEN_CODES: readonly HandlingCode[] = ['H2', 'H3'];
/** Codes under which received material may not go into a court bundle: the above, and H1 (no use as evidence in court). */
export const COURT_BUNDLE_FORBIDDEN_CODES: readonly HandlingCode[] = ['H1', ...ONWARD_SHARING_FORBIDDEN_CODES];
export const SourceGrade = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);
export const InformationGrade = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]);

export const PackageCreateRequest = Type.Object(
  {
    caseId: Type.String({ maxLength: 80 }),
    partnerIds: Type.Array(Type.String({ maxLength: 80 }), { minItems: 1, maxItems: 20 }),
    entityIds: Type.Array(Type.String({ maxLength: 80 }), { maxItems: 10_000 }),
    noteIds: Type.Array(Type.String({ maxLength: 80 }), { maxItems: 1_000 }),
    evidenceIds: Type.Array(Type.String({ maxLength: 80 }), { maxItems: 10_000 }),
    handlingCode: HandlingCode,
    restrictions: Type.Optional(Type.String({ maxLength: 2000 })),
    sourceGrade: SourceGrade,
    informationGrade: InformationGrade,
    purpose: Type.String({ minLength: 1, maxLength: 2000 }),
    legalBasis: Type.String({ minLength: 1, maxLength: 2000 }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365 }),
    /** Also deliver to each partner's endpoint over HTTPS now. */
    deliver: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PackageCreateRequest = Static<typeof PackageCreateRequest>;

export const PackageSummary = Type.Object({
  id: Type.String(),
  packageId: Type.String(),
  direction: Type.Union([Type.Literal('out'), Type.Literal('in')]),
  status: Type.String(),
  partner: Type.Union([
    Type.Object({ id: Type.String(), agencyName: Type.String(), country: Type.String() }),
    Type.Null(),
  ]),
  senderFingerprint: Type.String(),
  caseId: Type.Union([Type.String(), Type.Null()]),
  handlingCode: HandlingCode,
  restrictions: Type.String(),
  sourceGrade: Type.String(),
  informationGrade: Type.Integer(),
  purpose: Type.String(),
  legalBasis: Type.String(),
  created: Type.String(),
  expires: Type.String(),
  size: Type.Integer(),
  counts: Type.Object({ entities: Type.Integer(), notes: Type.Integer(), evidence: Type.Integer() }),
  receipt: Type.Union([Type.Object({ receivedAt: Type.String(), verified: Type.Boolean() }), Type.Null()]),
  /** Per partner, when delivered over HTTPS. */
  deliveries: Type.Array(
    Type.Object({ partnerId: Type.String(), ok: Type.Boolean(), problem: Type.Union([Type.String(), Type.Null()]) }),
  ),
});
export type PackageSummary = Static<typeof PackageSummary>;

export const PackageListResponse = Type.Object({ items: Type.Array(PackageSummary) });
export type PackageListResponse = Static<typeof PackageListResponse>;

export const PackageIdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
export type PackageIdParams = Static<typeof PackageIdParams>;

export const PackageImportRequest = Type.Object(
  {
    /** Import into this case; or give newCaseTitle to open a new one. */
    caseId: Type.Optional(Type.String({ maxLength: 80 })),
    newCaseTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PackageImportRequest = Static<typeof PackageImportRequest>;

export const PackageImportResponse = Type.Object({
  package: PackageSummary,
  caseId: Type.String(),
  created: Type.Object({ entities: Type.Integer(), notes: Type.Integer(), evidence: Type.Integer() }),
  receiptDelivered: Type.Boolean(),
});
export type PackageImportResponse = Static<typeof PackageImportResponse>;

/** Handling codes of material in a case that came from partners (shown beside the material). */
export const CaseMaterialResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      recordId: Type.String(),
      recordType: Type.String(),
      handlingCode: HandlingCode,
      restrictions: Type.String(),
      from: Type.String(),
      packageId: Type.String(),
    }),
  ),
});
export type CaseMaterialResponse = Static<typeof CaseMaterialResponse>;

export const CaseIdParams = Type.Object({ caseId: Type.String({ maxLength: 80 }) });
export type CaseIdParams = Static<typeof CaseIdParams>;
