import { Vector3, type Intersection, type Matrix4, type Object3D, type Ray } from 'three';

/**
 * Markers are drawn over everything (no depth test), so they are picked over everything too:
 * their hits report distances scaled by this, which sorts them ahead of the buildings and areas
 * under them while keeping their order among themselves.
 */
export const ON_TOP_DISTANCE_SCALE = 1e-3;

export interface MarkerHit {
  instanceId: number;
  /** Along the ray to the marker's centre, in metres. */
  distance: number;
  point: Vector3;
}

/**
 * The markers a ray passes within `radius` metres of (their centres at `lift` above their ground
 * points, in the layer's world transform), nearest first. A camera-facing marker is a disc to the
 * eye, so the distance from the ray to its centre is the whole test; no geometry is raycast.
 */
export function pickMarkers(ray: Ray, matrixWorld: Matrix4, matrices: Float32Array, count: number, radius: number, lift: number): MarkerHit[] {
  const hits: MarkerHit[] = [];
  const centre = new Vector3();
  const radiusSq = radius * radius;
  for (let i = 0; i < count; i++) {
    centre.set(matrices[i * 16 + 12]!, matrices[i * 16 + 13]! + lift, matrices[i * 16 + 14]!).applyMatrix4(matrixWorld);
    if (ray.distanceSqToPoint(centre) > radiusSq) continue;
    hits.push({ instanceId: i, distance: ray.origin.distanceTo(centre), point: centre.clone() });
  }
  return hits.sort((a, b) => a.distance - b.distance);
}

/** The hits as three.js intersections (what react-three-fiber's pointer events read). */
export function asIntersections(hits: readonly MarkerHit[], object: Object3D): Intersection[] {
  return hits.map((hit) => ({ distance: hit.distance * ON_TOP_DISTANCE_SCALE, point: hit.point, object, instanceId: hit.instanceId, face: null }));
}
