// Extension: `GET /api/v1/incidents/:id/dispatch-proposal` — whom the caller's centre should
// dispatch an incident to, from the hub's routing rules (`domain/dispatchProposal.ts`).
import type { FastifyInstance } from 'fastify';
import type { DispatchProposal } from '../../shared/protocol/dispatch';
import { proposeDispatch } from '../domain/dispatchProposal';
import type { HttpContext } from './context';
import { sendError } from './errors';

export function registerDispatch(app: FastifyInstance, ctx: HttpContext): void {
  app.get<{ Params: { id: string } }>('/api/v1/incidents/:id/dispatch-proposal', async (request, reply) => {
    const incident = await ctx.store.getIncident(request.params.id);
    if (!incident) return sendError(reply, 'not_found', `incident ${request.params.id} does not exist`);
    const result = proposeDispatch(ctx.dispatchRules, ctx.hierarchy, incident, request.principal!);
    if (!result.ok) return sendError(reply, result.code, result.message);
    const body: DispatchProposal = result.proposal;
    return body;
  });
}
