import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { buildingFromMetres } from './buildingFixtures';
import { orientedBox, prismSize, ringOf, triangulateRoof, writePrism } from './extrusion';
import { packFootprints, signedAreaXZ } from './footprints';

const L_SHAPE: [number, number][] = [
  [0, 0],
  [30, 0],
  [30, 10],
  [10, 10],
  [10, 30],
  [0, 30],
];

function octagon(r: number): [number, number][] {
  return Array.from({ length: 8 }, (_, i) => [Math.cos((i / 8) * Math.PI * 2) * r + 100, Math.sin((i / 8) * Math.PI * 2) * r + 100]);
}

function extrude(ring: [number, number][], height: number) {
  const packed = packFootprints([buildingFromMetres('x', ring, height)]);
  const points = packed.ringStart[1]!;
  const size = prismSize(points);
  const target = { positions: new Float32Array(size.vertices * 3), colors: new Uint8Array(size.vertices * 3), index: new Uint16Array(size.triangles * 3) };
  const written = writePrism(target, ringOf(packed, 0, 'full'), height, [1, 2, 3], 0, 0);
  return { target, written, size, packed };
}

function normalOf(positions: Float32Array, index: Uint16Array, face: number): { normal: Vector3; centre: Vector3 } {
  const v = [0, 1, 2].map((k) => new Vector3().fromArray(positions, index[face * 3 + k]! * 3));
  const normal = new Vector3().subVectors(v[1]!, v[0]!).cross(new Vector3().subVectors(v[2]!, v[0]!)).normalize();
  const centre = v[0]!.clone().add(v[1]!).add(v[2]!).divideScalar(3);
  return { normal, centre };
}

describe('writePrism', () => {
  it.each([
    ['rectangle', L_SHAPE.slice(0, 2).concat([[30, 30] as [number, number], [0, 30] as [number, number]]), 10],
    ['L shape', L_SHAPE, 16],
    ['octagon', octagon(20), 22],
  ])('a %s: 2 triangles a wall, n − 2 on the roof (%i)', (_, ring, triangles) => {
    const { written, size } = extrude(ring, 40);
    expect(written).toBe(triangles);
    expect(size.triangles).toBe(triangles);
  });

  it('roofs face up and walls of a convex ring face out from its centre, whichever way the input winds', () => {
    for (const ring of [octagon(20), octagon(20).reverse()]) {
      const { target, written, packed } = extrude(ring, 40);
      for (let face = 0; face < written; face += 1) {
        const { normal, centre } = normalOf(target.positions, target.index, face);
        const onRoof = [0, 1, 2].every((k) => target.positions[target.index[face * 3 + k]! * 3 + 1] === 40);
        if (onRoof) {
          expect(normal.y).toBeCloseTo(1, 5);
        } else {
          expect(Math.abs(normal.y)).toBeLessThan(1e-6);
          expect(normal.dot(new Vector3(centre.x - packed.centres[0]!, 0, centre.z - packed.centres[1]!))).toBeGreaterThan(0);
        }
      }
      expect([...target.colors.slice(0, 3)]).toEqual([1, 2, 3]);
    }
  });

  it('walls of a non-convex ring face away from the footprint (a point just outside is not inside)', () => {
    const { target, written, packed } = extrude(L_SHAPE, 40);
    const ring = ringOf(packed, 0, 'full');
    for (let face = 0; face < written; face += 1) {
      const { normal, centre } = normalOf(target.positions, target.index, face);
      if (Math.abs(normal.y) > 0.5) continue;
      const probe = centre.clone().addScaledVector(normal, 0.5);
      expect(pointInRing(ring, probe.x, probe.z)).toBe(false);
      const inward = centre.clone().addScaledVector(normal, -0.5);
      expect(pointInRing(ring, inward.x, inward.z)).toBe(true);
    }
  });
});

function pointInRing(ring: Float64Array, x: number, z: number): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, zi, xj, zj] = [ring[i * 2]!, ring[i * 2 + 1]!, ring[j * 2]!, ring[j * 2 + 1]!];
    if (zi > z !== zj > z && x < ((xj - xi) * (z - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

describe('triangulateRoof', () => {
  it('covers a non-convex footprint exactly (areas add up)', () => {
    const packed = packFootprints([buildingFromMetres('l', L_SHAPE, 10)]);
    const ring = ringOf(packed, 0, 'full');
    const triangles = triangulateRoof(ring);
    expect(triangles.length).toBe(4 * 3);
    let area = 0;
    for (let t = 0; t < triangles.length; t += 3) {
      const tri = Float64Array.from([0, 1, 2].flatMap((k) => [ring[triangles[t + k]! * 2]!, ring[triangles[t + k]! * 2 + 1]!]));
      const a = signedAreaXZ(tri, 0, 3);
      expect(a).toBeLessThan(0);
      area += a;
    }
    expect(area).toBeCloseTo(-(30 * 10 + 10 * 20), 1);
  });
});

describe('orientedBox', () => {
  it('follows the longest edge: a turned rectangle is its own box', () => {
    const angle = 0.4;
    const turned: [number, number][] = [
      [0, 0],
      [40, 0],
      [40, 15],
      [0, 15],
    ].map(([u, v]) => [u! * Math.cos(angle) - v! * Math.sin(angle), u! * Math.sin(angle) + v! * Math.cos(angle)]);
    const packed = packFootprints([buildingFromMetres('r', turned, 10)]);
    const box = orientedBox(ringOf(packed, 0, 'full'));
    expect(Math.abs(signedAreaXZ(box, 0, 4))).toBeCloseTo(600, 1);
    expect(signedAreaXZ(box, 0, 4)).toBeLessThan(0);
  });

  it('holds the whole of an L', () => {
    const packed = packFootprints([buildingFromMetres('l', L_SHAPE, 10)]);
    const box = orientedBox(ringOf(packed, 0, 'full'));
    expect(Math.abs(signedAreaXZ(box, 0, 4))).toBeCloseTo(900, 1);
  });
});
