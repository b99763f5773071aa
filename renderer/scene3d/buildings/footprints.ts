import { project } from '../../../shared/geo/projection';
import type { Building } from '../../../shared/protocol/map';

/**
 * Buildings projected once onto the ground plane and packed into flat typed arrays: what every
 * later step (tiling, extrusion, picking) reads, and what could be handed to a worker as is.
 * Rings are cleaned (no closing or repeated points) and wound counter-clockwise seen from above
 * (+y), whatever the input's winding, so roofs face up and walls face out.
 */
export interface PackedFootprints {
  count: number;
  ids: readonly string[];
  heights: Float32Array;
  /** x, z pairs of every ring, one after the other. */
  coords: Float64Array;
  /** Ring i is points ringStart[i] .. ringStart[i + 1] - 1 (in points, not numbers). */
  ringStart: Uint32Array;
  /** Centre of each footprint's points: x, z. */
  centres: Float64Array;
  /** Buildings left out because their footprint collapsed (fewer than 3 distinct points or no area). */
  skipped: number;
}

/** Points closer than this (metres) are one point. */
const SAME_POINT_M = 1e-3;

/** Projects and cleans every footprint; `source` indices map packed index → input index. */
export function packFootprints(buildings: readonly Building[]): PackedFootprints & { source: Uint32Array } {
  const totalPoints = buildings.reduce((sum, b) => sum + b.footprint.length, 0);
  const coords = new Float64Array(totalPoints * 2);
  const ringStart = new Uint32Array(buildings.length + 1);
  const heights = new Float32Array(buildings.length);
  const centres = new Float64Array(buildings.length * 2);
  const source = new Uint32Array(buildings.length);
  const ids: string[] = [];
  let point = 0;
  let count = 0;
  for (let b = 0; b < buildings.length; b += 1) {
    const building = buildings[b]!;
    const first = point;
    for (const lngLat of building.footprint) {
      const [x, z] = project(lngLat);
      const prev = point - 1;
      if (point > first && Math.abs(coords[prev * 2]! - x) < SAME_POINT_M && Math.abs(coords[prev * 2 + 1]! - z) < SAME_POINT_M) continue;
      coords[point * 2] = x;
      coords[point * 2 + 1] = z;
      point += 1;
    }
    // a ring that repeats its first point at the end
    if (point - first > 1 && Math.abs(coords[first * 2]! - coords[(point - 1) * 2]!) < SAME_POINT_M && Math.abs(coords[first * 2 + 1]! - coords[(point - 1) * 2 + 1]!) < SAME_POINT_M) point -= 1;
    const n = point - first;
    const area = n >= 3 ? signedAreaXZ(coords, first, n) : 0;
    if (Math.abs(area) < SAME_POINT_M) {
      point = first;
      continue;
    }
    // counter-clockwise seen from above is clockwise in (x, z), where z points south: negative area
    if (area > 0) reverseRing(coords, first, n);
    let cx = 0;
    let cz = 0;
    for (let p = first; p < point; p += 1) {
      cx += coords[p * 2]!;
      cz += coords[p * 2 + 1]!;
    }
    centres[count * 2] = cx / n;
    centres[count * 2 + 1] = cz / n;
    heights[count] = building.heightM;
    ids.push(building.id);
    source[count] = b;
    count += 1;
    ringStart[count] = point;
  }
  return {
    count,
    ids,
    heights: heights.subarray(0, count),
    coords: coords.subarray(0, point * 2),
    ringStart: ringStart.subarray(0, count + 1),
    centres: centres.subarray(0, count * 2),
    skipped: buildings.length - count,
    source: source.subarray(0, count),
  };
}

/** Shoelace area in (x, z); positive is counter-clockwise in (x, z), i.e. clockwise from above. */
export function signedAreaXZ(coords: ArrayLike<number>, first: number, n: number): number {
  let twice = 0;
  for (let i = 0; i < n; i += 1) {
    const a = (first + i) * 2;
    const b = (first + ((i + 1) % n)) * 2;
    twice += coords[a]! * coords[b + 1]! - coords[b]! * coords[a + 1]!;
  }
  return twice / 2;
}

function reverseRing(coords: Float64Array, first: number, n: number): void {
  for (let i = 0, j = n - 1; i < j; i += 1, j -= 1) {
    const a = (first + i) * 2;
    const b = (first + j) * 2;
    const ax = coords[a]!;
    const az = coords[a + 1]!;
    coords[a] = coords[b]!;
    coords[a + 1] = coords[b + 1]!;
    coords[b] = ax;
    coords[b + 1] = az;
  }
}
