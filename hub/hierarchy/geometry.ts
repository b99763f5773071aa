// Planar geometry on [lng, lat] pairs. Chongqing spans a few degrees, so treating degrees as
// planar is accurate enough for placing points and picking the containing district.

export type LngLat = [number, number];
export type Ring = LngLat[];

export interface BBox { minLng: number; minLat: number; maxLng: number; maxLat: number }

/** Chongqing (105.18–110.19°E, 28.16–32.2°N) with a margin for the outline data's rounding. */
export const CHONGQING_BBOX: BBox = { minLng: 105.15, minLat: 28.1, maxLng: 110.25, maxLat: 32.3 };

export function ringBBox(ring: Ring): BBox {
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (const [lng, lat] of ring) {
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return { minLng, minLat, maxLng, maxLat };
}

export function unionBBox(boxes: BBox[]): BBox {
  return {
    minLng: Math.min(...boxes.map((b) => b.minLng)),
    minLat: Math.min(...boxes.map((b) => b.minLat)),
    maxLng: Math.max(...boxes.map((b) => b.maxLng)),
    maxLat: Math.max(...boxes.map((b) => b.maxLat)),
  };
}

export function bboxContains(box: BBox, [lng, lat]: LngLat): boolean {
  return lng >= box.minLng && lng <= box.maxLng && lat >= box.minLat && lat <= box.maxLat;
}

/** Even-odd ray casting. */
export function ringContains(ring: Ring, [lng, lat]: LngLat): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LngLat;
    const [xj, yj] = ring[j] as LngLat;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Signed shoelace area and area-weighted centroid of one ring. */
export function ringAreaCentroid(ring: Ring): { area: number; centroid: LngLat } {
  let twiceArea = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as LngLat;
    const [xj, yj] = ring[j] as LngLat;
    const cross = xj * yi - xi * yj;
    twiceArea += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  if (twiceArea === 0) {
    const first = ring[0] ?? [0, 0];
    return { area: 0, centroid: [first[0], first[1]] };
  }
  return { area: Math.abs(twiceArea / 2), centroid: [cx / (3 * twiceArea), cy / (3 * twiceArea)] };
}

export function squaredDistance(a: LngLat, b: LngLat): number {
  // Scale longitude by cos(29.5°) so "nearest" matches ground distance at Chongqing's latitude.
  const dLng = (a[0] - b[0]) * 0.87;
  const dLat = a[1] - b[1];
  return dLng * dLng + dLat * dLat;
}

export function roundLngLat([lng, lat]: LngLat): LngLat {
  return [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

/**
 * A ring prepared for many containment tests: edges bucketed into latitude bands so a test
 * only casts its ray against the few edges crossing the point's band.
 */
export class IndexedRing {
  private readonly minLat: number;
  private readonly bandHeight: number;
  /** Per band, the edges crossing it as flat [x1, y1, x2, y2, ...]. */
  private readonly bands: number[][];

  constructor(ring: Ring) {
    const box = ringBBox(ring);
    const bandCount = Math.max(1, Math.ceil(ring.length / 4));
    this.minLat = box.minLat;
    this.bandHeight = (box.maxLat - box.minLat) / bandCount || 1;
    this.bands = Array.from({ length: bandCount }, () => []);
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as LngLat;
      const [xj, yj] = ring[j] as LngLat;
      const first = this.bandOf(Math.min(yi, yj));
      const last = this.bandOf(Math.max(yi, yj));
      for (let band = first; band <= last; band++) this.bands[band]?.push(xi, yi, xj, yj);
    }
  }

  contains([lng, lat]: LngLat): boolean {
    const edges = this.bands[this.bandOf(lat)];
    if (!edges) return false;
    let inside = false;
    for (let k = 0; k < edges.length; k += 4) {
      const xi = edges[k] as number, yi = edges[k + 1] as number, xj = edges[k + 2] as number, yj = edges[k + 3] as number;
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }

  private bandOf(lat: number): number {
    return Math.min(this.bands.length - 1, Math.max(0, Math.floor((lat - this.minLat) / this.bandHeight)));
  }
}
