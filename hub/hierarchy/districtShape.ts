// A district's outline with what placement and lookup need: bounding boxes, area, centroid,
// containment, and uniform / clustered sampling of interior points.
import { Random } from './random';
import {
  bboxContains, IndexedRing, ringAreaCentroid, ringBBox, unionBBox,
  type BBox, type LngLat, type Ring,
} from './geometry';

interface PolygonPart { rings: Ring[]; indexed: IndexedRing[]; bbox: BBox; area: number }

export class DistrictShape {
  readonly bbox: BBox;
  readonly area: number;
  /** Area-weighted centroid of the largest polygon (an interior point if that one is not). */
  readonly centroid: LngLat;
  private readonly parts: PolygonPart[];
  private readonly weightedParts: (readonly [PolygonPart, number])[];

  constructor(readonly code: string, polygons: Ring[][]) {
    this.parts = polygons
      .filter((rings) => (rings[0]?.length ?? 0) >= 3)
      .map((rings) => ({ rings, indexed: rings.map((ring) => new IndexedRing(ring)), bbox: ringBBox(rings[0] as Ring), area: ringAreaCentroid(rings[0] as Ring).area }))
      .sort((a, b) => b.area - a.area);
    this.weightedParts = this.parts.map((part) => [part, part.area] as const);
    const largest = this.parts[0];
    if (!largest) throw new Error(`district ${code} has no polygon`);
    this.bbox = unionBBox(this.parts.map((part) => part.bbox));
    this.area = this.parts.reduce((sum, part) => sum + part.area, 0);
    const { centroid } = ringAreaCentroid(largest.rings[0] as Ring);
    this.centroid = this.contains(centroid) ? centroid : this.sampleInside(new Random(`centroid:${code}`), centroid);
  }

  outerRings(): Ring[] {
    return this.parts.map((part) => part.rings[0] as Ring);
  }

  contains(point: LngLat): boolean {
    if (!bboxContains(this.bbox, point)) return false;
    return this.parts.some((part) => bboxContains(part.bbox, point) && partContains(part, point));
  }

  /** Uniform interior point; `fallback` if 500 tries all miss (slivers). */
  sampleInside(random: Random, fallback: LngLat): LngLat {
    for (let attempt = 0; attempt < 500; attempt++) {
      const part = random.weighted(this.weightedParts);
      const point: LngLat = [random.range(part.bbox.minLng, part.bbox.maxLng), random.range(part.bbox.minLat, part.bbox.maxLat)];
      if (partContains(part, point)) return point;
    }
    return fallback;
  }

  /** Interior point scattered normally around `center` (sigma in degrees); `center` if all miss. */
  sampleNear(random: Random, center: LngLat, sigma: number, attempts = 40): LngLat {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const point: LngLat = [center[0] + random.normal() * sigma / 0.87, center[1] + random.normal() * sigma];
      if (this.contains(point)) return point;
    }
    return center;
  }
}

function partContains(part: PolygonPart, point: LngLat): boolean {
  const [outer, ...holes] = part.indexed;
  return !!outer && outer.contains(point) && !holes.some((hole) => hole.contains(point));
}
