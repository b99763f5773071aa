// Extension: `POST /api/v1/commands` — the socket command path over HTTP, same ack, same rules.
import type { FastifyInstance } from 'fastify';
import { MAX_COMMAND_BYTES } from '../../shared/protocol/commands';
import type { HttpContext } from './context';
import { statusOf } from './errors';

export function registerCommands(app: FastifyInstance, ctx: HttpContext): void {
  app.post('/api/v1/commands', { bodyLimit: MAX_COMMAND_BYTES * 2 }, async (request, reply) => {
    const ack = await ctx.commands.execute(request.principal!, request.body);
    return reply.code(ack.ok ? 200 : statusOf(ack.error.code)).send(ack);
  });
}
