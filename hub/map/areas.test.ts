import polygonClipping from 'polygon-clipping';
import { describe, expect, it } from 'vitest';
import { UnitAreaList, type UnitArea } from '../../shared/protocol/map';
import { loadHierarchy } from '../hierarchy';
import { MapAreas } from './areas';
import { cleanMultiPolygon, multiPolygonArea, PlaneRegion, signedArea, toPlane, type PlaneMultiPolygon, type PlanePoint } from './planar';

const hierarchy = loadHierarchy();
const areas = new MapAreas(hierarchy);

function areasOf(parent: string): UnitArea[] {
  const answer = areas.childrenOf(parent);
  if (!answer.ok) throw new Error(answer.message);
  return UnitAreaList.parse(answer.areas);
}

const planeOf = (area: UnitArea): PlaneMultiPolygon => area.polygons.map((polygon) => polygon.map((ring) => ring.map(toPlane)));

/** Two segments cross (touching at a shared end does not count). */
function segmentsCross(a: PlanePoint, b: PlanePoint, c: PlanePoint, d: PlanePoint): boolean {
  const orient = (p: PlanePoint, q: PlanePoint, r: PlanePoint) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

function selfCrossings(ring: PlanePoint[]): number {
  let crossings = 0;
  for (let i = 0; i < ring.length; i++) {
    for (let j = i + 2; j < ring.length; j++) {
      if (i === 0 && j === ring.length - 1) continue;
      if (segmentsCross(ring[i]!, ring[(i + 1) % ring.length]!, ring[j]!, ring[(j + 1) % ring.length]!)) crossings++;
    }
  }
  return crossings;
}

/** Rings open, ≥ 3 points, outer counter-clockwise, holes clockwise, not crossing themselves; label inside. */
function expectValidArea(area: UnitArea): void {
  const plane = planeOf(area);
  for (const polygon of plane) {
    polygon.forEach((ring, r) => {
      expect(ring.length).toBeGreaterThanOrEqual(3);
      expect(ring[0]).not.toEqual(ring[ring.length - 1]);
      expect(Math.sign(signedArea(ring))).toBe(r === 0 ? 1 : -1);
      expect(selfCrossings(ring), `${area.code} ring crosses itself`).toBe(0);
    });
  }
  expect(new PlaneRegion(plane).contains(toPlane(area.centroid)), `${area.code} label inside`).toBe(true);
}

describe('map areas', () => {
  it('the city: the 38 districts with outlines (not the two new areas), valid, labelled inside, a few hundred KB', () => {
    const city = areasOf('500000');
    expect(city).toHaveLength(38);
    const codes = city.map((a) => a.code);
    expect(codes).not.toContain('500190');
    expect(codes).not.toContain('500191');
    expect(city.every((a) => a.level === 'district')).toBe(true);
    expect(city.find((a) => a.code === '500103')?.name).toBe('渝中区');
    city.forEach(expectValidArea);
    const bytes = Buffer.byteLength(JSON.stringify(city));
    expect(bytes).toBeLessThan(400_000);
    // Chongqing is about 82,400 km²
    const km2 = city.reduce((sum, a) => sum + multiPolygonArea(planeOf(a)), 0) / 1e6;
    expect(km2).toBeGreaterThan(80_000);
    expect(km2).toBeLessThan(85_000);
  });

  it('a district: its streets tile it (areas add up, no overlaps), each street’s position inside its own cell', () => {
    const district = areasOf('500000').find((a) => a.code === '500103')!;
    const streets = areasOf('500103');
    expect(streets.map((s) => s.code)).toEqual(hierarchy.children('500103').map((s) => s.code));
    streets.forEach(expectValidArea);
    const total = streets.reduce((sum, s) => sum + multiPolygonArea(planeOf(s)), 0);
    expect(total / multiPolygonArea(planeOf(district))).toBeCloseTo(1, 1);
    for (let i = 0; i < streets.length; i++) {
      expect(new PlaneRegion(planeOf(streets[i]!)).contains(toPlane(hierarchy.get(streets[i]!.code)!.centroid))).toBe(true);
      for (let j = i + 1; j < streets.length; j++) {
        const overlap = polygonClipping.intersection(planeOf(streets[i]!), planeOf(streets[j]!));
        expect(multiPolygonArea(cleanMultiPolygon(overlap))).toBeLessThan(1);
      }
    }
  });

  it('every district: every street has a cell holding its position, and the cells add up to the district', () => {
    for (const district of areasOf('500000')) {
      const streets = areasOf(district.code);
      expect(streets).toHaveLength(hierarchy.children(district.code).length);
      const raw = new PlaneRegion(cleanMultiPolygon(hierarchy.districtBoundaries().get(district.code)!.map((ring) => [ring.map(toPlane)])));
      const total = streets.reduce((sum, s) => sum + multiPolygonArea(planeOf(s)), 0);
      expect(Math.abs(total / raw.area - 1), district.name).toBeLessThan(0.001);
      for (const street of streets) expect(new PlaneRegion(planeOf(street)).contains(toPlane(hierarchy.get(street.code)!.centroid)), street.name).toBe(true);
    }
  });

  it('a street: its communities tile its cell', () => {
    const street = areasOf('500103').find((s) => s.code === '500103001')!;
    const communities = areasOf('500103001');
    expect(communities.map((c) => c.code)).toEqual(hierarchy.children('500103001').map((c) => c.code));
    expect(communities.every((c) => c.level === 'community')).toBe(true);
    communities.forEach(expectValidArea);
    const total = communities.reduce((sum, c) => sum + multiPolygonArea(planeOf(c)), 0);
    expect(total / multiPolygonArea(planeOf(street))).toBeCloseTo(1, 2);
  });

  it('new areas have no children to draw; communities and grids are refused; unknown codes are not found', () => {
    expect(areasOf('500190')).toEqual([]);
    expect(areas.childrenOf('500103001003')).toEqual({
      ok: false,
      code: 'invalid',
      message: 'parent: areas go down to communities, so give the city, a district or a street (500103001003 is a community)',
    });
    expect(areas.childrenOf('500199')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('answers once per parent and keeps it', () => {
    const first = areas.childrenOf('500105');
    expect(areas.childrenOf('500105')).toEqual(first);
    expect(first.ok && first.areas).toBe(areas.childrenOf('500105').ok && (areas.childrenOf('500105') as { areas: UnitArea[] }).areas);
  });

  it('streetAt finds the street whose cell holds a point; nothing outside the districts', () => {
    const jiefangbei: [number, number] = [106.5775, 29.5575];
    const street = areas.streetAt(jiefangbei)!;
    expect(street.startsWith('500103')).toBe(true);
    expect(areas.streetRegion(street)!.contains(toPlane(jiefangbei))).toBe(true);
    expect(areas.streetAt([105.2, 28.2])).toBeUndefined();
  });
});
