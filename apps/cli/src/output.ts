// The one place where the CLI renders errors and chooses exit codes.
import { isAppError, type ErrorKind } from '@trag/core/shared';

const EXIT: Record<ErrorKind, number> = {
  invalid: 2,
  unauthenticated: 3,
  forbidden: 3,
  not_found: 4,
  conflict: 5,
  too_large: 2,
  rate_limited: 6,
  unavailable: 7,
  internal: 1,
};

export function renderError(error: unknown): number {
  if (isAppError(error)) {
    process.stderr.write(`trag: ${error.message} [${error.code}]\n`);
    return EXIT[error.kind];
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`trag: ${message}\n`);
  return 1;
}

/** Wraps a command action so that every error is rendered once and sets the exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void | number>) {
  return async (...args: A): Promise<void> => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (error) {
      process.exitCode = renderError(error);
    }
  };
}
