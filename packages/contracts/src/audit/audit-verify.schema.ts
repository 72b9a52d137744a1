import { Type, type Static } from '@sinclair/typebox';

/** Result of `trag audit verify --json`. */
export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  broken: Type.Union([
    Type.Object({
      seq: Type.Integer(),
      id: Type.String(),
      problem: Type.Union([
        Type.Literal('seq_gap'),
        Type.Literal('prev_hash_mismatch'),
        Type.Literal('hash_mismatch'),
        Type.Literal('head_mismatch'),
      ]),
      message: Type.String(),
    }),
    Type.Null(),
  ]),
  /** The newest entry when the chain holds: keep it outside the database to detect a rewrite of the whole chain. */
  head: Type.Union([Type.Object({ seq: Type.Integer(), hash: Type.String() }), Type.Null()]),
});
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;
