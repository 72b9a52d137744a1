import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const CustodyEventName = Type.Union([
  Type.Literal('collected'),
  Type.Literal('viewed'),
  Type.Literal('downloaded'),
  Type.Literal('annotated'),
  Type.Literal('exported'),
  Type.Literal('transferred'),
  Type.Literal('sealed'),
  Type.Literal('released'),
  Type.Literal('disposed'),
]);
export type CustodyEventName = Static<typeof CustodyEventName>;

export const EvidenceKind = Type.Union([
  Type.Literal('file'),
  Type.Literal('chat_export'),
  Type.Literal('web_capture'),
  Type.Literal('attachment'),
]);
export const EvidenceStatus = Type.Union([
  Type.Literal('held'),
  Type.Literal('sealed'),
  Type.Literal('released'),
  Type.Literal('disposed'),
  Type.Literal('transferred'),
]);

/** Fields of an upload (multipart form fields beside the file, or CLI options). */
export const EvidenceCollectFields = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    exhibitNumber: Type.Optional(
      Type.String({ minLength: 1, maxLength: 80, pattern: '^[A-Za-z0-9Ѐ-ӿ][A-Za-z0-9Ѐ-ӿ/._ -]*$' }),
    ),
    source: Type.Optional(Type.String({ maxLength: 1000 })),
    legalBasis: Type.Optional(Type.String({ maxLength: 300, description: 'Order or warrant number' })),
    location: Type.Optional(Type.String({ maxLength: 300 })),
    device: Type.Optional(Type.String({ maxLength: 300 })),
    /** Import a recognised export (Telegram, WhatsApp, WARC, HAR, MHTML, HTML) and index its messages/records. */
    import: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type EvidenceCollectFields = Static<typeof EvidenceCollectFields>;

export const EvidenceItem = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  exhibitNumber: Type.String(),
  parentId: Nullable(Type.String()),
  kind: EvidenceKind,
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Sha256,
  description: Type.String(),
  source: Nullable(Type.String()),
  legalBasis: Nullable(Type.String()),
  location: Nullable(Type.String()),
  device: Nullable(Type.String()),
  collectedBy: Type.String(),
  collectedByName: Type.String(),
  collectedAt: Type.String(),
  agencyId: Type.String(),
  status: EvidenceStatus,
  importFormat: Nullable(Type.String()),
  metadata: Type.Record(Type.String(), Type.Unknown()),
  custodyEntries: Type.Integer(),
  /** True when identical content was already stored (another item, same SHA-256). */
  duplicateOf: Type.Array(Type.String()),
});
export type EvidenceItem = Static<typeof EvidenceItem>;

export const EvidenceListQuery = Type.Object(
  {
    kind: Type.Optional(EvidenceKind),
    exhibit: Type.Optional(Type.String({ maxLength: 80 })),
    collector: Type.Optional(Type.String({ maxLength: 80 })),
    from: Type.Optional(Type.String({ maxLength: 40 })),
    to: Type.Optional(Type.String({ maxLength: 40 })),
    includeAttachments: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type EvidenceListQuery = Static<typeof EvidenceListQuery>;

export const EvidenceListResponse = Type.Object({ items: Type.Array(EvidenceItem) });
export type EvidenceListResponse = Static<typeof EvidenceListResponse>;

export const CustodyEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  event: CustodyEventName,
  actorUserId: Type.String(),
  actorName: Type.String(),
  agencyId: Type.String(),
  sha256: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  keyFingerprint: Type.String(),
  prevHash: Type.String(),
  hash: Type.String(),
  timestamped: Type.Boolean(),
});
export type CustodyEntry = Static<typeof CustodyEntry>;

export const EvidenceItemDetail = Type.Object({
  item: EvidenceItem,
  custody: Type.Array(CustodyEntry),
  attachments: Type.Array(EvidenceItem),
});
export type EvidenceItemDetail = Static<typeof EvidenceItemDetail>;

export const CustodyEventRequest = Type.Object(
  {
    event: Type.Union([
      Type.Literal('annotated'),
      Type.Literal('transferred'),
      Type.Literal('sealed'),
      Type.Literal('released'),
      Type.Literal('disposed'),
    ]),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    /** For "transferred": the receiving agency. */
    toAgencyId: Type.Optional(Type.String({ maxLength: 80 })),
    /** Seal number, release order, disposal order … */
    reference: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CustodyEventRequest = Static<typeof CustodyEventRequest>;

export const EvidenceProblem = Type.Object({
  code: Type.String(),
  message: Type.String(),
  seq: Type.Optional(Type.Integer()),
});

export const EvidenceVerifyResponse = Type.Object({
  ok: Type.Boolean(),
  exhibit: Type.String(),
  sha256: Type.String(),
  checkedAt: Type.String(),
  entries: Type.Integer(),
  problems: Type.Array(EvidenceProblem),
});
export type EvidenceVerifyResponse = Static<typeof EvidenceVerifyResponse>;

export const EvidenceMessage = Type.Object({
  index: Type.Integer(),
  ref: Type.String(),
  kind: Type.String(),
  author: Nullable(Type.String()),
  authorId: Nullable(Type.String()),
  time: Type.String(),
  timeBasis: Type.String(),
  text: Type.String(),
  attachments: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: Type.String(),
      mediaType: Nullable(Type.String()),
      omitted: Type.Boolean(),
      itemId: Nullable(Type.String()),
    }),
  ),
  replyTo: Nullable(Type.String()),
  forwardedFrom: Nullable(Type.String()),
  edited: Nullable(Type.String()),
});
export type EvidenceMessage = Static<typeof EvidenceMessage>;

export const EvidenceMessagesQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export const EvidenceMessagesResponse = Type.Object({
  messages: Type.Array(EvidenceMessage),
  total: Type.Integer(),
});
export type EvidenceMessagesResponse = Static<typeof EvidenceMessagesResponse>;

export const EvidenceExportRequest = Type.Object(
  { itemIds: Type.Array(Type.String({ maxLength: 80 }), { minItems: 1, maxItems: 5000 }) },
  { additionalProperties: false },
);
export type EvidenceExportRequest = Static<typeof EvidenceExportRequest>;

export const EvidenceExport = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  itemCount: Type.Integer(),
  sha256: Type.String(),
  size: Type.Integer(),
  fileName: Type.String(),
  signingKeyFingerprint: Type.String(),
});
export type EvidenceExport = Static<typeof EvidenceExport>;

export const PreservationRequestInput = Type.Object(
  {
    itemIds: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 500 })),
    provider: Type.String({ minLength: 1, maxLength: 300 }),
    accounts: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { minItems: 1, maxItems: 100 }),
    from: Type.String({ maxLength: 40 }),
    to: Type.String({ maxLength: 40 }),
    offence: Type.String({ minLength: 1, maxLength: 1000 }),
    summary: Type.String({ minLength: 1, maxLength: 5000 }),
    necessity: Type.String({ minLength: 1, maxLength: 2000 }),
    mutualAssistanceToFollow: Type.Boolean(),
    requestingAuthority: Type.String({ minLength: 1, maxLength: 300 }),
    contact: Type.String({ minLength: 1, maxLength: 300 }),
    format: Type.Optional(Type.Union([Type.Literal('pdf'), Type.Literal('text')])),
  },
  { additionalProperties: false },
);
export type PreservationRequestInput = Static<typeof PreservationRequestInput>;

export const SigningKeyResponse = Type.Object({
  agencyId: Type.String(),
  fingerprint: Type.String(),
  publicKeyPem: Type.String(),
});
export type SigningKeyResponse = Static<typeof SigningKeyResponse>;

export const EvidenceCaptureRequest = Type.Object(
  {
    url: Type.String({ minLength: 8, maxLength: 2000 }),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    source: Type.Optional(Type.String({ maxLength: 1000 })),
    legalBasis: Type.Optional(Type.String({ maxLength: 300 })),
    location: Type.Optional(Type.String({ maxLength: 300 })),
    device: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export type EvidenceCaptureRequest = Static<typeof EvidenceCaptureRequest>;

export const EvidenceCaptureResponse = Type.Object({ items: Type.Array(EvidenceItem) });
export type EvidenceCaptureResponse = Static<typeof EvidenceCaptureResponse>;
