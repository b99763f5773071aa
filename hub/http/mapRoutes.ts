// Map geometry for the 3D scene: the areas of a unit's children, the buildings of a street, and
// the run-time replacement of the imported footprints (admin or trainer).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isInSubtree } from '../../shared/domain/units';
import { describeProblems, parseBuildingsGeoJson } from '../../shared/geo/buildingsGeoJson';
import { UnitCode } from '../../shared/protocol/units';
import { parseAtEdge } from '../../shared/validation';
import type { HttpContext } from './context';
import { sendError } from './errors';

const AreasQuery = z.object({ parent: UnitCode.optional() });
const BuildingsQuery = z.object({ unit: UnitCode });

/** Largest footprint file `POST /api/v1/map/buildings` takes (~200k simple footprints); HUB_BUILDINGS_FILE takes more. */
export const MAX_BUILDINGS_BODY_BYTES = 64 * 1024 * 1024;
const IMPORT_ROLES = new Set(['admin', 'trainer']);

export function registerMap(app: FastifyInstance, ctx: HttpContext): void {
  app.get('/api/v1/map/areas', async (request, reply) => {
    const parsed = parseAtEdge(AreasQuery, request.query);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const parent = parsed.value.parent ?? request.principal!.unit;
    if (!ctx.hierarchy.get(parent)) return sendError(reply, 'not_found', `unit ${parent} does not exist`);
    if (!isInSubtree(parent, request.principal!.unit)) return sendError(reply, 'forbidden', `unit ${parent} is outside your area`);
    const answer = ctx.mapAreas.childrenOf(parent);
    return answer.ok ? answer.areas : sendError(reply, answer.code, answer.message);
  });

  app.get('/api/v1/map/buildings', async (request, reply) => {
    const parsed = parseAtEdge(BuildingsQuery, request.query);
    if (!parsed.ok) return sendError(reply, 'invalid', parsed.message);
    const { unit } = parsed.value;
    const record = ctx.hierarchy.get(unit);
    if (!record) return sendError(reply, 'not_found', `unit ${unit} does not exist`);
    if (!isInSubtree(unit, request.principal!.unit)) return sendError(reply, 'forbidden', `unit ${unit} is outside your area`);
    if (record.level !== 'street') return sendError(reply, 'invalid', `unit: buildings are listed per street, and ${unit} is a ${record.level}`);
    return ctx.buildings.buildingsOf(unit);
  });

  // The body is the GeoJSON text itself, whatever its content-type says: the importer parses it
  // so that its messages (not fastify's) say what is wrong and where.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BUILDINGS_BODY_BYTES }, (_request, body, done) => done(null, body));
    // The role is checked before the body is read: no one uploads 64 MiB to hear 403.
    const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.principal && !request.principal.roles.some((role) => IMPORT_ROLES.has(role))) {
        return sendError(reply, 'forbidden', 'replacing the imported buildings needs the admin or trainer role');
      }
    };
    scope.post('/api/v1/map/buildings', { bodyLimit: MAX_BUILDINGS_BODY_BYTES, onRequest }, async (request, reply) => {
      const text = typeof request.body === 'string' ? request.body : '';
      if (!text.trim()) return sendError(reply, 'invalid', '(body): empty; send the GeoJSON FeatureCollection text');
      const result = parseBuildingsGeoJson(text, { maxChars: MAX_BUILDINGS_BODY_BYTES });
      if (!result.ok) return sendError(reply, 'invalid', describeProblems(result));
      const imported = ctx.buildings.replaceImported(result.buildings);
      if (!imported.ok) return sendError(reply, 'invalid', imported.message);
      const { summary } = imported;
      ctx.log(`${summary.buildings} imported buildings on ${summary.streets} streets from ${request.principal!.username} (${summary.outside} outside the districts, left out)`);
      return summary;
    });
  });
}
