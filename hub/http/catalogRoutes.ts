// Catalogues: cameras (with their HLS URL), indicators, and map layers (risk points, rescue teams).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isInSubtree } from '../../shared/domain/units';
import type { Camera } from '../../shared/protocol/cameras';
import { LngLat } from '../../shared/protocol/common';
import { UnitCode } from '../../shared/protocol/units';
import { parseAtEdge } from '../../shared/validation';
import { cameraMasterUrl } from '../cameras/routes';
import { cameraMatches, publicIndicator, type CameraDefinition } from '../catalog';
import type { HttpContext } from './context';
import { sendError } from './errors';

const CamerasQuery = z.object({
  unit: UnitCode.optional(),
  near: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'near=<lng>,<lat>')
    .transform((s) => s.split(',').map(Number))
    .pipe(LngLat)
    .optional(),
  /** Part of a camera's name or id, any case. */
  q: z.string().trim().min(1, '1 to 64 characters').max(64, '1 to 64 characters').optional(),
  limit: z.coerce.number().int().min(1).max(10_000).optional(),
});
const UnitQuery = z.object({ unit: UnitCode.optional() });

export function registerCatalog(app: FastifyInstance, ctx: HttpContext): void {
  const wire = (camera: CameraDefinition): Camera => ({
    id: camera.id,
    name: camera.name,
    unit: camera.unit,
    location: camera.location,
    // a file camera's own platform URL, untouched; a loop camera's is on this hub
    hls: camera.hls ?? cameraMasterUrl(ctx.publicBaseUrl(), camera.id),
  });

  app.get('/api/v1/cameras', async (request, reply) => {
    const parsed = parseAtEdge(CamerasQuery, request.query);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const { near, limit, q } = parsed.value;
    const unit = parsed.value.unit ?? request.principal!.unit;
    if (!isInSubtree(unit, request.principal!.unit)) return sendError(reply, 'forbidden', `unit ${unit} is outside your area`);
    const matches = q === undefined ? undefined : (camera: CameraDefinition) => cameraMatches(camera, q);
    if (near) return ctx.cameras.nearestCameras(near, limit ?? 20, unit, matches).map(wire);
    const all = ctx.cameras.all().filter((camera) => isInSubtree(camera.unit, unit) && (!matches || matches(camera)));
    return (limit ? all.slice(0, limit) : all).map(wire);
  });

  app.get('/api/v1/indicators', async (request) => {
    const unit = request.principal!.unit;
    return ctx.indicators.filter((i) => isInSubtree(i.unit, unit)).map(publicIndicator);
  });

  app.get('/api/v1/map/risk-points', async (request, reply) => {
    const parsed = parseAtEdge(UnitQuery, request.query);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const unit = parsed.value.unit ?? request.principal!.unit;
    if (!isInSubtree(unit, request.principal!.unit)) return sendError(reply, 'forbidden', `unit ${unit} is outside your area`);
    return ctx.mapData().riskPoints.filter((p) => isInSubtree(p.unit, unit));
  });

  app.get('/api/v1/map/rescue-teams', async (request, reply) => {
    const parsed = parseAtEdge(UnitQuery, request.query);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const unit = parsed.value.unit ?? request.principal!.unit;
    if (!isInSubtree(unit, request.principal!.unit)) return sendError(reply, 'forbidden', `unit ${unit} is outside your area`);
    return ctx.mapData().rescueTeams.filter((t) => isInSubtree(t.unit, unit));
  });
}
