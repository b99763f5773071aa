import { describe, expect, it } from 'vitest';
import { SCENE_ORIGIN, project, unproject } from './projection';

describe('scene projection', () => {
  it('puts the origin at 0,0, east at +x and north at -z, in metres', () => {
    expect(project(SCENE_ORIGIN)).toEqual([0, 0]);
    const [east] = project([SCENE_ORIGIN[0] + 0.01, SCENE_ORIGIN[1]]);
    expect(east).toBeGreaterThan(960);
    expect(east).toBeLessThan(980); // 0.01° of longitude at 29.6° N ≈ 968 m
    const [, north] = project([SCENE_ORIGIN[0], SCENE_ORIGIN[1] + 0.01]);
    expect(north).toBeCloseTo(-1113.2, 1);
  });

  it('round-trips', () => {
    const point: [number, number] = [108.4, 31.2];
    const [lng, lat] = unproject(project(point));
    expect(lng).toBeCloseTo(point[0], 9);
    expect(lat).toBeCloseTo(point[1], 9);
  });
});
