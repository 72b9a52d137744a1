import { Type, type Static } from '@sinclair/typebox';

export const SearchQuery = Type.Object(
  {
    /** Words to find; diacritics and Cyrillic/Latin spelling are ignored. Operators and quotes are taken literally. */
    q: Type.String({ minLength: 1, maxLength: 200 }),
    type: Type.Optional(
      Type.Union([Type.Literal('case'), Type.Literal('entity'), Type.Literal('note'), Type.Literal('task')]),
    ),
    caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchResult = Type.Object({
  recordType: Type.Union([Type.Literal('case'), Type.Literal('entity'), Type.Literal('note'), Type.Literal('task')]),
  recordId: Type.String(),
  caseId: Type.String(),
  caseReference: Type.String(),
  title: Type.String(),
});
export type SearchResult = Static<typeof SearchResult>;

export const SearchResponse = Type.Object({
  items: Type.Array(SearchResult),
  /** true when more results exist beyond offset + limit. */
  more: Type.Boolean(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type SearchResponse = Static<typeof SearchResponse>;
