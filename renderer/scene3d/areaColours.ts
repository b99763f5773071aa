import { thresholdState, type Indicator, type ThresholdState } from '../../shared/protocol/indicators';
import type { IncidentView, WallState } from '../../shared/state/wallState';

/*
 * How the scene colours its areas, and the legend that explains it: by open-incident load (how
 * many open incidents each area has, from the incidents' unit chains), or by an indicator metric
 * against its thresholds. Pure, shared by the scene and its legend.
 */

/** Muted tones on the dark ground, so the markers (coloured by severity) stand out above them. */
export const NO_DATA_COLOUR = '#2c3a4c';

export interface LoadBucket {
  min: number;
  /** Inclusive; Infinity for the last bucket. */
  max: number;
  colour: string;
}

/** Open incidents per area, in fixed steps every officer learns once (not rescaled per view). */
export const LOAD_BUCKETS: readonly LoadBucket[] = [
  { min: 0, max: 0, colour: '#24497a' },
  { min: 1, max: 2, colour: '#2a8193' },
  { min: 3, max: 5, colour: '#c9a227' },
  { min: 6, max: 10, colour: '#e0701a' },
  { min: 11, max: Infinity, colour: '#d63a3a' },
];

export const STATE_COLOURS: Record<ThresholdState, string> = { normal: '#2a8193', warning: '#c9a227', alarm: '#d63a3a' };

/** Index of the bucket a count falls in. */
export function loadBucketIndex(count: number): number {
  const index = LOAD_BUCKETS.findIndex((b) => count >= b.min && count <= b.max);
  return index === -1 ? 0 : index;
}

/** Open incidents per area code: an incident counts for every area its unit chain passes through. */
export function openIncidentLoad(incidents: WallState['incidents'], areaCodes: readonly string[]): Map<string, number> {
  const load = new Map<string, number>(areaCodes.map((code) => [code, 0]));
  for (const incident of Object.values(incidents) as IncidentView[]) {
    if (incident.status !== 'open') continue;
    for (const code of incident.units) {
      const n = load.get(code);
      if (n !== undefined) load.set(code, n + 1);
    }
  }
  return load;
}

/** The metric a `colorBy` names: `500103.power-load` and `power-load` both mean `power-load`; river sections drop their index. */
export function metricOf(colorBy: string): string {
  return colorBy.replace(/^\d{6,15}\./, '').replace(/\.\d{1,3}$/, '');
}

/**
 * Each area's state for a metric: the worst of its own indicators of that metric (a district has
 * one per river section for fluoride), null when it has none or none has reported yet.
 */
export function indicatorStates(metric: string, areaCodes: readonly string[], catalog: readonly Indicator[], values: WallState['indicators']): Map<string, ThresholdState | null> {
  const byArea = new Map<string, Indicator[]>();
  for (const indicator of catalog) {
    const [unit, rest] = splitIndicatorId(indicator.id);
    if (rest === null || (rest !== metric && !rest.startsWith(`${metric}.`))) continue;
    const list = byArea.get(unit) ?? [];
    list.push(indicator);
    byArea.set(unit, list);
  }
  const rank: Record<ThresholdState, number> = { normal: 0, warning: 1, alarm: 2 };
  return new Map(
    areaCodes.map((code) => {
      let worst: ThresholdState | null = null;
      for (const indicator of byArea.get(code) ?? []) {
        const sample = values[indicator.id];
        if (!sample) continue;
        const state = thresholdState(sample.value, indicator.thresholds);
        if (worst === null || rank[state] > rank[worst]) worst = state;
      }
      return [code, worst];
    }),
  );
}

function splitIndicatorId(id: string): [string, string | null] {
  const dot = id.indexOf('.');
  return dot === -1 ? [id, null] : [id.slice(0, dot), id.slice(dot + 1)];
}

/** The metric's display name from the catalog (`电网负荷率`), without the unit's name in front. */
export function metricName(metric: string, catalog: readonly Indicator[]): string | null {
  const indicator = catalog.find((i) => {
    const rest = splitIndicatorId(i.id)[1];
    return rest === metric || rest?.startsWith(`${metric}.`);
  });
  if (!indicator) return null;
  const words = indicator.name.split(/\s+/);
  return words[words.length - 1] ?? indicator.name;
}

export type AreaColouring = { kind: 'incidents'; load: Map<string, number> } | { kind: 'indicator'; metric: string; states: Map<string, ThresholdState | null> };

/** An area's colour and how much to raise it (0 = base height; the busier, the taller). */
export function areaColour(colouring: AreaColouring, code: string): { colour: string; rank: number } {
  if (colouring.kind === 'incidents') {
    const index = loadBucketIndex(colouring.load.get(code) ?? 0);
    return { colour: LOAD_BUCKETS[index]!.colour, rank: index };
  }
  const state = colouring.states.get(code) ?? null;
  if (state === null) return { colour: NO_DATA_COLOUR, rank: 0 };
  return { colour: STATE_COLOURS[state], rank: state === 'alarm' ? 4 : state === 'warning' ? 2 : 0 };
}

/** One line of the legend: a swatch, an i18n key with its values, and how many shown areas it covers. */
export interface LegendEntry {
  colour: string;
  labelKey: string;
  values?: Record<string, number>;
  areas: number;
}

/** The legend for the areas shown: every bucket or state, in order, with its count of areas. */
export function legendEntries(colouring: AreaColouring, areaCodes: readonly string[]): LegendEntry[] {
  if (colouring.kind === 'incidents') {
    const counts = LOAD_BUCKETS.map(() => 0);
    for (const code of areaCodes) counts[loadBucketIndex(colouring.load.get(code) ?? 0)]! += 1;
    return LOAD_BUCKETS.map((b, i) => ({ colour: b.colour, ...bucketLabel(b), areas: counts[i]! }));
  }
  const tally: Record<ThresholdState | 'none', number> = { normal: 0, warning: 0, alarm: 0, none: 0 };
  for (const code of areaCodes) tally[colouring.states.get(code) ?? 'none'] += 1;
  return [
    { colour: STATE_COLOURS.alarm, labelKey: 'scene.legend.alarm', areas: tally.alarm },
    { colour: STATE_COLOURS.warning, labelKey: 'scene.legend.warning', areas: tally.warning },
    { colour: STATE_COLOURS.normal, labelKey: 'scene.legend.normal', areas: tally.normal },
    { colour: NO_DATA_COLOUR, labelKey: 'scene.legend.noData', areas: tally.none },
  ];
}

function bucketLabel(b: LoadBucket): Pick<LegendEntry, 'labelKey' | 'values'> {
  if (b.min === 0) return { labelKey: 'scene.legend.loadNone' };
  if (b.max === Infinity) return { labelKey: 'scene.legend.loadAtLeast', values: { min: b.min } };
  if (b.min === b.max) return { labelKey: 'scene.legend.loadExactly', values: { count: b.min } };
  return { labelKey: 'scene.legend.loadRange', values: { min: b.min, max: b.max } };
}
