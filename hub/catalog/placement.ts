// Scatters catalog items (cameras, risk points, teams) round a unit's centroid while keeping
// them inside the same district, so a point located by the hub lands where its item belongs.
import { Random, roundLngLat, type Hierarchy, type LngLat } from '../hierarchy';

export function scatterInDistrict(
  hierarchy: Hierarchy,
  random: Random,
  center: LngLat,
  sigmaDegrees: number,
  districtCode: string,
): LngLat {
  for (let attempt = 0; attempt < 12; attempt++) {
    const point: LngLat = [center[0] + (random.normal() * sigmaDegrees) / 0.87, center[1] + random.normal() * sigmaDegrees];
    if (hierarchy.locate(point)[1] === districtCode) return roundLngLat(point);
  }
  return roundLngLat(center);
}

/** Splits `total` over `weights` into integers that sum exactly to `total` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** The nine core districts of the main city, where cameras, buildings and high-rises are dense. */
export const CORE_DISTRICTS: ReadonlySet<string> = new Set([
  '500103', // 渝中
  '500105', // 江北
  '500108', // 南岸
  '500106', // 沙坪坝
  '500107', // 九龙坡
  '500104', // 大渡口
  '500112', // 渝北
  '500113', // 巴南
  '500109', // 北碚
]);

/** "渝中区" → "渝中", "石柱土家族自治县" → "石柱": the short form used in place names. */
export function shortDistrictName(name: string): string {
  return name.replace(/(土家族苗族自治县|苗族土家族自治县|土家族自治县|区|县)$/, '').replace(/^(.{2}).*新区$/, '$1');
}

/** The main city (主城都市区核心): the nine core districts and the two new areas inside them. */
export const MAIN_CITY_DISTRICTS: ReadonlySet<string> = new Set([...CORE_DISTRICTS, '500190', '500191']);
