import { Type, type Static } from '@sinclair/typebox';
import { CaseRole, CaseStatus, CaseType, DateOnly, PageQuery, Tag } from './common.schema';

const Title = Type.String({ minLength: 1, maxLength: 300 });
const Reference = Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9Ѐ-ӿ][A-Za-z0-9Ѐ-ӿ/._ -]*$' });
const Description = Type.String({ maxLength: 100_000, description: 'Markdown' });
const Jurisdiction = Type.String({ minLength: 1, maxLength: 200 });
const ContactPoint = Type.String({ minLength: 1, maxLength: 300 });

export const CaseSummary = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  title: Type.String(),
  type: CaseType,
  status: CaseStatus,
  jurisdiction: Type.Union([Type.String(), Type.Null()]),
  agencyId: Type.String(),
  agencyName: Type.String(),
  openedOn: Type.String(),
  tags: Type.Array(Type.String()),
  /** The viewer's role in this case. */
  myRole: CaseRole,
  updatedAt: Type.String(),
});
export type CaseSummary = Static<typeof CaseSummary>;

export const CaseDetail = Type.Object({
  ...CaseSummary.properties,
  description: Type.String(),
  incidentFrom: Type.Union([Type.String(), Type.Null()]),
  incidentTo: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  closeReason: Type.Union([Type.String(), Type.Null()]),
  contactPoint: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.String(),
  createdAt: Type.String(),
  counts: Type.Object({
    members: Type.Integer(),
    entities: Type.Integer(),
    links: Type.Integer(),
    notes: Type.Integer(),
    openTasks: Type.Integer(),
  }),
  /** What the viewer may do, so the UI can hide what would be refused. */
  can: Type.Object({ edit: Type.Boolean(), manage: Type.Boolean() }),
});
export type CaseDetail = Static<typeof CaseDetail>;

export const CaseCreateRequest = Type.Object(
  {
    title: Title,
    type: CaseType,
    /** Omit to get the next number of the agency's scheme (PREFIX-YEAR-NNNN). */
    reference: Type.Optional(Reference),
    jurisdiction: Type.Optional(Jurisdiction),
    openedOn: Type.Optional(DateOnly),
    incidentFrom: Type.Optional(DateOnly),
    incidentTo: Type.Optional(DateOnly),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 30 })),
    description: Type.Optional(Description),
    contactPoint: Type.Optional(ContactPoint),
  },
  { additionalProperties: false },
);
export type CaseCreateRequest = Static<typeof CaseCreateRequest>;

/** Every field optional; `null` clears an optional field. */
export const CaseUpdateRequest = Type.Object(
  {
    title: Type.Optional(Title),
    type: Type.Optional(CaseType),
    reference: Type.Optional(Reference),
    status: Type.Optional(
      Type.Union([Type.Literal('open'), Type.Literal('on_hold'), Type.Literal('referred')], {
        description: 'Use /close to close a case.',
      }),
    ),
    jurisdiction: Type.Optional(Type.Union([Jurisdiction, Type.Null()])),
    openedOn: Type.Optional(DateOnly),
    incidentFrom: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    incidentTo: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 30 })),
    description: Type.Optional(Description),
    contactPoint: Type.Optional(Type.Union([ContactPoint, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CaseUpdateRequest = Static<typeof CaseUpdateRequest>;

export const CaseCloseRequest = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);
export type CaseCloseRequest = Static<typeof CaseCloseRequest>;

export const CaseListQuery = Type.Object(
  {
    status: Type.Optional(CaseStatus),
    type: Type.Optional(CaseType),
    tag: Type.Optional(Tag),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuery>;

export const CaseListResponse = Type.Object({
  items: Type.Array(CaseSummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type CaseListResponse = Static<typeof CaseListResponse>;
