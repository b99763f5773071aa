import { describe, expect, it } from 'vitest';
import { unproject } from '../../../shared/geo/projection';
import { buildingFromMetres } from './buildingFixtures';
import { packFootprints, signedAreaXZ } from './footprints';

describe('packFootprints', () => {
  it('projects rings to metres and winds them counter-clockwise from above, whatever the input', () => {
    const square: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    const packed = packFootprints([buildingFromMetres('a', square, 12), buildingFromMetres('b', [...square].reverse(), 30)]);
    expect(packed.count).toBe(2);
    for (const b of [0, 1]) {
      const first = packed.ringStart[b]!;
      expect(packed.ringStart[b + 1]! - first).toBe(4);
      expect(signedAreaXZ(packed.coords, first, 4)).toBeCloseTo(-100, 3);
      expect(packed.centres[b * 2]).toBeCloseTo(5, 3);
      expect(packed.centres[b * 2 + 1]).toBeCloseTo(5, 3);
    }
    expect([...packed.heights]).toEqual([12, 30]);
    expect(packed.ids).toEqual(['a', 'b']);
  });

  it('drops a repeated closing point and repeated points', () => {
    const ring = [unproject([0, 0]), unproject([0, 0]), unproject([0, 20]), unproject([20, 20]), unproject([20, 0]), unproject([0, 0])];
    const packed = packFootprints([{ id: 'c', footprint: ring, heightM: 5 }]);
    expect(packed.ringStart[1]).toBe(4);
  });

  it('skips footprints with no area, keeping the others and counting the skipped', () => {
    const line = buildingFromMetres(
      'line',
      [
        [0, 0],
        [5, 0],
        [10, 0],
      ],
      10,
    );
    const point = buildingFromMetres(
      'point',
      [
        [3, 3],
        [3, 3],
        [3, 3],
      ],
      10,
    );
    const good = buildingFromMetres(
      'good',
      [
        [0, 0],
        [0, 8],
        [8, 0],
      ],
      10,
    );
    const packed = packFootprints([line, point, good]);
    expect(packed.count).toBe(1);
    expect(packed.skipped).toBe(2);
    expect(packed.ids).toEqual(['good']);
    expect([...packed.source]).toEqual([2]);
    expect(packed.ringStart[1]).toBe(3);
  });
});
