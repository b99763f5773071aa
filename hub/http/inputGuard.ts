// Refuses path parameters, query values and JSON bodies holding a NUL character with 400
// `invalid` before any route looks them up (PostgreSQL cannot hold NUL in text). The commands
// route is left to CommandService, which refuses such a command with the usual ack.
import type { FastifyInstance } from 'fastify';
import { findNul } from '../domain/nulText';
import { sendError } from './errors';

const ACK_ROUTES = new Set(['/api/v1/commands']);

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request, reply) => {
    const inputs: [string, unknown][] = [['params', request.params], ['query', request.query]];
    if (!ACK_ROUTES.has(request.routeOptions.url ?? '')) inputs.push(['body', request.body]);
    for (const [where, value] of inputs) {
      const path = findNul(value);
      if (path) return sendError(reply, 'invalid', `${path === '(root)' ? where : path}: text may not contain a NUL character`);
    }
  });
}
