import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { Building } from '../../shared/protocol/map';
import { CORE_DISTRICTS } from '../catalog';
import { loadHierarchy } from '../hierarchy';
import { MapAreas } from './areas';
import { generateBuildings, profileOf, type StreetSite } from './buildings';
import { centroidOf } from './buildingCatalog';
import { cleanMultiPolygon, multiPolygonArea, signedArea, toPlane } from './planar';

const hierarchy = loadHierarchy();
const areas = new MapAreas(hierarchy);

function siteOf(code: string): StreetSite {
  const street = hierarchy.get(code)!;
  return { code, position: toPlane(street.centroid), core: CORE_DISTRICTS.has(code.slice(0, 6)), urban: street.name.endsWith('街道') };
}
const buildingsOf = (code: string) => generateBuildings(siteOf(code), areas.streetRegion(code)!);

describe('generated buildings', () => {
  it('every street of 渝中区 has a few hundred to 2,000, tall (20–250 m), inside its cell', () => {
    for (const street of hierarchy.children('500103')) {
      const buildings = buildingsOf(street.code);
      const region = areas.streetRegion(street.code)!;
      expect(buildings.length, street.name).toBeGreaterThanOrEqual(200);
      expect(buildings.length, street.name).toBeLessThanOrEqual(2000);
      for (const building of buildings) {
        Building.parse(building);
        expect(building.heightM).toBeGreaterThanOrEqual(20);
        expect(building.heightM).toBeLessThanOrEqual(250);
        expect(building.footprint.every((corner) => region.contains(toPlane(corner))), building.id).toBe(true);
        expect(signedArea(building.footprint.map(toPlane))).toBeGreaterThan(0);
      }
      const heights = buildings.map((b) => b.heightM).sort((a, b) => a - b);
      expect(heights[Math.floor(heights.length / 2)]).toBeGreaterThan(50);
    }
  });

  it('outside the core: sparse and low (6–40 m)', () => {
    const wanzhou = hierarchy.children('500101');
    for (const street of wanzhou.slice(0, 6)) {
      const buildings = buildingsOf(street.code);
      expect(buildings.length).toBeLessThanOrEqual(profileOf(siteOf(street.code)).cap);
      expect(buildings.every((b) => b.heightM >= 6 && b.heightM <= 40)).toBe(true);
    }
  });

  it('is deterministic and gives ids unique across streets', () => {
    expect(buildingsOf('500103003')).toEqual(buildingsOf('500103003'));
    const ids = [...buildingsOf('500103003'), ...buildingsOf('500103001')].map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('500103003-g0001');
  });

  it('footprints never overlap', () => {
    const buildings = buildingsOf('500103003');
    const { pitch } = profileOf(siteOf('500103003'));
    const plane = buildings.map((b) => ({ ring: b.footprint.map(toPlane), centre: toPlane(centroidOf(b.footprint)) }));
    let pairs = 0;
    for (let i = 0; i < plane.length; i++) {
      for (let j = i + 1; j < plane.length; j++) {
        const a = plane[i]!, b = plane[j]!;
        if (Math.hypot(a.centre[0] - b.centre[0], a.centre[1] - b.centre[1]) > pitch * 1.5) continue;
        pairs++;
        expect(multiPolygonArea(cleanMultiPolygon(polygonClipping.intersection([a.ring], [b.ring])))).toBe(0);
      }
    }
    expect(pairs).toBeGreaterThan(buildings.length);
  });
});
