import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/protocol/indicators';
import type { IncidentView } from '../../shared/state/wallState';
import { areaColour, indicatorStates, legendEntries, LOAD_BUCKETS, loadBucketIndex, metricName, metricOf, NO_DATA_COLOUR, openIncidentLoad, STATE_COLOURS } from './areaColours';

function incident(id: string, units: string[], status: IncidentView['status'] = 'open'): IncidentView {
  return { incidentId: id, title: id, kind: 'fire', board: 'emergency', severity: 2, location: [106.57, 29.55], units, status, reportedAt: '', updatedAt: '', taskIds: [] };
}

const incidents = Object.fromEntries(
  [
    incident('a', ['500000', '500103', '500103001']),
    incident('b', ['500000', '500103', '500103002']),
    incident('c', ['500000', '500106', '500106001']),
    incident('d', ['500000', '500103', '500103001'], 'closed'),
  ].map((i) => [i.incidentId, i]),
);

describe('open-incident load', () => {
  it('counts each open incident for every shown area its unit chain passes through', () => {
    expect(openIncidentLoad(incidents, ['500103', '500106', '500105'])).toEqual(
      new Map([
        ['500103', 2],
        ['500106', 1],
        ['500105', 0],
      ]),
    );
    expect(openIncidentLoad(incidents, ['500103001', '500103002']).get('500103001')).toBe(1);
  });

  it('falls in fixed buckets: none, 1–2, 3–5, 6–10, more than 10', () => {
    expect([0, 1, 2, 3, 5, 6, 10, 11, 500].map(loadBucketIndex)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
    // Every count lands in exactly one bucket.
    for (let n = 0; n < 40; n++) expect(LOAD_BUCKETS.filter((b) => n >= b.min && n <= b.max)).toHaveLength(1);
  });

  it('colours and raises busier areas more', () => {
    const colouring = { kind: 'incidents' as const, load: new Map([['x', 0], ['y', 12]]) };
    expect(areaColour(colouring, 'x')).toEqual({ colour: LOAD_BUCKETS[0]!.colour, rank: 0 });
    expect(areaColour(colouring, 'y')).toEqual({ colour: LOAD_BUCKETS[4]!.colour, rank: 4 });
  });

  it("has a legend line per bucket, in order, with how many of the shown areas it covers", () => {
    const load = openIncidentLoad(incidents, ['500103', '500106', '500105']);
    const legend = legendEntries({ kind: 'incidents', load }, ['500103', '500106', '500105']);
    expect(legend.map((e) => [e.labelKey, e.values, e.areas])).toEqual([
      ['scene.legend.loadNone', undefined, 1],
      ['scene.legend.loadRange', { min: 1, max: 2 }, 2],
      ['scene.legend.loadRange', { min: 3, max: 5 }, 0],
      ['scene.legend.loadRange', { min: 6, max: 10 }, 0],
      ['scene.legend.loadAtLeast', { min: 11 }, 0],
    ]);
    expect(legend.map((e) => e.colour)).toEqual(LOAD_BUCKETS.map((b) => b.colour));
  });
});

const thresholds = { warn: 85, alarm: 95, direction: 'above' as const };
const catalog: Indicator[] = [
  { id: '500103.power-load', name: '渝中区 电网负荷率', board: 'facility', unit: '500103', thresholds },
  { id: '500106.power-load', name: '沙坪坝区 电网负荷率', board: 'facility', unit: '500106', thresholds },
  { id: '500105.power-load', name: '江北区 电网负荷率', board: 'facility', unit: '500105', thresholds },
  { id: '500103.fluoride.1', name: '渝中区 长江渝中断面 氟化物', board: 'ecology', unit: '500103', thresholds: { warn: 1, alarm: 1.5, direction: 'above' } },
  { id: '500103.fluoride.2', name: '渝中区 嘉陵江渝中断面 氟化物', board: 'ecology', unit: '500103', thresholds: { warn: 1, alarm: 1.5, direction: 'above' } },
  { id: '500103.power-load-peak', name: '渝中区 其他', board: 'facility', unit: '500103', thresholds },
];

describe('colouring by an indicator', () => {
  it('reads an id or a metric as the metric', () => {
    expect(metricOf('500103.power-load')).toBe('power-load');
    expect(metricOf('power-load')).toBe('power-load');
    expect(metricOf('500103.fluoride.2')).toBe('fluoride');
  });

  it("takes each area's own indicator of the metric against its thresholds; none reported is no data", () => {
    const values = { '500103.power-load': { value: 96, at: '' }, '500106.power-load': { value: 50, at: '' }, '500103.power-load-peak': { value: 1, at: '' } };
    const states = indicatorStates('power-load', ['500103', '500106', '500105', '500101'], catalog, values);
    expect(Object.fromEntries(states)).toEqual({ '500103': 'alarm', '500106': 'normal', '500105': null, '500101': null });
    expect(areaColour({ kind: 'indicator', metric: 'power-load', states }, '500103')).toEqual({ colour: STATE_COLOURS.alarm, rank: 4 });
    expect(areaColour({ kind: 'indicator', metric: 'power-load', states }, '500105').colour).toBe(NO_DATA_COLOUR);
  });

  it('takes the worst river section of a district', () => {
    const values = { '500103.fluoride.1': { value: 0.5, at: '' }, '500103.fluoride.2': { value: 1.2, at: '' } };
    expect(indicatorStates('fluoride', ['500103'], catalog, values).get('500103')).toBe('warning');
  });

  it('names the metric without the unit, and has a legend of the three states and no data', () => {
    expect(metricName('fluoride', catalog)).toBe('氟化物');
    expect(metricName('nothing', catalog)).toBeNull();
    const legend = legendEntries({ kind: 'indicator', metric: 'power-load', states: new Map([['a', 'alarm'], ['b', null]]) }, ['a', 'b']);
    expect(legend.map((e) => [e.labelKey, e.areas])).toEqual([
      ['scene.legend.alarm', 1],
      ['scene.legend.warning', 0],
      ['scene.legend.normal', 0],
      ['scene.legend.noData', 1],
    ]);
  });
});
