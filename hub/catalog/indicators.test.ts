import { describe, expect, it } from 'vitest';
import { BOARDS } from '../../shared/protocol/common';
import { Indicator, thresholdState } from '../../shared/protocol/indicators';
import { loadHierarchy } from '../hierarchy';
import { generateIndicators, loadIndicators, publicIndicator } from './indicators';

const indicators = loadIndicators(1);

describe('indicator catalogue', () => {
  it('has exactly 1,500 indicators with distinct ids over all six boards', () => {
    expect(indicators).toHaveLength(1500);
    expect(new Set(indicators.map((i) => i.id)).size).toBe(1500);
    for (const board of BOARDS) expect(indicators.filter((i) => i.board === board).length).toBeGreaterThan(100);
  });

  it('belongs to the city or a district centre, named after it in Chinese', () => {
    const hierarchy = loadHierarchy();
    for (const indicator of indicators) {
      const unit = hierarchy.get(indicator.unit);
      expect(['city', 'district']).toContain(unit?.level);
      expect(indicator.name.startsWith(`${unit?.name} `)).toBe(true);
      expect(Indicator.safeParse(publicIndicator(indicator)).success).toBe(true);
    }
    expect(indicators.filter((i) => i.unit === '500000').length).toBeGreaterThan(30);
    expect(new Set(indicators.map((i) => i.unit)).size).toBe(41);
  });

  it('has river fluoride sections and rainfall gauges in every district', () => {
    const fluoride = indicators.filter((i) => i.metric === 'fluoride');
    expect(fluoride.length).toBeGreaterThanOrEqual(40);
    expect(fluoride.every((i) => i.measure === 'mg/L' && i.board === 'ecology' && i.river)).toBe(true);
    expect(fluoride.find((i) => i.unit === '500103')?.name).toBe('渝中区 长江渝中断面 氟化物');
    const rain = indicators.filter((i) => i.metric === 'rain-hourly');
    expect(new Set(rain.map((i) => i.unit)).size).toBe(41);
  });

  it('starts normal: the baseline sits on the good side of both thresholds', () => {
    for (const indicator of indicators) {
      expect(thresholdState(indicator.baseline, indicator.thresholds), indicator.id).toBe('normal');
      const { warn, alarm, direction } = indicator.thresholds;
      expect(direction === 'above' ? warn < alarm : warn > alarm, indicator.id).toBe(true);
    }
  });

  it('is the same for the same seed and differs for another', () => {
    expect(generateIndicators(1)).toEqual(indicators);
    expect(generateIndicators(2).map((i) => i.id)).not.toEqual(indicators.map((i) => i.id));
  });
});
