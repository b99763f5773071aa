// The city's 1,500 vital-sign indicators (体征指标): the city centre watches every metric
// city-wide, each district centre a seeded selection, always including its river sections'
// fluoride (巴渝治水) and its rainfall and river-level gauges (防汛).
import type { Indicator } from '../../shared/protocol/indicators';
import { CITY_CODE } from '../../shared/domain/units';
import { loadHierarchy, Random, type UnitRecord } from '../hierarchy';
import { DISTRICT_RIVERS, INDICATOR_TEMPLATES, type DailyRhythm, type IndicatorTemplate } from './indicatorTemplates';
import { MAIN_CITY_DISTRICTS, shortDistrictName } from './placement';

export const INDICATOR_COUNT = 1500;

export interface IndicatorDefinition extends Indicator {
  measure: string;
  /** Template key, e.g. `fluoride`, `rain-hourly`: what the simulator's episodes look for. */
  metric: string;
  baseline: number;
  amplitude: number;
  noise: number;
  rhythm: DailyRhythm;
  floor?: number;
  ceiling?: number;
  /** The river of a water-quality section. */
  river?: string;
}

function define(template: IndicatorTemplate, unit: UnitRecord, scale: number, river?: { name: string; index: number }): IndicatorDefinition {
  const section = river ? `${river.name}${shortDistrictName(unit.name)}断面 ` : '';
  const definition: IndicatorDefinition = {
    id: river ? `${unit.code}.${template.metric}.${river.index}` : `${unit.code}.${template.metric}`,
    name: `${unit.name} ${section}${template.name}`,
    board: template.board,
    unit: unit.code,
    measure: template.measure,
    thresholds: { warn: template.warn * scale, alarm: template.alarm * scale, direction: template.direction },
    metric: template.metric,
    baseline: template.baseline * scale,
    amplitude: template.amplitude * scale,
    noise: template.noise * scale,
    rhythm: template.rhythm,
  };
  if (template.floor !== undefined) definition.floor = template.floor;
  if (template.ceiling !== undefined) definition.ceiling = template.ceiling;
  if (river) definition.river = river.name;
  return definition;
}

function expand(template: IndicatorTemplate, district: UnitRecord): IndicatorDefinition[] {
  if (template.mainCityOnly && !MAIN_CITY_DISTRICTS.has(district.code)) return [];
  if (!template.perRiver) return [define(template, district, 1)];
  return (DISTRICT_RIVERS[district.code] ?? []).map((name, i) => define(template, district, 1, { name, index: i + 1 }));
}

function shuffled<T>(items: T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Uncached generation; `loadIndicators` is what callers want. */
export function generateIndicators(seed: number): IndicatorDefinition[] {
  const hierarchy = loadHierarchy();
  const random = new Random(`indicators:${seed}`);
  const city = hierarchy.get(CITY_CODE);
  if (!city) throw new Error('hierarchy has no city');
  const cityWide = INDICATOR_TEMPLATES.filter((t) => !t.perRiver).map((t) => define(t, city, t.cityScale ?? 1));
  const districts = hierarchy.children(CITY_CODE);
  const chosen = new Map<string, IndicatorDefinition[]>();
  const optional = new Map<string, IndicatorDefinition[]>();
  for (const district of districts) {
    chosen.set(district.code, INDICATOR_TEMPLATES.filter((t) => t.everyDistrict).flatMap((t) => expand(t, district)));
    optional.set(district.code, shuffled(INDICATOR_TEMPLATES.filter((t) => !t.everyDistrict).flatMap((t) => expand(t, district)), random));
  }
  let total = cityWide.length + [...chosen.values()].reduce((n, list) => n + list.length, 0);
  // Deal the remaining quota round-robin so every district ends up with a similar share.
  for (let round = 0; total < INDICATOR_COUNT; round++) {
    let dealt = false;
    for (const district of districts) {
      const next = optional.get(district.code)?.[round];
      if (!next || total >= INDICATOR_COUNT) continue;
      chosen.get(district.code)?.push(next);
      total++;
      dealt = true;
    }
    if (!dealt) throw new Error(`only ${total} indicator candidates for ${INDICATOR_COUNT}`);
  }
  return [...cityWide, ...districts.flatMap((d) => chosen.get(d.code) ?? [])];
}

const cache = new Map<number, readonly IndicatorDefinition[]>();

/** The indicator catalogue for a seed (generated once, then cached). */
export function loadIndicators(seed = 1): readonly IndicatorDefinition[] {
  let indicators = cache.get(seed);
  if (!indicators) {
    indicators = generateIndicators(seed);
    cache.set(seed, indicators);
  }
  return indicators;
}

/** The wire shape of `GET /api/v1/indicators`. */
export function publicIndicator(definition: IndicatorDefinition): Indicator {
  const { id, name, board, unit, thresholds, measure } = definition;
  return { id, name, board, unit, thresholds, measure };
}
