import { describe, expect, it } from 'vitest';
import { CITY3D_LAYERS } from '../../../shared/wall/panels';
import { effectiveLayers, LAYER_POLICY, RISK_LEVELS_SHOWN, sceneLevelOf, toggledLayers } from './layerPolicy';

describe('sceneLevelOf', () => {
  it('shows the city, a district, and everything below as a street', () => {
    expect(sceneLevelOf('500000')).toBe('city');
    expect(sceneLevelOf('500103')).toBe('district');
    expect(sceneLevelOf('500103003')).toBe('street');
    expect(sceneLevelOf('500103003001')).toBe('street');
  });
});

describe('layer policy', () => {
  it('never draws risk points or cameras over the whole city, nor buildings above a street', () => {
    expect(effectiveLayers({ risks: true, cameras: true, buildings: true }, 'city')).toMatchObject({ risks: false, cameras: false, buildings: false });
    expect(effectiveLayers({ buildings: true }, 'district').buildings).toBe(false);
    expect(RISK_LEVELS_SHOWN.city).toEqual([]);
  });

  it('follows the level’s defaults where the officer chose nothing', () => {
    expect(effectiveLayers(undefined, 'city')).toEqual({ areas: true, labels: true, buildings: false, incidents: true, tasks: true, cameras: false, teams: false, risks: false });
    expect(effectiveLayers(undefined, 'district')).toMatchObject({ buildings: false, cameras: false, teams: true, risks: true });
    expect(effectiveLayers(undefined, 'street')).toEqual(Object.fromEntries(CITY3D_LAYERS.map((l) => [l, true])));
  });

  it('keeps the officer’s choice where the level allows one', () => {
    expect(effectiveLayers({ incidents: false, teams: true }, 'city')).toMatchObject({ incidents: false, teams: true });
  });

  it('a toggle flips the effective state and keeps the other choices', () => {
    expect(toggledLayers(undefined, 'city', 'teams')).toEqual({ teams: true });
    expect(toggledLayers({ teams: true }, 'city', 'incidents')).toEqual({ teams: true, incidents: false });
    expect(toggledLayers({ incidents: false }, 'street', 'incidents')).toEqual({ incidents: true });
  });

  it('has a rule for every layer at every level', () => {
    for (const level of ['city', 'district', 'street'] as const) expect(Object.keys(LAYER_POLICY[level]).sort()).toEqual([...CITY3D_LAYERS].sort());
  });
});
