import { Type, type Static } from '@sinclair/typebox';
import { EntityType, Id, LinkType, PageQuery } from './common.schema';

const Label = Type.String({ minLength: 1, maxLength: 300 });
const Source = Type.String({ minLength: 1, maxLength: 200, description: 'manual, evidence:<id>, recruitment:<id> …' });
/** Free facts about an entity (e.g. nationality, date of birth, model, colour): string values only. */
const Attributes = Type.Record(
  Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z][A-Za-z0-9_]*$' }),
  Type.String({ maxLength: 2000 }),
  {
    maxProperties: 40,
  },
);

export const Entity = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  type: EntityType,
  label: Type.String(),
  /** Normalised identifier (E.164, lower-cased e-mail, canonical URL, platform:handle, IBAN, wallet …). */
  identifierKey: Type.Union([Type.String(), Type.Null()]),
  identifierDisplay: Type.Union([Type.String(), Type.Null()]),
  attributes: Type.Record(Type.String(), Type.String()),
  source: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** How many other cases hold the same identifier (members and non-members alike; details via GET /api/entities/:id). */
  hitCount: Type.Integer(),
});
export type Entity = Static<typeof Entity>;

export const EntityListQuery = Type.Object(
  { type: Type.Optional(EntityType), ...PageQuery },
  { additionalProperties: false },
);
export type EntityListQuery = Static<typeof EntityListQuery>;

export const EntityListResponse = Type.Object({
  items: Type.Array(Entity),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type EntityListResponse = Static<typeof EntityListResponse>;

/**
 * Identifier entity types (phone, email, online_account, website, crypto_wallet, bank_account, vehicle, document)
 * need `identifier` (and `platform` for online_account); person, organisation and location need `label`.
 * Adding an identifier already in the case returns the existing entity (200 instead of 201).
 */
export const EntityCreateRequest = Type.Object(
  {
    type: EntityType,
    label: Type.Optional(Label),
    identifier: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    platform: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    attributes: Type.Optional(Attributes),
    source: Type.Optional(Source),
  },
  { additionalProperties: false },
);
export type EntityCreateRequest = Static<typeof EntityCreateRequest>;

export const EntityUpdateRequest = Type.Object(
  { label: Type.Optional(Label), attributes: Type.Optional(Attributes) },
  { additionalProperties: false, minProperties: 1 },
);
export type EntityUpdateRequest = Static<typeof EntityUpdateRequest>;

/** The same identifier in another case. Members get the case; others only that it exists and whom to contact. */
export const EntityOccurrence = Type.Union([
  Type.Object({
    access: Type.Literal('member'),
    caseId: Type.String(),
    caseReference: Type.String(),
    caseTitle: Type.String(),
    entityId: Type.String(),
    agencyName: Type.String(),
    country: Type.String(),
  }),
  Type.Object({
    access: Type.Literal('hit'),
    exists: Type.Literal(true),
    agencyName: Type.String(),
    country: Type.String(),
    contactPoint: Type.Union([Type.String(), Type.Null()]),
  }),
]);
export type EntityOccurrence = Static<typeof EntityOccurrence>;

export const EntityLinkSummary = Type.Object({
  id: Type.String(),
  type: LinkType,
  direction: Type.Union([Type.Literal('out'), Type.Literal('in')]),
  other: Type.Object({ id: Type.String(), type: EntityType, label: Type.String() }),
  source: Type.String(),
});

export const EntityDetail = Type.Object({
  entity: Entity,
  caseReference: Type.String(),
  caseTitle: Type.String(),
  links: Type.Array(EntityLinkSummary),
  occurrences: Type.Array(EntityOccurrence),
});
export type EntityDetail = Static<typeof EntityDetail>;

export const EntityCreateResponse = Type.Object({ entity: Entity, created: Type.Boolean() });
export type EntityCreateResponse = Static<typeof EntityCreateResponse>;

export const EntityLink = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  fromEntityId: Type.String(),
  toEntityId: Type.String(),
  type: LinkType,
  source: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});
export type EntityLink = Static<typeof EntityLink>;

export const EntityLinkListResponse = Type.Object({ items: Type.Array(EntityLink) });
export type EntityLinkListResponse = Static<typeof EntityLinkListResponse>;

export const EntityLinkCreateRequest = Type.Object(
  {
    fromEntityId: Id,
    toEntityId: Id,
    type: LinkType,
    source: Type.Optional(Source),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type EntityLinkCreateRequest = Static<typeof EntityLinkCreateRequest>;
