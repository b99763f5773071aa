import { z } from 'zod';
import type { LngLat } from '../protocol/common';
import type { Building } from '../protocol/map';

/*
 * The building-footprint importer: a GeoJSON FeatureCollection (RFC 7946, WGS-84 [lng, lat]
 * degrees) of Polygon / MultiPolygon features → `Building[]`, or every problem with where it is
 * (`features[12].geometry.coordinates[0]: ring has 2 points (needs ≥ 3)`).
 *
 * Accepted per feature:
 * - geometry: Polygon (its outer ring is the footprint; holes such as courtyards are ignored) or
 *   MultiPolygon (one building per polygon, ids `<id>#1`, `<id>#2`, …). Rings may be closed or
 *   not; they are re-wound counter-clockwise.
 * - height: `properties.height` in metres (a number, or a string like "45" / "45 m"), else
 *   `properties.levels` or `properties["building:levels"]` × 3 m. One of them is required.
 * - id: the feature's `id`, else `properties.id`, else `geojson-<n>` (n = index + 1). Unique.
 * Refused: text that is not JSON or not a FeatureCollection, a `crs` other than WGS-84, more than
 * MAX features or characters, positions outside Chongqing's bounding box (with a hint when they
 * look projected or swapped), rings with fewer than 3 distinct points or no area.
 */

/** Chongqing with a small margin (the hub's CHONGQING_BBOX). */
export const CHONGQING_BOUNDS = { minLng: 105.15, maxLng: 110.25, minLat: 28.1, maxLat: 32.3 } as const;
export const METRES_PER_LEVEL = 3;
export const MAX_HEIGHT_M = 1000;
export const MAX_RING_POINTS = 20_000;
export const MAX_ID_LENGTH = 80;

export interface BuildingsGeoJsonLimits {
  /** Text size, characters (~bytes for GeoJSON). */
  maxChars: number;
  maxFeatures: number;
  /** Problems kept word for word; the rest are only counted. */
  maxProblems: number;
}

export const DEFAULT_LIMITS: BuildingsGeoJsonLimits = { maxChars: 256 * 1024 * 1024, maxFeatures: 500_000, maxProblems: 200 };

export type BuildingsImport =
  | { ok: true; buildings: Building[]; features: number }
  | { ok: false; problems: string[]; /** Problems beyond `problems`, counted only. */ more: number };

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
const WGS84_CRS = /(CRS84|EPSG:{1,2}4326|EPSG:{1,2}4979)$/i;

const IdValue = z.union([z.string(), z.number()]);
const FeatureShell = z.object({
  type: z.literal('Feature', { error: 'must be "Feature"' }),
  id: IdValue.optional(),
  properties: z.record(z.string(), z.unknown(), { error: 'must be an object or null' }).nullable().optional(),
  geometry: z.object({ type: z.string({ error: 'must be a string' }), coordinates: z.unknown() }, { error: 'must be a Polygon or MultiPolygon object' }).nullable(),
});
const Collection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown(), { error: 'must be an array of Features' }),
  crs: z.unknown().optional(),
});

class Problems {
  readonly list: string[] = [];
  more = 0;
  constructor(private readonly max: number) {}
  add(where: string, what: string): void {
    if (this.list.length < this.max) this.list.push(`${where}: ${what}`);
    else this.more++;
  }
  get count(): number {
    return this.list.length + this.more;
  }
}

const number = (n: number) => n.toLocaleString('en-US');

/** Parses a GeoJSON text into buildings, or lists what is wrong with it and where. */
export function parseBuildingsGeoJson(text: string, limits: Partial<BuildingsGeoJsonLimits> = {}): BuildingsImport {
  const { maxChars, maxFeatures, maxProblems } = { ...DEFAULT_LIMITS, ...limits };
  const problems = new Problems(maxProblems);
  const fail = (where: string, what: string): BuildingsImport => {
    problems.add(where, what);
    return { ok: false, problems: problems.list, more: problems.more };
  };
  if (text.length > maxChars) return fail('(file)', `${number(text.length)} characters; at most ${number(maxChars)} are accepted (split the file)`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('(file)', `not JSON, so not GeoJSON (${(error as Error).message})`);
  }
  const rootProblem = describeNonCollection(json);
  if (rootProblem) return fail('(root)', rootProblem);
  const root = Collection.safeParse(json);
  if (!root.success) {
    for (const issue of root.error.issues) problems.add(pathOf(issue.path), issue.message);
    return { ok: false, problems: problems.list, more: problems.more };
  }
  const crsProblem = describeCrs(root.data.crs);
  if (crsProblem) return fail('crs', crsProblem);
  const { features } = root.data;
  if (features.length > maxFeatures) return fail('features', `${number(features.length)} features; at most ${number(maxFeatures)} are accepted (split the file)`);
  if (features.length === 0) return fail('features', 'the collection is empty: no buildings to import');

  const buildings: Building[] = [];
  const firstFeatureOfId = new Map<string, number>();
  features.forEach((raw, index) => {
    const where = `features[${index}]`;
    const shell = FeatureShell.safeParse(raw);
    if (!shell.success) {
      for (const issue of shell.error.issues) problems.add(`${where}${pathOf(issue.path, true)}`, issue.message);
      return;
    }
    const feature = shell.data;
    const before = problems.count;
    const id = idOf(feature.id, feature.properties?.id, index, where, problems);
    if (id !== undefined) {
      const earlier = firstFeatureOfId.get(id);
      if (earlier !== undefined) problems.add(feature.id !== undefined ? `${where}.id` : `${where}.properties.id`, `"${id}" is already the id of features[${earlier}]`);
      else firstFeatureOfId.set(id, index);
    }
    const heightM = heightOf(feature.properties ?? null, where, problems);
    const footprints = footprintsOf(feature.geometry, `${where}.geometry`, problems);
    if (problems.count > before || id === undefined || heightM === undefined) return;
    footprints.forEach((footprint, part) => {
      buildings.push({ id: footprints.length > 1 ? `${id}#${part + 1}` : id, footprint, heightM });
    });
  });
  if (problems.count) return { ok: false, problems: problems.list, more: problems.more };
  return { ok: true, buildings, features: features.length };
}

/** "a; b; c (and 12 more)": the first `shown` problems of a refused import, for one error message. */
export function describeProblems(result: { problems: string[]; more: number }, shown = 10): string {
  const hidden = result.problems.length - Math.min(shown, result.problems.length) + result.more;
  const head = result.problems.slice(0, shown).join('; ');
  return hidden > 0 ? `${head} (and ${number(hidden)} more)` : head;
}

function pathOf(path: readonly PropertyKey[], nested = false): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out || nested ? '.' : ''}${String(key)}`;
  return out || (nested ? '' : '(root)');
}

function describeNonCollection(json: unknown): string | undefined {
  if (json === null || typeof json !== 'object') return `not GeoJSON: a FeatureCollection object is needed, this is ${json === null ? 'null' : typeof json}`;
  if (Array.isArray(json)) return 'not GeoJSON: a FeatureCollection object is needed, this is an array';
  const type = (json as { type?: unknown }).type;
  if (type === 'FeatureCollection') return undefined;
  if (type === 'Feature') return 'a single Feature; wrap it in {"type": "FeatureCollection", "features": [...]}';
  if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) return `a bare ${type} geometry; a FeatureCollection of building features (with heights) is needed`;
  return `not GeoJSON: type is ${type === undefined ? 'missing' : JSON.stringify(type)} (a FeatureCollection is needed)`;
}

function describeCrs(crs: unknown): string | undefined {
  if (crs === undefined || crs === null) return undefined;
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name === 'string' && WGS84_CRS.test(name.trim())) return undefined;
  return `${typeof name === 'string' ? name : JSON.stringify(crs)} is not WGS-84: reproject the file to EPSG:4326 longitude/latitude degrees`;
}

function idOf(featureId: unknown, propertyId: unknown, index: number, where: string, problems: Problems): string | undefined {
  const [value, at] = featureId !== undefined ? [featureId, `${where}.id`] : propertyId !== undefined && propertyId !== null ? [propertyId, `${where}.properties.id`] : [undefined, ''];
  if (value === undefined) return `geojson-${index + 1}`;
  if (typeof value !== 'string' && typeof value !== 'number') {
    problems.add(at, 'must be a string or a number');
    return undefined;
  }
  const id = String(value).trim();
  if (!id) problems.add(at, 'is empty');
  else if (id.length > MAX_ID_LENGTH) problems.add(at, `is ${id.length} characters long; at most ${MAX_ID_LENGTH}`);
  else return id;
  return undefined;
}

/** A positive number, from a number or a string such as "45", "45.5 m". */
function positiveNumber(value: unknown, at: string, unit: string, max: number, problems: Problems): number | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*(m)?\s*$/i.test(value)) n = Number.parseFloat(value);
  else {
    problems.add(at, `${JSON.stringify(value)} is not a number of ${unit}`);
    return undefined;
  }
  if (!Number.isFinite(n) || n <= 0) problems.add(at, `${n} is not a positive number`);
  else if (n > max) problems.add(at, `${n} is above the limit of ${number(max)} ${unit}`);
  else return n;
  return undefined;
}

function heightOf(properties: Record<string, unknown> | null, where: string, problems: Problems): number | undefined {
  if (properties && properties.height !== undefined && properties.height !== null) {
    const metres = positiveNumber(properties.height, `${where}.properties.height`, 'metres', MAX_HEIGHT_M, problems);
    return metres === undefined ? undefined : Math.round(metres * 10) / 10;
  }
  for (const key of ['levels', 'building:levels']) {
    const value = properties?.[key];
    if (value === undefined || value === null) continue;
    const levels = positiveNumber(value, `${where}.properties${key === 'levels' ? '.levels' : '["building:levels"]'}`, 'levels', MAX_HEIGHT_M / METRES_PER_LEVEL, problems);
    return levels === undefined ? undefined : Math.round(levels * METRES_PER_LEVEL * 10) / 10;
  }
  problems.add(`${where}.properties`, 'no height: give height (metres), or levels / building:levels (× 3 m)');
  return undefined;
}

function footprintsOf(geometry: { type: string; coordinates: unknown } | null, where: string, problems: Problems): LngLat[][] {
  if (!geometry) {
    problems.add(where, 'missing: a Polygon or MultiPolygon footprint is needed');
    return [];
  }
  const at = `${where}.coordinates`;
  if (geometry.type === 'Polygon') {
    const ring = outerRingOf(geometry.coordinates, at, problems);
    return ring ? [ring] : [];
  }
  if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) {
      problems.add(at, 'must be a non-empty array of polygons');
      return [];
    }
    return geometry.coordinates.flatMap((polygon, p) => {
      const ring = outerRingOf(polygon, `${at}[${p}]`, problems);
      return ring ? [ring] : [];
    });
  }
  problems.add(`${where}.type`, `${geometry.type} is not a footprint (a Polygon or MultiPolygon is needed)`);
  return [];
}

function outerRingOf(polygon: unknown, at: string, problems: Problems): LngLat[] | undefined {
  if (!Array.isArray(polygon) || polygon.length === 0) {
    problems.add(at, 'must be a non-empty array of rings');
    return undefined;
  }
  return ringOf(polygon[0], `${at}[0]`, problems);
}

function ringOf(value: unknown, at: string, problems: Problems): LngLat[] | undefined {
  if (!Array.isArray(value)) {
    problems.add(at, 'must be an array of [lng, lat] positions');
    return undefined;
  }
  const ring: LngLat[] = [];
  for (let k = 0; k < value.length; k++) {
    const position: unknown = value[k];
    if (!Array.isArray(position) || position.length < 2 || !Number.isFinite(position[0]) || !Number.isFinite(position[1])) {
      problems.add(`${at}[${k}]`, `${JSON.stringify(position)?.slice(0, 60)} is not a position [lng, lat] of numbers`);
      return undefined;
    }
    const point: LngLat = [position[0] as number, position[1] as number];
    const outside = describeOutside(point);
    if (outside) {
      problems.add(`${at}[${k}]`, outside);
      return undefined;
    }
    const last = ring[ring.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) ring.pop();
  if (ring.length < 3) {
    problems.add(at, `ring has ${ring.length} point${ring.length === 1 ? '' : 's'} (needs ≥ 3)`);
    return undefined;
  }
  if (ring.length > MAX_RING_POINTS) {
    problems.add(at, `ring has ${number(ring.length)} points; at most ${number(MAX_RING_POINTS)}`);
    return undefined;
  }
  const area = signedArea(ring);
  // 1e-12 deg² ≈ 0.01 m²: collinear points up to rounding
  if (Math.abs(area) < 1e-12) {
    problems.add(at, 'ring has no area (its points are on one line)');
    return undefined;
  }
  return area > 0 ? ring : ring.reverse();
}

function inChongqing([lng, lat]: LngLat): boolean {
  const b = CHONGQING_BOUNDS;
  return lng >= b.minLng && lng <= b.maxLng && lat >= b.minLat && lat <= b.maxLat;
}

function describeOutside(point: LngLat): string | undefined {
  if (inChongqing(point)) return undefined;
  const b = CHONGQING_BOUNDS;
  const where = `${point[0]}, ${point[1]} is outside Chongqing (${b.minLng}–${b.maxLng}°E, ${b.minLat}–${b.maxLat}°N)`;
  if (inChongqing([point[1], point[0]])) return `${where}: it looks like [lat, lng]; GeoJSON positions are [lng, lat]`;
  if (Math.abs(point[0]) > 180 || Math.abs(point[1]) > 90) return `${where}: these look like projected coordinates (metres), not WGS-84 degrees; reproject the file to EPSG:4326`;
  return where;
}

/** Shoelace area in degrees² (counter-clockwise positive), taken relative to the first point for precision. */
function signedArea(ring: LngLat[]): number {
  const [x0, y0] = ring[0] as LngLat;
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LngLat;
    const [xj, yj] = ring[j] as LngLat;
    twice += (xj - x0) * (yi - y0) - (xi - x0) * (yj - y0);
  }
  return twice / 2;
}
