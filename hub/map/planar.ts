// Planar polygons in metres for the map areas and buildings: a frame of [east, north] metres from
// the scene origin (shared/geo/projection.ts with z flipped), so orientation reads as on a map
// (counter-clockwise = positive area) and distances are ground distances.
import { project, unproject } from '../../shared/geo/projection';
import type { LngLat } from '../../shared/protocol/common';
import { IndexedRing } from '../hierarchy/geometry';

/** [east, north] metres. */
export type PlanePoint = [number, number];
/** Open ring (first point not repeated). */
export type PlaneRing = PlanePoint[];
/** Outer ring (counter-clockwise), then holes (clockwise). */
export type PlanePolygon = PlaneRing[];
export type PlaneMultiPolygon = PlanePolygon[];

export function toPlane(point: LngLat): PlanePoint {
  const [x, z] = project(point);
  return [x, -z];
}

/** Back to [lng, lat], rounded to 1e-6° (~0.1 m): enough for the wall, a third of the bytes. */
export function toLngLat([east, north]: PlanePoint): LngLat {
  const [lng, lat] = unproject([east, -north]);
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/** Signed shoelace area: positive when counter-clockwise. */
export function signedArea(ring: PlaneRing): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as PlanePoint;
    const [xj, yj] = ring[j] as PlanePoint;
    twice += xj * yi - xi * yj;
  }
  return twice / 2;
}

/** Area of a polygon (outer minus holes), m². */
export function polygonArea(polygon: PlanePolygon): number {
  return polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(signedArea(ring)), 0);
}

export function multiPolygonArea(polygons: PlaneMultiPolygon): number {
  return polygons.reduce((sum, polygon) => sum + polygonArea(polygon), 0);
}

/**
 * An open ring without repeated or collinear-duplicate points, wound counter-clockwise (outer) or
 * clockwise (hole); undefined when fewer than 3 points or no area remain.
 */
export function cleanRing(ring: readonly PlanePoint[], hole = false): PlaneRing | undefined {
  const out: PlaneRing = [];
  for (const point of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push([point[0], point[1]]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  if (out.length < 3) return undefined;
  const area = signedArea(out);
  if (area === 0) return undefined;
  if (area > 0 === hole) out.reverse();
  return out;
}

/** Polygons with every ring cleaned; a polygon whose outer ring vanishes is dropped. */
export function cleanMultiPolygon(polygons: readonly (readonly (readonly PlanePoint[])[])[]): PlaneMultiPolygon {
  const out: PlaneMultiPolygon = [];
  for (const rings of polygons) {
    const outer = rings[0] && cleanRing(rings[0]);
    if (!outer) continue;
    const holes = rings.slice(1).map((ring) => cleanRing(ring, true)).filter((ring): ring is PlaneRing => !!ring);
    out.push([outer, ...holes]);
  }
  return out;
}

export interface Box { minX: number; minY: number; maxX: number; maxY: number }

export function boxOf(points: Iterable<PlanePoint>): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return { minX, minY, maxX, maxY };
}

/** A multipolygon prepared for many containment tests (latitude-banded edges per ring). */
export class PlaneRegion {
  readonly box: Box;
  readonly area: number;
  private readonly parts: { box: Box; outer: IndexedRing; holes: IndexedRing[] }[];

  constructor(readonly polygons: PlaneMultiPolygon) {
    this.parts = polygons.map(([outer = [], ...holes]) => ({ box: boxOf(outer), outer: new IndexedRing(outer), holes: holes.map((h) => new IndexedRing(h)) }));
    this.box = boxOf(polygons.flatMap((polygon) => polygon[0] ?? []));
    this.area = multiPolygonArea(polygons);
  }

  contains(point: PlanePoint): boolean {
    if (!inBox(this.box, point)) return false;
    return this.parts.some((part) => inBox(part.box, point) && part.outer.contains(point) && !part.holes.some((hole) => hole.contains(point)));
  }
}

function inBox(box: Box, [x, y]: PlanePoint): boolean {
  return x >= box.minX && x <= box.maxX && y >= box.minY && y <= box.maxY;
}

/** Area-weighted centroid of one ring. */
function ringCentroid(ring: PlaneRing): PlanePoint {
  let twice = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as PlanePoint;
    const [xj, yj] = ring[j] as PlanePoint;
    const cross = xj * yi - xi * yj;
    twice += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  const first = ring[0] ?? [0, 0];
  return twice === 0 ? [first[0], first[1]] : [cx / (3 * twice), cy / (3 * twice)];
}

/**
 * Where an area's label goes: the centroid of its largest polygon when that lies inside, else the
 * middle of the widest stretch of a horizontal line across the polygon (through the centroid, or
 * failing that at other heights), which is always inside.
 */
export function labelPoint(polygons: PlaneMultiPolygon): PlanePoint {
  const largest = [...polygons].sort((a, b) => polygonArea(b) - polygonArea(a))[0];
  const outer = largest?.[0];
  if (!largest || !outer) throw new Error('labelPoint of an empty area');
  const region = new PlaneRegion([largest]);
  const centroid = ringCentroid(outer);
  if (region.contains(centroid)) return centroid;
  const { minY, maxY } = region.box;
  for (const y of [centroid[1], ...[0.5, 0.25, 0.75, 0.1, 0.9].map((f) => minY + f * (maxY - minY))]) {
    const stretch = widestStretch(largest, y);
    if (stretch && region.contains(stretch)) return stretch;
  }
  return outer[0] as PlanePoint;
}

/** The midpoint of the widest interval of the line `y` inside the polygon (even-odd crossings). */
function widestStretch(polygon: PlanePolygon, y: number): PlanePoint | undefined {
  const crossings: number[] = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as PlanePoint;
      const [xj, yj] = ring[j] as PlanePoint;
      if (yi > y !== yj > y) crossings.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  }
  crossings.sort((a, b) => a - b);
  let best: PlanePoint | undefined;
  let bestWidth = 0;
  for (let k = 0; k + 1 < crossings.length; k += 2) {
    const width = (crossings[k + 1] as number) - (crossings[k] as number);
    if (width > bestWidth) {
      bestWidth = width;
      best = [((crossings[k] as number) + (crossings[k + 1] as number)) / 2, y];
    }
  }
  return best;
}

/** Douglas–Peucker on an open ring: points closer than `tolerance` metres to the kept outline go. */
export function simplifyRing(ring: PlaneRing, tolerance: number): PlaneRing {
  if (ring.length <= 4 || tolerance <= 0) return ring;
  // Split at the point farthest from the first so the closed ring becomes two open chains.
  const first = ring[0] as PlanePoint;
  let far = 0;
  let farDistance = -1;
  ring.forEach((p, i) => {
    const d = (p[0] - first[0]) ** 2 + (p[1] - first[1]) ** 2;
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  });
  const keep = new Uint8Array(ring.length + 1);
  keep[0] = keep[far] = keep[ring.length] = 1;
  const at = (i: number) => ring[i % ring.length] as PlanePoint;
  const stack: [number, number][] = [[0, far], [far, ring.length]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const pa = at(a);
    const pb = at(b);
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(at(i), pa, pb);
      if (d > worstDistance) {
        worstDistance = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out = ring.filter((_, i) => keep[i]);
  return out.length >= 3 ? out : ring;
}

function segmentDistance(p: PlanePoint, a: PlanePoint, b: PlanePoint): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}
