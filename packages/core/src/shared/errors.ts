// Errors are values with stable codes. Core throws AppError; the API renders it once (apps/api/src/plugins/errors.ts)
// and the CLI once (apps/cli/src/output.ts). Messages must tell a person what to do, and never carry sensitive data.

/** Broad kinds, each mapped to one HTTP status by the API and one exit code by the CLI. */
export type ErrorKind =
  | 'invalid' // 400: the input is wrong
  | 'unauthenticated' // 401: log in first
  | 'forbidden' // 403: logged in, but not allowed
  | 'not_found' // 404: absent, or hidden by need-to-know
  | 'conflict' // 409: clashes with the current state
  | 'too_large' // 413
  | 'rate_limited' // 429
  | 'unavailable' // 503: a dependency is down
  | 'internal'; // 500

export interface AppErrorOptions {
  /** Machine-readable facts for the caller (field names, limits); never secrets or victim data. */
  details?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: Record<string, unknown> | undefined;

  constructor(kind: ErrorKind, code: string, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.details = options.details;
  }
}

export const invalid = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('invalid', code, message, { details });
export const notFound = (code: string, message: string) => new AppError('not_found', code, message);
export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError('conflict', code, message, { details });
export const unauthenticated = (code: string, message: string) => new AppError('unauthenticated', code, message);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Exhaustiveness guard for switches over unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new AppError('internal', 'unexpected_variant', `Unexpected ${what}: ${String(value)}`);
}
