import { Type, type Static } from '@sinclair/typebox';

export const AddressParams = Type.Object(
  { address: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type AddressParams = Static<typeof AddressParams>;

/** Same shape as `trag crypto address --json`. */
export const AddressCheckResponse = Type.Object({
  valid: Type.Boolean(),
  chain: Type.Union([Type.Literal('btc'), Type.Literal('eth'), Type.Literal('trx'), Type.Null()]),
  type: Type.Union([Type.String(), Type.Null()]),
  normalized: Type.Union([Type.String(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  warnings: Type.Optional(Type.Array(Type.String())),
  network: Type.Optional(Type.String()),
  witnessVersion: Type.Optional(Type.Integer()),
  payload: Type.Optional(Type.String()),
  /** The error in words a person can act on. */
  message: Type.Optional(Type.String()),
});
export type AddressCheckResponse = Static<typeof AddressCheckResponse>;
