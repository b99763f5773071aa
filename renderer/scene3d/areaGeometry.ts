import { BufferGeometry, ExtrudeGeometry, Float32BufferAttribute, Path, Shape, Vector2 } from 'three';
import { project } from '../../shared/geo/projection';
import type { UnitArea } from '../../shared/protocol/map';
import { boundsOfPoints, type GroundBounds } from './cameraPose';

/*
 * Areas as three geometry on the ground plane (metres; x east, z south, y up): their projected
 * rings extruded upwards, and their outlines as one set of line segments.
 */

/** A ring on the ground plane, [x, z] metres. */
export type GroundRing = [number, number][];

export function projectRing(ring: readonly (readonly [number, number])[]): GroundRing {
  return ring.map((p) => project([p[0], p[1]]));
}

/** The points of every outer ring of the areas, projected: what framing looks at. */
export function areaOutlinePoints(areas: readonly UnitArea[]): [number, number][] {
  return areas.flatMap((a) => a.polygons.flatMap((polygon) => (polygon[0] ? projectRing(polygon[0]) : [])));
}

export function areaBounds(areas: readonly UnitArea[]): GroundBounds | null {
  return boundsOfPoints(areaOutlinePoints(areas));
}

/**
 * Shapes live in the x–y plane and extrude along +z; the geometry is then turned so that shape-y
 * is north (−z) and the extrusion goes up (+y). Shape point (x, −z) → world (x, depth, z).
 */
function shapeOf(polygon: readonly (readonly (readonly [number, number])[])[]): Shape | null {
  const [outer, ...holes] = polygon;
  if (!outer || outer.length < 3) return null;
  const shape = new Shape(projectRing(outer).map(([x, z]) => new Vector2(x, -z)));
  for (const hole of holes) if (hole.length >= 3) shape.holes.push(new Path(projectRing(hole).map(([x, z]) => new Vector2(x, -z))));
  return shape;
}

/** An area extruded `heightM` up from the ground: its footprint is exactly its rings. */
export function extrudeArea(area: UnitArea, heightM: number): BufferGeometry {
  const shapes = area.polygons.map(shapeOf).filter((s): s is Shape => s !== null);
  const geometry = new ExtrudeGeometry(shapes, { depth: heightM, bevelEnabled: false, curveSegments: 1, steps: 1 });
  geometry.rotateX(-Math.PI / 2);
  geometry.computeBoundingSphere();
  return geometry;
}

/** The rings of all areas as line segments at height `y` (one draw call for every border). */
export function outlineGeometry(areas: readonly UnitArea[], y: number): BufferGeometry {
  const positions: number[] = [];
  for (const area of areas) {
    for (const polygon of area.polygons) {
      for (const ring of polygon) {
        const points = projectRing(ring);
        for (let i = 0; i < points.length; i++) {
          const [x1, z1] = points[i]!;
          const [x2, z2] = points[(i + 1) % points.length]!;
          positions.push(x1, y, z1, x2, y, z2);
        }
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.computeBoundingSphere();
  return geometry;
}

/** Area of a polygon's outer ring on the ground, m² (the label of the largest area wins a collision). */
export function groundArea(area: UnitArea): number {
  let total = 0;
  for (const polygon of area.polygons) {
    const ring = polygon[0] ? projectRing(polygon[0]) : [];
    let twice = 0;
    for (let i = 0; i < ring.length; i++) {
      const [x1, z1] = ring[i]!;
      const [x2, z2] = ring[(i + 1) % ring.length]!;
      twice += x1 * z2 - x2 * z1;
    }
    total += Math.abs(twice) / 2;
  }
  return total;
}
