import { describe, expect, it } from 'vitest';
import { project } from '../../shared/geo/projection';
import { Building } from '../../shared/protocol/map';
import { syntheticCity } from './syntheticCity';

describe('syntheticCity', () => {
  const city = syntheticCity({ count: 3000 });

  it('gives exactly the count asked, valid on the wire, unique ids', () => {
    expect(city).toHaveLength(3000);
    for (const building of city.slice(0, 200)) expect(Building.safeParse(building).success).toBe(true);
    expect(new Set(city.map((b) => b.id)).size).toBe(3000);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(syntheticCity({ count: 3000 })).toEqual(city);
    expect(syntheticCity({ count: 3000, seed: 8 })).not.toEqual(city);
  });

  it('has footprints 10–60 m across and heights 6–250 m', () => {
    for (const building of city) {
      const points = building.footprint.map(project);
      // the sides of the footprint's own rectangle, whatever its turn: the longest chord bounds it
      let widest = 0;
      for (const a of points) for (const b of points) widest = Math.max(widest, Math.hypot(a[0] - b[0], a[1] - b[1]));
      expect(widest).toBeGreaterThanOrEqual(9.9);
      expect(widest).toBeLessThanOrEqual(60 * Math.SQRT2 + 0.1);
      expect(building.heightM).toBeGreaterThanOrEqual(6);
      expect(building.heightM).toBeLessThanOrEqual(250);
    }
  });

  it('is dense in the core and taller there, thinning outwards', () => {
    // big enough for the core not to be full: lots keep their size in metres whatever the count
    const big = syntheticCity({ count: 20_000 });
    const km = Math.sqrt(20_000 / 200_000) * 1000;
    const band = (from: number, to: number) => {
      const inside = big.filter((b) => {
        const r = Math.hypot(...project(b.footprint[0]!));
        return r >= from * km && r < to * km;
      });
      const area = Math.PI * ((to * km) ** 2 - (from * km) ** 2);
      return { perKm2: (inside.length / area) * 1e6, meanHeight: inside.reduce((s, b) => s + b.heightM, 0) / inside.length };
    };
    const core = band(0, 3);
    const out = band(10, 12);
    expect(core.perKm2).toBeGreaterThan(800);
    expect(core.perKm2).toBeGreaterThan(4 * out.perKm2);
    expect(core.meanHeight).toBeGreaterThan(2 * out.meanHeight);
  });
});
