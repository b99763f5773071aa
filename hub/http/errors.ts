// The HTTP error envelope `{"error":{"code","message"}}`, the status each code maps to, and the
// handlers that put fastify's own errors (bad JSON, oversized bodies, unknown routes) in it too.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../shared/protocol/common';

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  invalid: 400,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function sendError(reply: FastifyReply, code: ErrorCode, message: string): FastifyReply {
  return reply.code(STATUS[code]).send({ error: { code, message } });
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** Client errors fastify raises before a route runs, said plainly. */
const FASTIFY_MESSAGES: Record<string, (error: FastifyError) => string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => 'the body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: () => 'the body is empty but its content-type says JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: () => 'the body is larger than this route accepts',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => 'this content-type is not accepted; send application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => 'the content-length does not match the body',
};

/** The envelope code for a client-error status; any other 4xx is `invalid` (its status kept). */
const CODE_OF_STATUS: Record<number, ErrorCode> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 429: 'rate_limited' };

/** The envelope (status, code, message) for an error a handler or fastify threw. */
export function envelopeOf(error: FastifyError): { status: number; code: ErrorCode; message: string } {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) {
    return { status: 500, code: 'internal', message: 'the hub could not process the request' };
  }
  const describe = FASTIFY_MESSAGES[error.code];
  return { status, code: CODE_OF_STATUS[status] ?? 'invalid', message: describe ? describe(error) : error.message };
}

/** Every error and unknown route answers in the envelope; server errors are logged with the request id. */
export function registerErrorHandlers(app: FastifyInstance, log: (message: string) => void): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, code, message } = envelopeOf(error);
    if (code === 'internal') log(`request ${request.id} ${request.method} ${request.url.split('?')[0]} failed: ${error.stack ?? error.message}`);
    return reply.code(status).send({ error: { code, message } });
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
  );
}
