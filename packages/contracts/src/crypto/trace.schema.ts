import { Type, type Static } from '@sinclair/typebox';

const Address = Type.String({ minLength: 1, maxLength: 200 });

export const TraceRequest = Type.Object(
  {
    seed: Type.Union([
      Type.Object({ address: Address }, { additionalProperties: false }),
      Type.Object({ addresses: Type.Array(Address, { minItems: 1, maxItems: 5000 }) }, { additionalProperties: false }),
      Type.Object({ transferSeq: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    ]),
    direction: Type.Union([Type.Literal('forward'), Type.Literal('backward')]),
    method: Type.Union([Type.Literal('fifo'), Type.Literal('haircut'), Type.Literal('poison')]),
    maxHops: Type.Integer({ minimum: 1, maximum: 20 }),
    maxNodes: Type.Integer({ minimum: 1, maximum: 20000 }),
    asset: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    since: Type.Optional(Type.String({ minLength: 10, maxLength: 40, description: 'ISO-8601 date or date-time' })),
    until: Type.Optional(Type.String({ minLength: 10, maxLength: 40, description: 'ISO-8601 date or date-time' })),
    minValue: Type.Optional(Type.Number({ minimum: 0 })),
    stopAtCategories: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type TraceRequest = Static<typeof TraceRequest>;

export const TraceTransfer = Type.Object({
  id: Type.String(),
  from: Type.String(),
  to: Type.String(),
  amount: Type.Number(),
  time: Type.Number(),
  asset: Type.String(),
  txHash: Type.String(),
  seq: Type.Number(),
});
export const TraceEndpoint = Type.Object({
  node: Type.String(),
  reason: Type.String(),
  stopReason: Type.Optional(Type.String()),
  amount: Type.Number(),
  share: Type.Number(),
  paths: Type.Array(
    Type.Object({ nodes: Type.Array(Type.String()), transfers: Type.Array(Type.String()), amount: Type.Number() }),
  ),
});
export const TraceResult = Type.Object({
  method: Type.String(),
  direction: Type.String(),
  seedValue: Type.Number(),
  endpoints: Type.Array(TraceEndpoint),
  edges: Type.Array(Type.Object({ transfer: TraceTransfer, traced: Type.Number(), hop: Type.Integer() })),
  nodes: Type.Array(Type.Object({ node: Type.String(), hop: Type.Integer() })),
  truncated: Type.Boolean(),
});
export type TraceResult = Static<typeof TraceResult>;
export const TagInfo = Type.Object({
  label: Type.String(),
  category: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  confidence: Type.Union([Type.String(), Type.Null()]),
  pack: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
});
export type TagInfo = Static<typeof TagInfo>;
export const TraceSnapshot = Type.Object({
  maxSeq: Type.Integer(),
  imports: Type.Array(Type.Object({ id: Type.String(), sha256: Type.String(), fileName: Type.String() })),
});
/** Multi-input clusters of the case (from the last clustering run) that trace nodes belong to: node → cluster. */
export const TraceClusters = Type.Record(
  Type.String(),
  Type.Object({
    /** The cluster's smallest address: stable while the cluster does not change. */
    id: Type.String(),
    /** Addresses in the whole cluster (not only those in this trace). */
    size: Type.Integer(),
  }),
);
export type TraceClusters = Static<typeof TraceClusters>;

export const TraceResponse = Type.Object({
  result: TraceResult,
  tags: Type.Record(Type.String(), Type.Array(TagInfo)),
  otherCases: Type.Record(Type.String(), Type.Integer()),
  snapshot: TraceSnapshot,
  clusters: Type.Optional(TraceClusters),
});
export type TraceResponse = Static<typeof TraceResponse>;

export const SaveTraceRequest = Type.Object(
  { title: Type.String({ minLength: 1, maxLength: 200 }), request: TraceRequest },
  { additionalProperties: false },
);
export type SaveTraceRequest = Static<typeof SaveTraceRequest>;
export const SavedTrace = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  title: Type.String(),
  request: TraceRequest,
  resultSha256: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  result: TraceResult,
  tags: Type.Record(Type.String(), Type.Array(TagInfo)),
  otherCases: Type.Record(Type.String(), Type.Integer()),
  snapshot: TraceSnapshot,
  clusters: Type.Optional(TraceClusters),
});
export type SavedTrace = Static<typeof SavedTrace>;
export const SavedTraceListResponse = Type.Object({
  traces: Type.Array(
    Type.Object({ id: Type.String(), title: Type.String(), resultSha256: Type.String(), createdAt: Type.String() }),
  ),
});
export type SavedTraceListResponse = Static<typeof SavedTraceListResponse>;
export const TraceParams = Type.Object(
  { caseId: Type.String({ maxLength: 64 }), traceId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
export type TraceParams = Static<typeof TraceParams>;
export const VerifyTraceResponse = Type.Object({
  same: Type.Boolean(),
  savedSha256: Type.String(),
  rerunSha256: Type.String(),
  missingImports: Type.Array(Type.String()),
});
export type VerifyTraceResponse = Static<typeof VerifyTraceResponse>;
export const TRACE_EXPORT_FORMATS = ['csv', 'transfers_csv', 'graphml', 'ftm', 'pdf', 'data_request'] as const;
export const TraceExportQuery = Type.Object(
  {
    format: Type.Union(TRACE_EXPORT_FORMATS.map((f) => Type.Literal(f))),
    exchange: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type TraceExportQuery = Static<typeof TraceExportQuery>;

export const ClusterResponse = Type.Object({
  addresses: Type.Integer(),
  clusters: Type.Array(Type.Object({ addresses: Type.Array(Type.String()), size: Type.Integer() })),
  coinjoinsExcluded: Type.Array(
    Type.Object({
      txid: Type.String(),
      pattern: Type.Union([Type.String(), Type.Null()]),
      reasons: Type.Array(Type.String()),
    }),
  ),
  hugeFlags: Type.Array(
    Type.Object({ txid: Type.String(), sizeBefore: Type.Integer(), sizeAfter: Type.Integer(), reason: Type.String() }),
  ),
});
export type ClusterResponse = Static<typeof ClusterResponse>;
export const ExplainQuery = Type.Object({ a: Address, b: Address }, { additionalProperties: false });
export type ExplainQuery = Static<typeof ExplainQuery>;
export const ExplainResponse = Type.Object({
  sameEntity: Type.Boolean(),
  chain: Type.Array(Type.Object({ a: Type.String(), b: Type.String(), txid: Type.String() })),
});
export type ExplainResponse = Static<typeof ExplainResponse>;
