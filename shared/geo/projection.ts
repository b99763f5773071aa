import type { LngLat } from '../protocol/common';

/**
 * The 3D scene's ground plane: metres east (x) and south (z, so that north is away from a camera
 * looking down -z) of a fixed origin at 解放碑, by a local equirectangular projection. Within the
 * city's extent (~470 × 450 km) its distortion is below 1 %, far under what the wall can show, and
 * every window, the bench and the tests project the same way.
 */
export const SCENE_ORIGIN: LngLat = [106.5775, 29.5575];

const METRES_PER_DEGREE_LAT = 111_320;
const METRES_PER_DEGREE_LNG = METRES_PER_DEGREE_LAT * Math.cos((SCENE_ORIGIN[1] * Math.PI) / 180);

/** [x, z] in metres for a [lng, lat]. */
export function project([lng, lat]: LngLat): [number, number] {
  return [(lng - SCENE_ORIGIN[0]) * METRES_PER_DEGREE_LNG, (SCENE_ORIGIN[1] - lat) * METRES_PER_DEGREE_LAT];
}

/** The [lng, lat] of a ground point [x, z]. */
export function unproject([x, z]: [number, number]): LngLat {
  return [SCENE_ORIGIN[0] + x / METRES_PER_DEGREE_LNG, SCENE_ORIGIN[1] - z / METRES_PER_DEGREE_LAT];
}
