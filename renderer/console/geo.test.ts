import { describe, expect, it } from 'vitest';
import { distanceMetres, parseLngLat } from './geo';

describe('points and distances', () => {
  it('reads a typed "lng,lat", with a Chinese comma or spaces', () => {
    expect(parseLngLat('106.55,29.56')).toEqual([106.55, 29.56]);
    expect(parseLngLat(' 106.55， 29.56 ')).toEqual([106.55, 29.56]);
    expect(parseLngLat('106.55 29.56')).toEqual([106.55, 29.56]);
  });

  it('refuses what is not a point', () => {
    for (const bad of ['', '106.55', '106.55,', 'a,b', '200,29', '106,95', '1,2,3']) expect(parseLngLat(bad), bad).toBeNull();
  });

  it('measures great-circle distance in metres', () => {
    // 解放碑 to 朝天门, about 1.3 km apart.
    const d = distanceMetres([106.5770, 29.5573], [106.5860, 29.5650]);
    expect(d).toBeGreaterThan(1_150);
    expect(d).toBeLessThan(1_300);
    // One degree of latitude is about 111 km.
    expect(distanceMetres([106, 29], [106, 30]) / 1000).toBeCloseTo(111.2, 0);
    expect(distanceMetres([106, 29], [106, 29])).toBe(0);
  });
});
