import { heightRank, type Bounds } from './tilePlan';
import { BOX_STRIDE, type TileGeometryData } from './tileGeometry';

/**
 * Level of detail, decided per cell from the camera's distance to the cell's box:
 * - near (closer than `nearM`): the cell's full-detail tiles, one draw call each;
 * - far: the cell's one box geometry (oriented bounding-box prisms), one draw call, drawn only
 *   down to the buildings whose height still spans `minPixels` on screen at that distance (the
 *   boxes are stored tallest first, so that is a draw range, not another geometry).
 * Draw calls are bounded by (near cells × tiles per cell) + cells, whatever the building count.
 */
export interface LodOptions {
  nearM: number;
  /** A near cell turns far again only beyond nearM × (1 + hysteresis): no flicker at the edge. */
  hysteresis: number;
  minPixels: number;
}

/**
 * 2 px on a 55-inch 1080p display is 1.3 mm, under one arc-minute from 5 m: below what the hall can
 * see, so not worth a triangle.
 */
export const DEFAULT_LOD: LodOptions = { nearM: 1500, hysteresis: 0.15, minPixels: 2 };

/** Distance from a point to a cell's box (0 inside), metres. */
export function distanceToBounds(x: number, y: number, z: number, bounds: Bounds): number {
  const dx = Math.max(bounds.minX - x, 0, x - bounds.maxX);
  const dy = Math.max(0 - y, 0, y - bounds.maxY);
  const dz = Math.max(bounds.minZ - z, 0, z - bounds.maxZ);
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

export function wantsNear(distance: number, wasNear: boolean, options: LodOptions = DEFAULT_LOD): boolean {
  return distance < (wasNear ? options.nearM * (1 + options.hysteresis) : options.nearM);
}

/**
 * Screen pixels per radian of view (pixels a 1 m object covers 1 m away), for a perspective
 * camera: the viewport height over the frustum height at 1 m.
 */
export function pixelsPerRadian(viewportHeightPx: number, verticalFovDeg: number): number {
  return viewportHeightPx / (2 * Math.tan((verticalFovDeg * Math.PI) / 360));
}

/** The lowest building worth drawing at `distance`: shorter ones cover fewer than minPixels. */
export function minVisibleHeight(distance: number, pxPerRadian: number, options: LodOptions = DEFAULT_LOD): number {
  return (options.minPixels * distance) / pxPerRadian;
}

/**
 * How many leading slots of a tallest-first geometry are at least `minHeight` tall (a binary
 * search on the same decimetre ranks the plan sorted by).
 */
export function slotsAtLeast(data: Pick<TileGeometryData, 'boxes'>, minHeight: number): number {
  const slots = data.boxes.length / BOX_STRIDE;
  const limit = heightRank(minHeight);
  let lo = 0;
  let hi = slots;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (heightRank(data.boxes[mid * BOX_STRIDE + 4]!) <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
