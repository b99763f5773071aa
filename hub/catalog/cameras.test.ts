import { describe, expect, it } from 'vitest';
import { CHONGQING_BBOX, loadHierarchy, squaredDistance, type LngLat } from '../hierarchy';
import { CAMERA_CLIP_COUNT, generateCameras, loadCameras } from './cameras';
import { CORE_DISTRICTS } from './placement';

const catalog = loadCameras(1);
const cameras = catalog.all();

function insideChongqing([lng, lat]: LngLat): boolean {
  return lng >= CHONGQING_BBOX.minLng && lng <= CHONGQING_BBOX.maxLng && lat >= CHONGQING_BBOX.minLat && lat <= CHONGQING_BBOX.maxLat;
}

describe('camera catalogue', () => {
  it('has about 6,000 cameras with distinct ids on streets and communities', () => {
    expect(cameras.length).toBeGreaterThanOrEqual(5500);
    expect(cameras.length).toBeLessThanOrEqual(6500);
    expect(new Set(cameras.map((c) => c.id)).size).toBe(cameras.length);
    const hierarchy = loadHierarchy();
    for (const camera of cameras) {
      expect(camera.id).toMatch(/^cam-5\d{5}-\d{4}$/);
      expect(['street', 'community']).toContain(hierarchy.get(camera.unit)?.level);
      expect(camera.id.slice(4, 10)).toBe(hierarchy.chain(camera.unit)[1]);
      expect(insideChongqing(camera.location)).toBe(true);
      expect(camera.clip).toBeGreaterThanOrEqual(0);
      expect(camera.clip).toBeLessThan(CAMERA_CLIP_COUNT);
      expect(camera.name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(catalog.get('cam-500103-0001')?.id).toBe('cam-500103-0001');
  });

  it('is densest in the nine core districts', () => {
    const core = cameras.filter((c) => CORE_DISTRICTS.has(c.id.slice(4, 10))).length;
    expect(core / cameras.length).toBeGreaterThan(0.45);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateCameras(loadHierarchy(), 1)).toEqual(cameras);
    expect(generateCameras(loadHierarchy(), 2)).not.toEqual(cameras);
  });

  it('finds the nearest cameras, nearest first, as a brute-force scan would', () => {
    const probes: LngLat[] = [[106.5776, 29.5572], [106.2, 29.3], [108.4, 30.8], [109.9, 31.1], [105.3, 29.4]];
    for (const probe of probes) {
      const expected = [...cameras].sort((a, b) => squaredDistance(probe, a.location) - squaredDistance(probe, b.location)).slice(0, 12);
      expect(catalog.nearestCameras(probe, 12).map((c) => c.id)).toEqual(expected.map((c) => c.id));
    }
  });

  it('keeps a unit filter to that unit’s subtree', () => {
    const near = catalog.nearestCameras([106.5776, 29.5572], 5, '500108');
    expect(near).toHaveLength(5);
    expect(near.every((c) => c.unit.startsWith('500108'))).toBe(true);
    expect(catalog.nearestCameras([106.5776, 29.5572], 0)).toEqual([]);
  });
});
