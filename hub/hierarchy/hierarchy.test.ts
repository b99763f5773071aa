import { describe, expect, it } from 'vitest';
import { buildUnits } from './buildUnits';
import { CHONGQING_BBOX, loadHierarchy } from './index';

const hierarchy = loadHierarchy();

function insideChongqing([lng, lat]: [number, number]): boolean {
  return lng >= CHONGQING_BBOX.minLng && lng <= CHONGQING_BBOX.maxLng && lat >= CHONGQING_BBOX.minLat && lat <= CHONGQING_BBOX.maxLat;
}

describe('Chongqing hierarchy', () => {
  it('has the real counts of FIELD.md', () => {
    expect(hierarchy.count('city')).toBe(1);
    expect(hierarchy.children('500000')).toHaveLength(40);
    expect(hierarchy.count('district')).toBe(40);
    expect(hierarchy.count('street')).toBe(1031);
    expect(hierarchy.count('community')).toBe(11270);
    expect(hierarchy.count('grid')).toBeGreaterThanOrEqual(61_000);
    expect(hierarchy.count('grid')).toBeLessThanOrEqual(66_000);
  });

  it('uses the real codes and display names', () => {
    expect(hierarchy.get('500000')?.name).toBe('重庆市');
    expect(hierarchy.get('500103')?.name).toBe('渝中区');
    expect(hierarchy.get('500103001003')).toMatchObject({ name: '华一坡社区', level: 'community', parent: '500103001' });
    expect(hierarchy.get('500190')).toMatchObject({ name: '两江新区', level: 'district', parent: '500000' });
    expect(hierarchy.get('500191')?.name).toBe('西部科学城重庆高新区');
    expect(hierarchy.get('500155')?.name).toBe('梁平区');
    const grids = hierarchy.children('500103001003');
    expect(grids.length).toBeGreaterThanOrEqual(5);
    expect(grids.length).toBeLessThanOrEqual(6);
    expect(grids[0]).toMatchObject({ code: '500103001003001', level: 'grid', name: '华一坡社区第1网格' });
  });

  it('strips the committee suffix from every community name', () => {
    for (const unit of hierarchy.all()) {
      if (unit.level === 'community') expect(unit.name).not.toMatch(/委员会$/);
    }
  });

  it('walks chains from the city down', () => {
    expect(hierarchy.chain('500103001003001')).toEqual(['500000', '500103', '500103001', '500103001003', '500103001003001']);
    expect(hierarchy.chain('500000')).toEqual(['500000']);
    expect(hierarchy.chain('nope')).toEqual([]);
  });

  it('locates a district centroid inside that district, down to a grid', () => {
    const chain = hierarchy.locate(hierarchy.get('500103')!.centroid);
    expect(chain.slice(0, 2)).toEqual(['500000', '500103']);
    expect(chain).toHaveLength(5);
    expect(hierarchy.get(chain[4]!)?.level).toBe('grid');
    expect(hierarchy.chain(chain[4]!)).toEqual(chain);
  });

  it('locates a point just outside the city in the nearest district', () => {
    const chain = hierarchy.locate([105.2, 30.9]); // west of 潼南, in Sichuan
    expect(chain).toHaveLength(5);
    expect(chain[1]).toBe('500152');
  });

  it('places every street inside its own district', () => {
    for (const unit of hierarchy.all()) {
      if (unit.level === 'street') expect(hierarchy.locate(unit.centroid)[1], unit.code).toBe(unit.parent);
    }
  });

  it('locates a point in under a millisecond', () => {
    const points = [...hierarchy.all()].filter((u) => u.level === 'community').slice(0, 2000).map((u) => u.centroid);
    const start = performance.now();
    for (const point of points) hierarchy.locate(point);
    expect((performance.now() - start) / points.length).toBeLessThan(1);
  });

  it('decodes district boundaries into Chongqing coordinates', () => {
    const boundaries = hierarchy.districtBoundaries();
    expect(boundaries.size).toBe(38);
    for (const [code, rings] of boundaries) {
      expect(hierarchy.get(code)?.level).toBe('district');
      for (const ring of rings) {
        expect(ring.length).toBeGreaterThanOrEqual(3);
        for (const point of ring) expect(insideChongqing(point), `${code} ${point}`).toBe(true);
      }
    }
  });

  it('keeps every generated position inside Chongqing and stable', () => {
    for (const unit of hierarchy.all()) expect(insideChongqing(unit.centroid)).toBe(true);
    // A fresh build (as in another process) places every unit at the same spot.
    const rebuilt = buildUnits().records;
    const original = [...hierarchy.all()];
    expect(rebuilt.length).toBe(original.length);
    for (const unit of rebuilt) expect(hierarchy.get(unit.code)?.centroid).toEqual(unit.centroid);
  });
});
