import { Type, type Static } from '@sinclair/typebox';
import { UserRef } from './common.schema';

export const CaseNote = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  author: UserRef,
  /** Markdown */
  body: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type CaseNote = Static<typeof CaseNote>;

export const CaseNoteListResponse = Type.Object({ items: Type.Array(CaseNote) });
export type CaseNoteListResponse = Static<typeof CaseNoteListResponse>;

export const CaseNoteCreateRequest = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 50_000 }) },
  { additionalProperties: false },
);
export type CaseNoteCreateRequest = Static<typeof CaseNoteCreateRequest>;
