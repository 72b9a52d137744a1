// The one place where errors become HTTP responses. AppError kinds map to statuses; schema failures become
// 400 with the field that failed; anything else is a 500 whose details stay in the server log.
import type { FastifyError, FastifyInstance } from 'fastify';
import { isAppError, type ErrorKind } from '@trag/core/shared';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

function describeValidation(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return error.message;
  const where = error.validationContext ?? 'request';
  const field = first.instancePath ? first.instancePath.replace(/^\//, '').replaceAll('/', '.') : '';
  if (first.keyword === 'additionalProperties') {
    const extra = (first.params as { additionalProperty?: string }).additionalProperty;
    return `Unknown field "${extra}" in the ${where}${field ? ` at "${field}"` : ''}. Remove it and try again.`;
  }
  if (first.keyword === 'required') {
    const missing = (first.params as { missingProperty?: string }).missingProperty;
    return `The ${where} is missing the required field "${field ? `${field}.` : ''}${missing}".`;
  }
  return `Invalid ${where}${field ? ` field "${field}"` : ''}: ${first.message ?? 'does not match the expected format'}.`;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      const status = STATUS[error.kind];
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.status(status).send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (error.validation) {
      return reply.status(400).send({ error: { code: 'invalid_request', message: describeValidation(error) } });
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({
        error: {
          code: 'body_too_large',
          message: 'The request body is too large. Send less data at once or upload it as a file.',
        },
      });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply
        .status(400)
        .send({ error: { code: 'malformed_json', message: 'The request body is not valid JSON.' } });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply
        .status(415)
        .send({ error: { code: 'unsupported_media_type', message: 'Send JSON (Content-Type: application/json).' } });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'bad_request', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'internal_error',
        message: 'Something went wrong on the server. The error was logged; try again or tell your administrator.',
      },
    });
  });

  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send({
      error: { code: 'route_not_found', message: `No API route ${request.method} ${request.url.split('?')[0]}.` },
    });
  });
}
