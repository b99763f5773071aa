import { ShapeUtils, Vector2 } from 'three';
import type { PackedFootprints } from './footprints';

/**
 * Extruding one footprint into a prism: a bottom ring at y = 0, a top ring at the building's
 * height, two triangles per wall and the roof triangulated. Vertices are shared between walls
 * and roof: the material shades flat (normals from screen-space derivatives), so no normal
 * attribute and no duplicated corners are needed, a third of the memory of per-face vertices.
 */

/** `full`: the footprint as drawn; `box`: its oriented bounding box, for far tiles. */
export type Detail = 'full' | 'box';

/** Where one building's vertices, indices and colour go. */
export interface PrismTarget {
  positions: Float32Array;
  colors: Uint8Array;
  index: Uint16Array | Uint32Array;
}

export function pointCount(footprints: PackedFootprints, building: number, detail: Detail): number {
  return detail === 'box' ? 4 : footprints.ringStart[building + 1]! - footprints.ringStart[building]!;
}

/** Vertices and triangles a building takes at a detail. */
export function prismSize(points: number): { vertices: number; triangles: number } {
  return { vertices: points * 2, triangles: points * 2 + (points - 2) };
}

/**
 * The ring of a building at a detail, as x, z pairs counter-clockwise from above. `scratch` (8
 * numbers) receives a box, so the hot loop allocates nothing but the subarray view.
 */
export function ringOf(footprints: PackedFootprints, building: number, detail: Detail, scratch: Float64Array = new Float64Array(8)): Float64Array {
  const first = footprints.ringStart[building]!;
  const ring = footprints.coords.subarray(first * 2, footprints.ringStart[building + 1]! * 2);
  return detail === 'box' ? orientedBox(ring, scratch) : ring;
}

/**
 * The bounding rectangle aligned with the ring's longest edge: close to the footprint for the
 * rectangles and near-rectangles that most buildings are, four corners whatever the ring.
 */
export function orientedBox(ring: Float64Array, out: Float64Array = new Float64Array(8)): Float64Array {
  const n = ring.length / 2;
  let ux = 1;
  let uz = 0;
  let longest = -1;
  for (let i = 0; i < n; i += 1) {
    const j = i + 1 === n ? 0 : i + 1;
    const dx = ring[j * 2]! - ring[i * 2]!;
    const dz = ring[j * 2 + 1]! - ring[i * 2 + 1]!;
    const length = dx * dx + dz * dz;
    if (length > longest) {
      longest = length;
      ux = dx;
      uz = dz;
    }
  }
  const l = Math.sqrt(longest);
  ux /= l;
  uz /= l;
  // v is u turned a quarter: (u, v) has the same handedness as (x, z)
  const vx = -uz;
  const vz = ux;
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (let i = 0; i < n; i += 1) {
    const x = ring[i * 2]!;
    const z = ring[i * 2 + 1]!;
    const u = x * ux + z * uz;
    const v = x * vx + z * vz;
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (v < minV) minV = v;
    if (v > maxV) maxV = v;
  }
  // clockwise in (u, v) = clockwise in (x, z) = counter-clockwise from above, like every ring here
  const corners = [minU, minV, minU, maxV, maxU, maxV, maxU, minV];
  for (let c = 0; c < 4; c += 1) {
    const u = corners[c * 2]!;
    const v = corners[c * 2 + 1]!;
    out[c * 2] = u * ux + v * vx;
    out[c * 2 + 1] = u * uz + v * vz;
  }
  return out;
}

/**
 * Writes a prism of `ring` at vertex `vertex` and index `at`; returns the triangles written.
 * Wall quads use bottom i, bottom i+1, top i+1, top i: front faces outward for a ring wound
 * counter-clockwise from above; roof triangles are wound to face up.
 */
export function writePrism(target: PrismTarget, ring: Float64Array, height: number, rgb: readonly [number, number, number], vertex: number, at: number): number {
  const n = ring.length / 2;
  const { positions, colors, index } = target;
  for (let i = 0; i < n; i += 1) {
    const bottom = (vertex + i) * 3;
    const top = (vertex + n + i) * 3;
    positions[bottom] = positions[top] = ring[i * 2]!;
    positions[bottom + 1] = 0;
    positions[top + 1] = height;
    positions[bottom + 2] = positions[top + 2] = ring[i * 2 + 1]!;
  }
  for (let v = vertex * 3, end = (vertex + 2 * n) * 3; v < end; v += 3) {
    colors[v] = rgb[0];
    colors[v + 1] = rgb[1];
    colors[v + 2] = rgb[2];
  }
  let k = at;
  for (let i = 0; i < n; i += 1) {
    const j = i + 1 === n ? 0 : i + 1;
    const bi = vertex + i;
    const bj = vertex + j;
    const tj = vertex + n + j;
    const ti = vertex + n + i;
    index[k++] = bi;
    index[k++] = bj;
    index[k++] = tj;
    index[k++] = bi;
    index[k++] = tj;
    index[k++] = ti;
  }
  const top = vertex + n;
  if (isConvex(ring)) {
    for (let i = 1; i < n - 1; i += 1) {
      index[k++] = top;
      index[k++] = top + i;
      index[k++] = top + i + 1;
    }
  } else {
    const roof = triangulateRoof(ring);
    for (let t = 0; t < roof.length; t += 1) index[k++] = top + roof[t]!;
  }
  return (k - at) / 3;
}

/**
 * Roof triangles as ring-local index triples, wound counter-clockwise from above. Convex rings
 * (most footprints) are fanned; others go through earcut (three's ShapeUtils).
 */
export function triangulateRoof(ring: Float64Array): number[] {
  const n = ring.length / 2;
  const out: number[] = [];
  if (isConvex(ring)) {
    for (let i = 1; i < n - 1; i += 1) out.push(0, i, i + 1);
    return out;
  }
  const contour = Array.from({ length: n }, (_, i) => new Vector2(ring[i * 2], ring[i * 2 + 1]));
  const faces = ShapeUtils.triangulateShape(contour, []);
  for (const [a, b, c] of faces) {
    // earcut winds every triangle the same way whatever the input: face them up
    if (cross(ring, a!, b!, c!) > 0) out.push(a!, c!, b!);
    else out.push(a!, b!, c!);
  }
  // a self-touching ring earcut gives up on still gets a roof, if a rough one
  if (out.length < (n - 2) * 3) {
    out.length = 0;
    for (let i = 1; i < n - 1; i += 1) out.push(0, i, i + 1);
  }
  return out;
}

/** z-component of (b - a) × (c - a) in (x, z): negative is counter-clockwise from above. */
function cross(ring: Float64Array, a: number, b: number, c: number): number {
  const ax = ring[a * 2]!;
  const az = ring[a * 2 + 1]!;
  return (ring[b * 2]! - ax) * (ring[c * 2 + 1]! - az) - (ring[b * 2 + 1]! - az) * (ring[c * 2]! - ax);
}

function isConvex(ring: Float64Array): boolean {
  const n = ring.length / 2;
  if (n === 3) return true;
  for (let i = 0; i < n; i += 1) {
    // every turn of a ring counter-clockwise from above is clockwise in (x, z)
    if (cross(ring, i, (i + 1) % n, (i + 2) % n) > 1e-9) return false;
  }
  return true;
}
