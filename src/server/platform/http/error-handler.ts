import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { findErrorEntry } from '../../../contracts/error-codes';
import type { ErrorBody } from '../../../contracts/errors';
import { isAppError } from '../errors';

export function errorBody(code: string, details: unknown, requestId: string): ErrorBody {
  const entry = findErrorEntry(code);
  return {
    error: { code, message: entry?.ja ?? code, ...(details === undefined ? {} : { details }), requestId },
  };
}

/** The single place errors become responses: `{ error: { code, message, details } }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isAppError(error)) {
      return reply.status(error.status).send(errorBody(error.code, error.details, request.id));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({
        path: `${error.validationContext ?? ''}${v.instancePath || ''}`,
        message: v.message,
        code: (v.params as { issue?: { code?: string } } | undefined)?.issue?.code,
      }));
      return reply.status(400).send(errorBody('request.invalid', details, request.id));
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.status(413).send(errorBody('request.too_large', undefined, request.id));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.status(415).send(errorBody('request.unsupported_media_type', undefined, request.id));
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.status(400).send(errorBody('request.malformed_json', undefined, request.id));
      case 'FST_ERR_VALIDATION':
        return reply.status(400).send(errorBody('request.invalid', error.validation, request.id));
    }
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return reply.status(400).send(errorBody('request.malformed_json', undefined, request.id));
    }
    if (error.statusCode === 429) {
      return reply.status(429).send(errorBody('rate_limited', undefined, request.id));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(400).send(errorBody('request.invalid', undefined, request.id));
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ requestId: request.id, code: error.code }, 'database unavailable');
      reply.header('retry-after', '30');
      return reply.status(503).send(errorBody('database.unavailable', undefined, request.id));
    }
    request.log.error({ err: error, requestId: request.id }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', undefined, request.id));
  });
}

/** Socket errors and PostgreSQL's connection / shutdown classes (08, 57P0x): PostgreSQL is down or restarting. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);
function isDatabaseUnavailable(error: { code?: string; message?: string }): boolean {
  const code = String(error.code ?? '');
  return (
    UNAVAILABLE_CODES.has(code) ||
    /^08\d{3}$/.test(code) ||
    /Connection terminated|connect ECONNREFUSED/.test(error.message ?? '')
  );
}
