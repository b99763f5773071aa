// PointGridIndex against a brute-force scan, near and far: a point far outside the grid must
// cost no more than the grid's own cells (it once scanned every ring out to the point).
import { describe, expect, it } from 'vitest';
import { squaredDistance, type LngLat } from './geometry';
import { Random } from './random';
import { PointGridIndex } from './spatialIndex';

const CELL = 0.02;
const random = new Random(7);
// 1° × 1° round Chongqing: 50 × 50 cells.
const points: LngLat[] = Array.from({ length: 2_000 }, () => [106 + random.next(), 29 + random.next()]);
const GRID_CELLS = 51 * 51;

const bruteForce = (probe: LngLat, limit: number) =>
  [...points].sort((a, b) => squaredDistance(probe, a) - squaredDistance(probe, b)).slice(0, limit);

describe('PointGridIndex', () => {
  it('finds the true nearest points inside the grid', () => {
    const index = PointGridIndex.of(points, (p) => p, CELL);
    for (const probe of [[106.5, 29.5], [106.01, 29.99], [106.73, 29.12]] as LngLat[]) {
      expect(index.nearest(probe, 7)).toEqual(bruteForce(probe, 7));
    }
  });

  it.each([
    ['Beijing', [116.4, 39.9]],
    ['the origin', [0, 0]],
    ['the far south-west corner of the world', [-180, -90]],
    ['the far north-east corner', [180, 90]],
    ['just west of the grid', [105.9, 29.5]],
  ] as [string, LngLat][])('answers a point at %s with the true nearest, scanning at most the grid', (_label, probe) => {
    const index = PointGridIndex.of(points, (p) => p, CELL);
    expect(index.nearest(probe, 3)).toEqual(bruteForce(probe, 3));
    expect(index.cellsVisited).toBeGreaterThan(0);
    expect(index.cellsVisited).toBeLessThanOrEqual(GRID_CELLS);
  });

  it('honours the filter and the limit, and answers an empty index with nothing', () => {
    const index = PointGridIndex.of(points, (p) => p, CELL);
    const east = (p: LngLat) => p[0] > 106.5;
    expect(index.nearest([0, 0], 4, east)).toEqual(points.filter(east).sort((a, b) => squaredDistance([0, 0], a) - squaredDistance([0, 0], b)).slice(0, 4));
    expect(index.nearest([106.5, 29.5], 0)).toEqual([]);
    expect(PointGridIndex.of<LngLat>([], (p) => p).nearest([0, 0], 3)).toEqual([]);
  });
});
