import { describe, expect, it } from 'vitest';
import { buildingGrid } from './buildingFixtures';
import { packFootprints } from './footprints';
import { DEFAULT_LOD, distanceToBounds, minVisibleHeight, pixelsPerRadian, slotsAtLeast, wantsNear } from './lodPolicy';
import { buildTileGeometry } from './tileGeometry';
import { planTiles } from './tilePlan';

describe('LOD policy', () => {
  const bounds = { minX: 0, minZ: 0, maxX: 1000, maxZ: 1000, maxY: 100 };

  it('measures the distance to a cell box: zero inside, straight above, diagonal beyond a corner', () => {
    expect(distanceToBounds(500, 50, 500, bounds)).toBe(0);
    expect(distanceToBounds(500, 400, 500, bounds)).toBe(300);
    expect(distanceToBounds(-300, 100, -400, bounds)).toBe(500);
  });

  it('turns near under nearM and far again only past nearM × (1 + hysteresis)', () => {
    const { nearM, hysteresis } = DEFAULT_LOD;
    expect(wantsNear(nearM - 1, false)).toBe(true);
    expect(wantsNear(nearM + 1, false)).toBe(false);
    expect(wantsNear(nearM + 1, true)).toBe(true);
    expect(wantsNear(nearM * (1 + hysteresis) - 1, true)).toBe(true);
    expect(wantsNear(nearM * (1 + hysteresis) + 1, true)).toBe(false);
  });

  it('drops buildings under minPixels of screen height: 1080 px, 35° fov', () => {
    const ppr = pixelsPerRadian(1080, 35);
    expect(ppr).toBeCloseTo(1080 / (2 * Math.tan((17.5 * Math.PI) / 180)), 6);
    // 2 px at 10 km is ~11.7 m
    expect(DEFAULT_LOD.minPixels).toBe(2);
    expect(minVisibleHeight(10_000, ppr)).toBeCloseTo((2 * 10_000) / ppr, 6);
    expect(minVisibleHeight(10_000, ppr)).toBeGreaterThan(11);
    expect(minVisibleHeight(10_000, ppr)).toBeLessThan(12.5);
    expect(minVisibleHeight(20_000, ppr)).toBeCloseTo(2 * minVisibleHeight(10_000, ppr), 6);
  });

  it('counts the leading slots at least a height tall in a tallest-first geometry', () => {
    const packed = packFootprints(buildingGrid(10, 50));
    const [cell] = planTiles(packed).cells;
    const boxes = buildTileGeometry(packed, cell!.byHeight, 'box');
    const heights = [...cell!.byHeight].map((b) => packed.heights[b]!);
    for (const min of [0, 10, 35, 50, 99, 100, 101, 1000]) {
      expect(slotsAtLeast(boxes, min)).toBe(heights.filter((h) => h >= min).length);
    }
  });
});
