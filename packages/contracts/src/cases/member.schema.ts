import { Type, type Static } from '@sinclair/typebox';
import { CaseRole, Id } from './common.schema';

export const CaseMember = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('user'), Type.Literal('unit')]),
  /** user id or unit id */
  subjectId: Type.String(),
  /** The user's display name, or the unit's name. */
  name: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  caseRole: CaseRole,
  addedAt: Type.String(),
});
export type CaseMember = Static<typeof CaseMember>;

export const CaseMemberListResponse = Type.Object({ items: Type.Array(CaseMember) });
export type CaseMemberListResponse = Static<typeof CaseMemberListResponse>;

/** Exactly one of userId / unitId. A unit member grants every user of that unit. */
export const CaseMemberAddRequest = Type.Object(
  { userId: Type.Optional(Id), unitId: Type.Optional(Id), caseRole: CaseRole },
  { additionalProperties: false },
);
export type CaseMemberAddRequest = Static<typeof CaseMemberAddRequest>;

export const CaseMemberUpdateRequest = Type.Object({ caseRole: CaseRole }, { additionalProperties: false });
export type CaseMemberUpdateRequest = Static<typeof CaseMemberUpdateRequest>;

export const CaseMemberParams = Type.Object({ id: Id, memberId: Id }, { additionalProperties: false });
export type CaseMemberParams = Static<typeof CaseMemberParams>;
