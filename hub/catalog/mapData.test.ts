import { describe, expect, it } from 'vitest';
import { CHONGQING_BBOX, loadHierarchy, type LngLat } from '../hierarchy';
import { generateRescueTeams, generateRiskPoints, loadMapData, RESCUE_KINDS, RISK_KINDS } from './mapData';

const { riskPoints, rescueTeams } = loadMapData(1);

function insideChongqing([lng, lat]: LngLat): boolean {
  return lng >= CHONGQING_BBOX.minLng && lng <= CHONGQING_BBOX.maxLng && lat >= CHONGQING_BBOX.minLat && lat <= CHONGQING_BBOX.maxLat;
}

describe('map layers', () => {
  it('has FIELD.md’s 32,000 risk points of every kind inside the city', () => {
    expect(riskPoints).toHaveLength(32_000);
    expect(new Set(riskPoints.map((p) => p.id)).size).toBe(32_000);
    for (const kind of RISK_KINDS) expect(riskPoints.some((p) => p.kind === kind), kind).toBe(true);
    const hierarchy = loadHierarchy();
    for (const point of riskPoints) {
      expect(insideChongqing(point.location)).toBe(true);
      expect(hierarchy.get(point.unit)?.level).toBe('community');
    }
  });

  it('has FIELD.md’s 1,518 rescue teams with a base and a roster', () => {
    expect(rescueTeams).toHaveLength(1518);
    expect(new Set(rescueTeams.map((t) => t.name)).size).toBe(1518);
    for (const kind of ['消防救援队', '防汛抢险队', '地质灾害应急救援队'] as const) expect(RESCUE_KINDS).toContain(kind);
    for (const team of rescueTeams) {
      expect(insideChongqing(team.base)).toBe(true);
      expect(team.size).toBeGreaterThanOrEqual(10);
    }
  });

  it('puts high-rise risks in the core and geological hazards in the hills', () => {
    const highRiseInCore = riskPoints.filter((p) => p.kind === '高层建筑' && p.unit.startsWith('500103')).length;
    const highRiseInChengkou = riskPoints.filter((p) => p.kind === '高层建筑' && p.unit.startsWith('500229')).length;
    expect(highRiseInCore).toBeGreaterThan(highRiseInChengkou);
  });

  it('is the same for the same seed and differs for another', () => {
    const hierarchy = loadHierarchy();
    expect(generateRiskPoints(hierarchy, 1)).toEqual(riskPoints);
    expect(generateRescueTeams(hierarchy, 1)).toEqual(rescueTeams);
    expect(generateRescueTeams(hierarchy, 2)).not.toEqual(rescueTeams);
  });
});
