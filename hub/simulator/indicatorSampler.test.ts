import { describe, expect, it } from 'vitest';
import { thresholdState } from '../../shared/protocol/indicators';
import { loadIndicators } from '../catalog';
import { Random } from '../hierarchy';
import { IndicatorSampler, valuePast } from './indicatorSampler';

const indicators = loadIndicators(1);
const byId = new Map(indicators.map((i) => [i.id, i]));
const at = (isoUtc: string) => Date.parse(isoUtc);

function mean(sampler: IndicatorSampler, id: string, start: number, seconds: number): number {
  let sum = 0;
  for (let s = 0; s < seconds; s++) sum += sampler.sample(start + s * 1000).find((x) => x.id === id)!.value;
  return sum / seconds;
}

describe('IndicatorSampler', () => {
  it('follows the daily rhythm in Chongqing time: traffic peaks at the 08:00 rush, not at 03:00', () => {
    const traffic = indicators.find((i) => i.metric === 'traffic-index' && i.unit === '500000')!;
    const sampler = new IndicatorSampler(indicators, new Random(1));
    const rush = mean(sampler, traffic.id, at('2024-06-03T00:00:00Z'), 30); // 08:00 +08:00
    const night = mean(sampler, traffic.id, at('2024-06-02T19:00:00Z'), 30); // 03:00 +08:00
    expect(rush).toBeGreaterThan(night + traffic.amplitude * 0.7);
  });

  it('stays normal at midday without an excursion and respects floors and ceilings', () => {
    const sampler = new IndicatorSampler(indicators, new Random(2));
    const start = at('2024-06-03T04:00:00Z'); // 12:00 in Chongqing, between the rush hours
    const violations: string[] = [];
    for (let s = 0; s < 20; s++) {
      for (const sample of sampler.sample(start + s * 1000)) {
        const indicator = byId.get(sample.id)!;
        if (thresholdState(sample.value, indicator.thresholds) !== 'normal') violations.push(`${sample.id} ${sample.value}`);
        if (indicator.floor !== undefined && sample.value < indicator.floor) violations.push(`${sample.id} below floor`);
        if (indicator.ceiling !== undefined && sample.value > indicator.ceiling) violations.push(`${sample.id} above ceiling`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('drives an excursion past the alarm threshold and back', () => {
    const pressure = indicators.find((i) => i.metric === 'water-pressure')!;
    const sampler = new IndicatorSampler(indicators, new Random(3));
    const start = at('2024-06-03T04:00:00Z');
    sampler.excursion(pressure.id, { target: valuePast(pressure, true), start, rampUpMs: 10_000, holdMs: 10_000, rampDownMs: 10_000 });
    const value = (t: number) => sampler.sample(start + t).find((x) => x.id === pressure.id)!.value;
    expect(thresholdState(value(15_000), pressure.thresholds)).toBe('alarm');
    expect(thresholdState(value(40_000), pressure.thresholds)).toBe('normal');
    expect(sampler.isExcursing(pressure.id, start + 40_000)).toBe(false);
  });
});
