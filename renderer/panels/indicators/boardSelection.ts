import type { Indicator, ThresholdState } from '../../../shared/protocol/indicators';
import type { IndicatorsPanelSettings } from './settings';

/** The code prefix shared by a unit and every unit under it ("500000" → "50", "500103" → "500103"). */
export function unitPrefix(code: string): string {
  return code.replace(/(00)+$/, '') || code;
}

/** The indicators a panel shows, in catalog order (or the order of `ids`). */
export function selectBoardIndicators(catalog: readonly Indicator[], settings: IndicatorsPanelSettings): Indicator[] {
  if (settings.ids) {
    const byId = new Map(catalog.map((i) => [i.id, i]));
    return settings.ids.flatMap((id) => byId.get(id) ?? []);
  }
  const prefix = settings.unit ? unitPrefix(settings.unit) : null;
  return catalog.filter((i) => (settings.board === 'all' || i.board === settings.board) && (prefix === null || i.unit.startsWith(prefix)));
}

const RANK: Record<ThresholdState, number> = { alarm: 0, warning: 1, normal: 2 };

/** Alarms first, then warnings, then the rest; ties keep their given order so tiles stay put. */
export function orderBySeverity(indicators: readonly Indicator[], states: ReadonlyMap<string, ThresholdState>): Indicator[] {
  return indicators
    .map((indicator, index) => ({ indicator, index, rank: RANK[states.get(indicator.id) ?? 'normal'] }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.indicator);
}

export function orderByName(indicators: readonly Indicator[]): Indicator[] {
  const collator = new Intl.Collator('zh-CN');
  return [...indicators].sort((a, b) => collator.compare(a.name, b.name));
}

export interface StateCounts {
  alarm: number;
  warning: number;
  normal: number;
}

export function countStates(indicators: readonly Indicator[], states: ReadonlyMap<string, ThresholdState>): StateCounts {
  const counts: StateCounts = { alarm: 0, warning: 0, normal: 0 };
  for (const i of indicators) counts[states.get(i.id) ?? 'normal'] += 1;
  return counts;
}

/** "重庆市 供水管网压力" → where ("重庆市") and what ("供水管网压力"), so the tile can set them apart. */
export function splitIndicatorName(name: string): { place: string; metric: string } {
  const space = name.lastIndexOf(' ');
  return space > 0 ? { place: name.slice(0, space), metric: name.slice(space + 1) } : { place: '', metric: name };
}
