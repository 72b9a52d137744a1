import { Type, type Static } from '@sinclair/typebox';

/** Every 4xx/5xx response body. `code` is stable (see docs/architecture.md#errors); `message` is for people. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;
