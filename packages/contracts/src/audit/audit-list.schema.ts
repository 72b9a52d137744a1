import { Type, type Static } from '@sinclair/typebox';

/** A date (2026-11-30) or a date-time (2026-11-30T10:00:00Z); a bare date as `to` means the end of that day. */
const DateOrDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'YYYY-MM-DD or an ISO-8601 date-time with a time zone',
});

const Identifier = Type.String({ minLength: 1, maxLength: 200 });

/** Filters shared by the audit list and its CSV export. */
export const AuditFilterQuery = Type.Object(
  {
    caseId: Type.Optional(Identifier),
    actorUserId: Type.Optional(Identifier),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.]+$' })),
    recordType: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.]+$' })),
    recordId: Type.Optional(Identifier),
    from: Type.Optional(DateOrDateTime),
    to: Type.Optional(DateOrDateTime),
  },
  { additionalProperties: false },
);
export type AuditFilterQuery = Static<typeof AuditFilterQuery>;

export const AuditListQuery = Type.Object(
  {
    ...AuditFilterQuery.properties,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type AuditListQuery = Static<typeof AuditListQuery>;

/** One audit entry as shown to a supervisor: who, when, from where, what, which record. Never protected content. */
export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  actorAgencyId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  recordType: Type.Union([Type.String(), Type.Null()]),
  recordId: Type.Union([Type.String(), Type.Null()]),
  caseId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditListResponse = Type.Object({
  items: Type.Array(AuditEntry),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export type AuditListResponse = Static<typeof AuditListResponse>;
