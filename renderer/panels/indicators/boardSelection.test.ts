import { describe, expect, it } from 'vitest';
import type { Indicator, ThresholdState } from '../../../shared/protocol/indicators';
import { countStates, orderBySeverity, selectBoardIndicators, splitIndicatorName, unitPrefix } from './boardSelection';

const ind = (id: string, board: Indicator['board'], unit: string): Indicator => ({
  id,
  name: `某地 ${id}`,
  board,
  unit,
  thresholds: { warn: 1, alarm: 2, direction: 'above' },
});
const catalog = [ind('a', 'facility', '500000'), ind('b', 'ecology', '500103'), ind('c', 'facility', '500103003'), ind('d', 'facility', '500105')];

describe('board selection', () => {
  it('filters by board and by unit, units below included', () => {
    expect(selectBoardIndicators(catalog, { board: 'facility' }).map((i) => i.id)).toEqual(['a', 'c', 'd']);
    expect(selectBoardIndicators(catalog, { board: 'all', unit: '500103' }).map((i) => i.id)).toEqual(['b', 'c']);
    expect(selectBoardIndicators(catalog, { board: 'facility', unit: '500000' }).map((i) => i.id)).toEqual(['a', 'c', 'd']);
    expect(unitPrefix('500000')).toBe('50');
  });

  it('takes explicit ids in their order, skipping unknown ones', () => {
    expect(selectBoardIndicators(catalog, { board: 'all', ids: ['d', 'x', 'a'] }).map((i) => i.id)).toEqual(['d', 'a']);
  });

  it('puts alarms first, then warnings, keeping catalog order within each', () => {
    const states = new Map<string, ThresholdState>([
      ['b', 'warning'],
      ['d', 'alarm'],
      ['c', 'warning'],
    ]);
    expect(orderBySeverity(catalog, states).map((i) => i.id)).toEqual(['d', 'b', 'c', 'a']);
    expect(countStates(catalog, states)).toEqual({ alarm: 1, warning: 2, normal: 1 });
  });

  it('splits a name into place and metric', () => {
    expect(splitIndicatorName('重庆市 供水管网压力')).toEqual({ place: '重庆市', metric: '供水管网压力' });
    expect(splitIndicatorName('空气质量')).toEqual({ place: '', metric: '空气质量' });
  });
});
