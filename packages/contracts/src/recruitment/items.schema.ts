import { Type, type Static } from '@sinclair/typebox';
import { IndicatorFamily } from './offer-check.schema';

export const CaseParams = Type.Object({ caseId: Type.String({ minLength: 1, maxLength: 64 }) });
export const ItemParams = Type.Object({ itemId: Type.String({ minLength: 1, maxLength: 64 }) });

export const ColumnMapping = Type.Object(
  {
    id: Type.Optional(Type.String({ maxLength: 200 })),
    text: Type.String({ minLength: 1, maxLength: 200 }),
    url: Type.Optional(Type.String({ maxLength: 200 })),
    postedAt: Type.Optional(Type.String({ maxLength: 200 })),
    source: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** POST /api/cases/:caseId/recruitment/imports — the file travels base64-encoded (up to 48 MB of file). */
export const ImportRequest = Type.Object(
  {
    format: Type.Union([
      Type.Literal('jsonl'),
      Type.Literal('csv'),
      Type.Literal('text'),
      Type.Literal('telegram'),
      Type.Literal('whatsapp'),
      Type.Literal('html'),
      Type.Literal('warc'),
    ]),
    mode: Type.Union([Type.Literal('all_or_nothing'), Type.Literal('skip_bad')]),
    encoding: Type.Optional(
      Type.Union([
        Type.Literal('auto'),
        Type.Literal('utf-8'),
        Type.Literal('windows-1250'),
        Type.Literal('windows-1251'),
      ]),
    ),
    fileName: Type.Optional(Type.String({ maxLength: 255 })),
    mapping: Type.Optional(ColumnMapping),
    contentBase64: Type.String({ minLength: 1, maxLength: 64 * 1024 * 1024 }),
  },
  { additionalProperties: false },
);
export type ImportRequest = Static<typeof ImportRequest>;

const ColumnName = Type.String({ minLength: 1, maxLength: 200 });

/**
 * POST /api/cases/:caseId/recruitment/import-jobs/upload — the file is the raw request body
 * (application/octet-stream, up to 256 MiB); the options travel in the query string, the column mapping as one
 * parameter per column (the columns not named keep their default names: id, text, url, posted_at, source).
 */
export const ImportUploadQuery = Type.Object(
  {
    format: ImportRequest.properties.format,
    mode: ImportRequest.properties.mode,
    encoding: ImportRequest.properties.encoding,
    fileName: ImportRequest.properties.fileName,
    textColumn: Type.Optional(ColumnName),
    idColumn: Type.Optional(ColumnName),
    urlColumn: Type.Optional(ColumnName),
    dateColumn: Type.Optional(ColumnName),
    sourceColumn: Type.Optional(ColumnName),
  },
  { additionalProperties: false },
);
export type ImportUploadQuery = Static<typeof ImportUploadQuery>;

/** POST /api/cases/:caseId/recruitment/imports/from-evidence — read a WARC capture or saved HTML page of the case. */
export const EvidenceImportRequest = Type.Object(
  {
    evidenceId: Type.String({ minLength: 1, maxLength: 64 }),
    mode: Type.Union([Type.Literal('all_or_nothing'), Type.Literal('skip_bad')]),
  },
  { additionalProperties: false },
);
export type EvidenceImportRequest = Static<typeof EvidenceImportRequest>;

export const LineError = Type.Object({ line: Type.Integer(), message: Type.String() });

export const ImportResponse = Type.Object({
  importId: Type.String(),
  itemsImported: Type.Integer(),
  flagged: Type.Integer(),
  linesRejected: Type.Integer(),
  errors: Type.Array(LineError),
  encoding: Type.String(),
});
export type ImportResponse = Static<typeof ImportResponse>;

export const ItemListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0 })),
    flagged: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ItemListQuery = Static<typeof ItemListQuery>;

const Relevance = Type.Union([Type.Literal('relevant'), Type.Literal('not_relevant'), Type.Null()]);

export const ItemSummary = Type.Object({
  id: Type.String(),
  externalId: Type.String(),
  excerpt: Type.String(),
  language: Type.String(),
  score: Type.Number(),
  flagged: Type.Boolean(),
  relevance: Relevance,
  postedAt: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]),
  sourcePosition: Type.String(),
  /** The evidence item (HTML page or WARC capture) the item was read from; null for uploaded files. */
  evidenceId: Type.Union([Type.String(), Type.Null()]),
});
export type ItemSummary = Static<typeof ItemSummary>;

export const ItemListResponse = Type.Object({
  items: Type.Array(ItemSummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type ItemListResponse = Static<typeof ItemListResponse>;

export const ItemIndicator = Type.Object({
  id: Type.String(),
  family: IndicatorFamily,
  title: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
  weight: Type.Number(),
  quote: Type.String(),
});

export const ItemIdentifier = Type.Object({
  type: Type.String(),
  value: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
});

export const ItemDetailResponse = Type.Object({
  item: Type.Intersect([
    ItemSummary,
    Type.Object({ text: Type.String(), url: Type.Union([Type.String(), Type.Null()]) }),
  ]),
  indicators: Type.Array(ItemIndicator),
  reasons: Type.Array(Type.String()),
  identifiers: Type.Array(ItemIdentifier),
});
export type ItemDetailResponse = Static<typeof ItemDetailResponse>;

export const MarkRequest = Type.Object({ relevance: Relevance }, { additionalProperties: false });
export type MarkRequest = Static<typeof MarkRequest>;

export const NetworkQuery = Type.Object(
  {
    minDegree: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    /** The most connected identifiers shown (default 200); the exports hold all of them. */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
    /** Items shown per identifier (default 25); its degree counts them all. */
    itemsPerIdentifier: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

export const NetworkResponse = Type.Object({
  identifiers: Type.Array(
    Type.Object({
      key: Type.String(),
      type: Type.String(),
      value: Type.String(),
      degree: Type.Integer(),
      firstSeen: Type.String(),
      lastSeen: Type.String(),
      itemIds: Type.Array(Type.String()),
      sources: Type.Array(Type.String()),
    }),
  ),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      excerpt: Type.String(),
      score: Type.Number(),
      flagged: Type.Boolean(),
      seenAt: Type.String(),
    }),
  ),
  edges: Type.Array(Type.Object({ itemId: Type.String(), identifierKey: Type.String() })),
  totals: Type.Object({ identifiers: Type.Integer(), items: Type.Integer(), edges: Type.Integer() }),
  truncated: Type.Boolean(),
});
export type NetworkResponse = Static<typeof NetworkResponse>;

export const NetworkExportQuery = Type.Object(
  { format: Type.Union([Type.Literal('graphml'), Type.Literal('csv'), Type.Literal('ftm')]) },
  { additionalProperties: false },
);

export const AddEntityRequest = Type.Object(
  { type: Type.String({ minLength: 1, maxLength: 20 }), value: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type AddEntityRequest = Static<typeof AddEntityRequest>;

export const AddEntityResponse = Type.Object({ entityId: Type.String(), created: Type.Boolean() });
export type AddEntityResponse = Static<typeof AddEntityResponse>;

/** GET /api/cases/:caseId/recruitment/templates — the case's template clusters (two or more near-duplicate items). */
export const TemplatesResponse = Type.Object({
  clusters: Type.Array(
    Type.Object({
      cluster: Type.Integer(),
      size: Type.Integer(),
      /** Common text of the cluster with "{slot1}"… where the copies differ. */
      template: Type.String(),
      slots: Type.Array(Type.Object({ name: Type.String(), values: Type.Array(Type.String()) })),
      /** Why they are one template: the least share of word triples any linked pair has in common (percent). */
      minSharedPercent: Type.Integer(),
      /** Contacts and accounts found in two or more members, with how many members give each. */
      sharedIdentifiers: Type.Array(Type.Object({ type: Type.String(), value: Type.String(), items: Type.Integer() })),
      members: Type.Array(
        Type.Object({
          id: Type.String(),
          externalId: Type.String(),
          excerpt: Type.String(),
          score: Type.Number(),
          flagged: Type.Boolean(),
          sourcePosition: Type.String(),
        }),
      ),
    }),
  ),
  /** Items of the case that were compared. */
  itemsCompared: Type.Integer(),
  /** Templates found; `clusters` lists the 200 largest, each with its 50 highest-scoring members (`size` counts all). */
  clustersTotal: Type.Integer(),
});
export type TemplatesResponse = Static<typeof TemplatesResponse>;
