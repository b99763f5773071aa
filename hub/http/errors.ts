// The HTTP error envelope `{"error":{"code","message"}}` and the status each code maps to.
import type { FastifyReply } from 'fastify';
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
