import { Type, type Static } from '@sinclair/typebox';

const Uuid = Type.String({ minLength: 36, maxLength: 36, pattern: '^[0-9a-fA-F-]{36}$' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const FieldGroupName = Type.Union(
  (['identity', 'origin', 'age', 'vulnerabilities', 'health', 'story', 'media'] as const).map((g) => Type.Literal(g)),
);
export type FieldGroupName = Static<typeof FieldGroupName>;

export const VictimStatus = Type.Union([
  Type.Literal('presumed'),
  Type.Literal('identified'),
  Type.Literal('not_victim'),
]);

/** One field group's values; field names are validated by the server against the group's definition. */
export const GroupValues = Type.Record(
  Type.String({ maxLength: 64 }),
  Type.Union([
    Type.String({ maxLength: 20000 }),
    Type.Boolean(),
    Type.Array(Type.String({ maxLength: 500 }), { maxItems: 50 }),
  ]),
);

export const Groups = Type.Object(
  {
    identity: Type.Optional(GroupValues),
    origin: Type.Optional(GroupValues),
    age: Type.Optional(GroupValues),
    vulnerabilities: Type.Optional(GroupValues),
    health: Type.Optional(GroupValues),
    story: Type.Optional(GroupValues),
    media: Type.Optional(GroupValues),
  },
  { additionalProperties: false },
);
export type Groups = Static<typeof Groups>;

export const Classification = Type.Object(
  {
    gender: Type.String({ maxLength: 40 }),
    ageBand: Type.String({ maxLength: 10 }),
    isChild: Type.Boolean(),
    nationality: Type.String({ pattern: '^[A-Z]{2}$' }),
    exploitationTypes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 7 }),
    recruitmentMethod: Type.String({ maxLength: 60 }),
  },
  { additionalProperties: false },
);
export type Classification = Static<typeof Classification>;

export const VictimSummary = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  code: Type.String(),
  status: Type.String(),
  statusBody: Type.Union([Type.String(), Type.Null()]),
  statusDate: Type.Union([Type.String(), Type.Null()]),
  classification: Classification,
  erased: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type VictimSummary = Static<typeof VictimSummary>;

export const VictimRecord = Type.Object({
  ...VictimSummary.properties,
  groups: Groups,
  readable: Type.Array(Type.String()),
  writable: Type.Array(Type.String()),
  breakGlass: Type.Boolean(),
});
export type VictimRecord = Static<typeof VictimRecord>;

export const CaseParams = Type.Object({ caseId: Uuid });
export const VictimParams = Type.Object({ id: Uuid });
export const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

export const VictimListResponse = Type.Object({ victims: Type.Array(VictimSummary) });
export type VictimListResponse = Static<typeof VictimListResponse>;
export const VictimResponse = Type.Object({ victim: VictimRecord });
export type VictimResponse = Static<typeof VictimResponse>;

export const CreateVictimRequest = Type.Object(
  {
    classification: Classification,
    status: Type.Optional(VictimStatus),
    statusBody: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    statusDate: Type.Optional(Type.Union([Day, Type.Null()])),
    groups: Type.Optional(Groups),
  },
  { additionalProperties: false },
);
export type CreateVictimRequest = Static<typeof CreateVictimRequest>;

export const UpdateGroupsRequest = Type.Object({ groups: Groups }, { additionalProperties: false });
export type UpdateGroupsRequest = Static<typeof UpdateGroupsRequest>;

export const SetStatusRequest = Type.Object(
  {
    status: VictimStatus,
    statusBody: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    statusDate: Type.Union([Day, Type.Null()]),
    classification: Type.Optional(Classification),
  },
  { additionalProperties: false },
);
export type SetStatusRequest = Static<typeof SetStatusRequest>;

export const BreakGlassRequest = Type.Object(
  { reason: Type.String({ minLength: 10, maxLength: 500 }) },
  { additionalProperties: false },
);
export type BreakGlassRequest = Static<typeof BreakGlassRequest>;

export const AccessLogEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorUserId: Type.String(),
  actorName: Type.String(),
  actorRole: Type.String(),
  action: Type.String(),
  fieldGroups: Type.Array(Type.String()),
  reason: Type.Union([Type.String(), Type.Null()]),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
});
export const AccessLogQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
});
export const AccessLogResponse = Type.Object({ entries: Type.Array(AccessLogEntry), total: Type.Integer() });
export type AccessLogResponse = Static<typeof AccessLogResponse>;

export const BreakGlassAlert = Type.Object({
  id: Type.String(),
  recordId: Type.String(),
  caseId: Type.String(),
  code: Type.String(),
  at: Type.String(),
  actorName: Type.String(),
  actorRole: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export const AlertsResponse = Type.Object({ alerts: Type.Array(BreakGlassAlert) });
export type AlertsResponse = Static<typeof AlertsResponse>;
export const AlertParams = Type.Object({ id: Uuid });

export const VisibilityResponse = Type.Object({
  roles: Type.Array(
    Type.Object({
      role: Type.String(),
      read: Type.Array(Type.String()),
      write: Type.Array(Type.String()),
      why: Type.String(),
    }),
  ),
});
export type VisibilityResponse = Static<typeof VisibilityResponse>;

export const OkResponse = Type.Object({ ok: Type.Literal(true) });
