import { describe, expect, it } from 'vitest';
import { boxBuilding, buildingGrid } from './buildingFixtures';
import { packFootprints } from './footprints';
import { planTiles } from './tilePlan';

describe('planTiles', () => {
  // 40 × 40 buildings every 100 m from the origin: 4 km square, 100 buildings per 1 km tile
  const packed = packFootprints(buildingGrid(40, 100));
  const plan = planTiles(packed, { tileSizeM: 1000, cellTiles: 2 });

  it('puts each building in exactly one tile, by its centre', () => {
    const tiles = plan.cells.flatMap((cell) => cell.tiles);
    expect(tiles).toHaveLength(16);
    expect(tiles.every((tile) => tile.buildings.length === 100)).toBe(true);
    const seen = new Set(tiles.flatMap((tile) => [...tile.buildings]));
    expect(seen.size).toBe(1600);
    for (const tile of tiles) {
      for (const b of tile.buildings) {
        expect(Math.floor(packed.centres[b * 2]! / 1000)).toBe(tile.col);
        expect(Math.floor(packed.centres[b * 2 + 1]! / 1000)).toBe(tile.row);
      }
    }
  });

  it('groups tiles into cells of cellTiles × cellTiles, each listing its buildings tallest first', () => {
    expect(plan.cells).toHaveLength(4);
    for (const cell of plan.cells) {
      expect(cell.tiles).toHaveLength(4);
      expect(cell.byHeight).toHaveLength(400);
      const heights = [...cell.byHeight].map((b) => packed.heights[b]!);
      expect(heights).toEqual([...heights].sort((a, b) => b - a));
      expect(new Set(cell.byHeight).size).toBe(400);
    }
  });

  it('bounds cover whole footprints (a building may overhang its tile) and the tallest roof', () => {
    const overhang = packFootprints([boxBuilding('wide', 990, 500, 60, 20, 42), boxBuilding('low', 100, 100, 10, 10, 7)]);
    const [cell] = planTiles(overhang, { tileSizeM: 1000, cellTiles: 4 }).cells;
    const tile = cell!.tiles[0]!;
    expect(tile.buildings).toHaveLength(2);
    expect(tile.bounds.maxX).toBeCloseTo(1020, 3);
    expect(tile.bounds.minX).toBeCloseTo(95, 3);
    expect(tile.bounds.maxY).toBe(42);
    expect(cell!.bounds).toEqual(tile.bounds);
  });

  it('handles negative coordinates (west and north of the origin)', () => {
    const west = planTiles(packFootprints([boxBuilding('w', -1500, -200, 20, 20, 10)]), { tileSizeM: 1000, cellTiles: 4 });
    expect(west.cells[0]!.tiles[0]).toMatchObject({ col: -2, row: -1 });
    expect(west.cells[0]).toMatchObject({ col: -1, row: -1 });
  });
});
