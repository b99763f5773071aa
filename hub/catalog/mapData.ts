// Map layers beyond units and cameras: FIELD.md's 32,000 risk points and 1,518 rescue teams.
// Kinds follow each place: high-rises and gas in the core, geological hazards in the hills,
// waterlogging along the rivers and in town centres, hazardous chemicals in industrial districts.
import { CITY_CODE } from '../../shared/domain/units';
import { loadHierarchy, Random, type Hierarchy, type UnitRecord } from '../hierarchy';
import { apportion, CORE_DISTRICTS, scatterInDistrict } from './placement';

export const RISK_POINT_COUNT = 32_000;
export const RESCUE_TEAM_COUNT = 1518;

export const RISK_KINDS = ['危岩地灾', '高层建筑', '燃气', '易涝点', '危化品', '尾矿库', '人员密集场所', '老旧房屋'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];
export type RiskLevel = '重大' | '较大' | '一般';

export interface RiskPoint {
  id: string;
  kind: RiskKind;
  name: string;
  level: RiskLevel;
  /** The community it lies in. */
  unit: string;
  location: [number, number];
}

export const RESCUE_KINDS = ['消防救援队', '防汛抢险队', '地质灾害应急救援队', '危化品救援队', '医疗救护队', '电力抢修队', '燃气抢修队', '社会救援队', '森林消防队'] as const;
export type RescueKind = (typeof RESCUE_KINDS)[number];

export interface RescueTeam {
  id: string;
  kind: RescueKind;
  name: string;
  /** Members on the roster. */
  size: number;
  /** The district or street it belongs to. */
  unit: string;
  base: [number, number];
}

/** "Heavy industry" districts with chemical parks. */
const INDUSTRIAL = new Set(['500115', '500102', '500116', '500104', '500117', '500101']);

function riskMix(district: string, urban: boolean): [RiskKind, number][] {
  const core = CORE_DISTRICTS.has(district);
  return [
    ['危岩地灾', core ? 1 : 5],
    ['高层建筑', core ? 6 : urban ? 2 : 0.2],
    ['燃气', urban ? 3 : 1],
    ['易涝点', urban ? 3 : 1.5],
    ['危化品', INDUSTRIAL.has(district) ? 2.5 : 0.4],
    ['尾矿库', core ? 0 : 0.3],
    ['人员密集场所', core ? 3 : urban ? 2 : 0.6],
    ['老旧房屋', core ? 2 : 1.5],
  ];
}

const RISK_PLACES: Record<RiskKind, readonly string[]> = {
  危岩地灾: ['危岩体', '滑坡隐患点', '崩塌隐患点', '不稳定斜坡'],
  高层建筑: ['大厦', '商务中心', '高层住宅', '综合体'],
  燃气: ['燃气调压站', '瓶装燃气供应站', '餐饮燃气用户集中点', '燃气阀室'],
  易涝点: ['下穿道', '低洼路段', '地下车库', '排水口'],
  危化品: ['化工企业', '危化品仓库', '加油加气站', '危化品运输停车场'],
  尾矿库: ['尾矿库'],
  人员密集场所: ['商场', '农贸市场', '客运站', '学校', '医院'],
  老旧房屋: ['老旧小区', 'C级危房', '自建房'],
};

/** `base` the first time, then `base` with a serial ("…2号", "…第2分队") so names stay distinct. */
function distinctName(base: string, seen: Map<string, number>, serial: (n: number) => string): string {
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return n === 1 ? base : `${base}${serial(n)}`;
}

interface StreetSlot { street: UnitRecord; district: string; urban: boolean; communities: UnitRecord[] }

function streetSlots(hierarchy: Hierarchy): StreetSlot[] {
  return hierarchy.children(CITY_CODE).flatMap((district) =>
    hierarchy.children(district.code).map((street) => ({
      street,
      district: district.code,
      urban: street.name.endsWith('街道'),
      communities: hierarchy.children(street.code),
    })),
  );
}

export function generateRiskPoints(hierarchy: Hierarchy, seed: number): RiskPoint[] {
  const random = new Random(`risk-points:${seed}`);
  const slots = streetSlots(hierarchy).filter((slot) => slot.communities.length > 0);
  const counts = apportion(RISK_POINT_COUNT, slots.map((slot) => slot.communities.length * (CORE_DISTRICTS.has(slot.district) ? 1.5 : 1)));
  const points: RiskPoint[] = [];
  const seen = new Map<string, number>();
  slots.forEach((slot, i) => {
    const mix = riskMix(slot.district, slot.urban);
    for (let n = 0; n < (counts[i] ?? 0); n++) {
      const community = random.pick(slot.communities);
      const kind = random.weighted(mix);
      points.push({
        id: `risk-${String(points.length + 1).padStart(5, '0')}`,
        kind,
        name: distinctName(`${community.name}${random.pick(RISK_PLACES[kind])}`, seen, (k) => `${k}号`),
        level: random.weighted<RiskLevel>([['重大', 0.05], ['较大', 0.25], ['一般', 0.7]]),
        unit: community.code,
        location: scatterInDistrict(hierarchy, random, community.centroid, 0.006, slot.district),
      });
    }
  });
  return points;
}

function teamSize(kind: RescueKind, random: Random): number {
  if (kind === '消防救援队' || kind === '森林消防队') return random.int(20, 60);
  if (kind === '社会救援队') return random.int(15, 120);
  return random.int(10, 40);
}

export function generateRescueTeams(hierarchy: Hierarchy, seed: number): RescueTeam[] {
  const random = new Random(`rescue-teams:${seed}`);
  const slots = streetSlots(hierarchy);
  const counts = apportion(RESCUE_TEAM_COUNT, slots.map((slot) => (slot.urban ? 1.8 : 1) * (CORE_DISTRICTS.has(slot.district) ? 1.4 : 1)));
  const teams: RescueTeam[] = [];
  const seen = new Map<string, number>();
  slots.forEach((slot, i) => {
    for (let n = 0; n < (counts[i] ?? 0); n++) {
      const kind = random.weighted<RescueKind>([
        ['消防救援队', 3], ['防汛抢险队', 2.5], ['地质灾害应急救援队', slot.urban ? 0.5 : 2], ['危化品救援队', INDUSTRIAL.has(slot.district) ? 1 : 0.2],
        ['医疗救护队', 1.5], ['电力抢修队', 1], ['燃气抢修队', slot.urban ? 1 : 0.3], ['社会救援队', 1], ['森林消防队', slot.urban ? 0.1 : 1],
      ]);
      // Fire and medical teams report to the district; the rest are the street's own squads.
      const districtLevel = kind === '消防救援队' || kind === '医疗救护队';
      teams.push({
        id: `team-${String(teams.length + 1).padStart(4, '0')}`,
        kind,
        name: distinctName(`${slot.street.name}${kind}`, seen, (k) => `第${k}分队`),
        size: teamSize(kind, random),
        unit: districtLevel ? slot.district : slot.street.code,
        base: scatterInDistrict(hierarchy, random, slot.street.centroid, 0.005, slot.district),
      });
    }
  });
  return teams;
}

export interface MapData { riskPoints: readonly RiskPoint[]; rescueTeams: readonly RescueTeam[] }

const cache = new Map<number, MapData>();

/** Risk points and rescue teams for a seed (generated once, then cached). */
export function loadMapData(seed = 1): MapData {
  let data = cache.get(seed);
  if (!data) {
    const hierarchy = loadHierarchy();
    data = { riskPoints: generateRiskPoints(hierarchy, seed), rescueTeams: generateRescueTeams(hierarchy, seed) };
    cache.set(seed, data);
  }
  return data;
}
