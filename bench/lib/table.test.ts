import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, percentile } from './table';

describe('formatTable', () => {
  it('aligns text left and numbers right under a ruled header', () => {
    const out = formatTable(['server', 'p50 ms', 'events/s'], [['hub', 1.5, 12000], ['echo', 0.25, 9]], 'Delivery');
    expect(out.split('\n')).toEqual([
      'Delivery',
      'server  p50 ms  events/s',
      '------  ------  --------',
      'hub       1.50    12,000',
      'echo      0.25         9',
    ]);
  });

  it('counts CJK characters as two columns and shows missing values as a dash', () => {
    expect(displayWidth('渝中区')).toBe(6);
    const out = formatTable(['unit', 'n'], [['渝中区', null], ['city', 3]]);
    expect(out.split('\n')[2]).toBe('渝中区  –');
    expect(out.split('\n')[3]).toBe('city    3');
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 50)).toBeNull();
  });
});
