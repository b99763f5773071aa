import { describe, expect, it } from 'vitest';
import { boxBuilding, buildingFromMetres, buildingGrid } from './buildingFixtures';
import { prismSize } from './extrusion';
import { packFootprints } from './footprints';
import { BOX_STRIDE, buildTileGeometry, buildingTint, slotOfFace, toBufferGeometry } from './tileGeometry';
import { planTiles } from './tilePlan';

describe('buildTileGeometry', () => {
  const buildings = [
    ...buildingGrid(10, 50),
    buildingFromMetres(
      'octagon',
      Array.from({ length: 8 }, (_, i) => [600 + 15 * Math.cos((i / 8) * Math.PI * 2), 600 - 15 * Math.sin((i / 8) * Math.PI * 2)] as [number, number]),
      120,
    ),
  ];
  const packed = packFootprints(buildings);
  const all = Uint32Array.from({ length: packed.count }, (_, i) => i);

  it('merges every building: vertex and triangle counts are the sums of the prisms', () => {
    const full = buildTileGeometry(packed, all, 'full');
    const expected = [...all].map((b) => prismSize(packed.ringStart[b + 1]! - packed.ringStart[b]!));
    expect(full.positions.length / 3).toBe(expected.reduce((s, e) => s + e.vertices, 0));
    expect(full.index.length / 3).toBe(expected.reduce((s, e) => s + e.triangles, 0));
    expect(full.index.length / 3).toBe(100 * 10 + 22);
    expect(full.index).toBeInstanceOf(Uint16Array);
    // boxes: 8 vertices, 10 triangles each, whatever the footprint
    const boxes = buildTileGeometry(packed, all, 'box');
    expect(boxes.positions.length / 3).toBe(101 * 8);
    expect(boxes.index.length / 3).toBe(101 * 10);
  });

  it('maps every face back to the building it came from, and every building index to its id', () => {
    const shuffled = Uint32Array.from([...all].reverse());
    for (const detail of ['full', 'box'] as const) {
      const data = buildTileGeometry(packed, shuffled, detail);
      const facesOf = new Map<string, number>();
      for (let face = 0; face < data.index.length / 3; face += 1) {
        const slot = slotOfFace(data, face);
        const building = data.buildings[slot]!;
        const id = packed.ids[building]!;
        facesOf.set(id, (facesOf.get(id) ?? 0) + 1);
        // the face lies within the building's box
        const y = data.positions[data.index[face * 3]! * 3 + 1]!;
        expect(y === 0 || y === packed.heights[building]).toBe(true);
        const x = data.positions[data.index[face * 3]! * 3]!;
        expect(x).toBeGreaterThanOrEqual(data.boxes[slot * BOX_STRIDE]! - 1e-3);
        expect(x).toBeLessThanOrEqual(data.boxes[slot * BOX_STRIDE + 2]! + 1e-3);
      }
      expect(facesOf.size).toBe(101);
      expect(facesOf.get('octagon')).toBe(detail === 'full' ? 22 : 10);
      expect(new Set(buildings.map((b) => b.id))).toEqual(new Set(facesOf.keys()));
    }
  });

  it('switches to 32-bit indices past 65,535 vertices', () => {
    const many = packFootprints(buildingGrid(100, 30, 0, 0, 10));
    const data = buildTileGeometry(many, Uint32Array.from({ length: many.count }, (_, i) => i), 'full');
    expect(data.positions.length / 3).toBe(80_000);
    expect(data.index).toBeInstanceOf(Uint32Array);
    expect(Math.max(...data.index.subarray(data.index.length - 30))).toBe(79_999);
  });

  it('wraps into a BufferGeometry with bounds from the boxes', () => {
    const data = buildTileGeometry(packed, all, 'full');
    const geometry = toBufferGeometry(data);
    expect(geometry.getAttribute('color').normalized).toBe(true);
    expect(geometry.boundingBox!.max.y).toBe(120);
    const computed = geometry.clone();
    computed.computeBoundingBox();
    expect(computed.boundingBox!.min.distanceTo(geometry.boundingBox!.min)).toBeLessThan(1e-3);
    expect(computed.boundingBox!.max.distanceTo(geometry.boundingBox!.max)).toBeLessThan(1e-3);
  });
});

describe('tile and merged counts for a city', () => {
  it('2,500 buildings over 5 km: 25 tiles of 100, 9 cells, all buildings once in tiles and once in boxes', () => {
    const packed = packFootprints(buildingGrid(50, 100));
    const plan = planTiles(packed, { tileSizeM: 1000, cellTiles: 2 });
    expect(plan.cells).toHaveLength(9);
    const tiles = plan.cells.flatMap((c) => c.tiles);
    expect(tiles).toHaveLength(25);
    let tileTriangles = 0;
    let boxTriangles = 0;
    for (const cell of plan.cells) {
      boxTriangles += buildTileGeometry(packed, cell.byHeight, 'box').index.length / 3;
      for (const tile of cell.tiles) tileTriangles += buildTileGeometry(packed, tile.buildings, 'full').index.length / 3;
    }
    expect(tileTriangles).toBe(2500 * 10);
    expect(boxTriangles).toBe(2500 * 10);
  });
});

describe('buildingTint', () => {
  it('is the same for the same id, varies between ids, and lightens with height', () => {
    expect(buildingTint('a', 20)).toEqual(buildingTint('a', 20));
    expect(new Set(['a', 'b', 'c', 'd', 'e'].map((id) => buildingTint(id, 20).join())).size).toBeGreaterThan(1);
    const sum = (rgb: number[]) => rgb.reduce((s, v) => s + v, 0);
    expect(sum(buildingTint('x', 200))).toBeGreaterThan(sum(buildingTint('x', 10)));
    expect(buildingTint('x', 1000).every((v) => v >= 0 && v <= 255)).toBe(true);
    expect(boxBuilding('q', 0, 0, 1, 1, 1).footprint).toHaveLength(4);
  });
});
