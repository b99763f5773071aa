// The unit tree: one unit, or its children.
import type { FastifyInstance } from 'fastify';
import type { Unit } from '../../shared/protocol/units';
import type { UnitRecord } from '../hierarchy';
import type { HttpContext } from './context';
import { sendError } from './errors';

const wire = (unit: UnitRecord): Unit => ({ code: unit.code, level: unit.level, name: unit.name, parent: unit.parent, centroid: unit.centroid });

export function registerUnits(app: FastifyInstance, ctx: HttpContext): void {
  app.get<{ Params: { code: string } }>('/api/v1/units/:code', async (request, reply) => {
    const unit = ctx.hierarchy.get(request.params.code);
    return unit ? wire(unit) : sendError(reply, 'not_found', `unit ${request.params.code} does not exist`);
  });

  app.get<{ Params: { code: string } }>('/api/v1/units/:code/children', async (request, reply) => {
    const unit = ctx.hierarchy.get(request.params.code);
    if (!unit) return sendError(reply, 'not_found', `unit ${request.params.code} does not exist`);
    return ctx.hierarchy.children(unit.code).map(wire);
  });
}
