import { describe, expect, it } from 'vitest';
import { formatValue } from './formatValue';

describe('formatValue', () => {
  it('shows fewer decimals as values grow', () => {
    expect(formatValue(0.4031)).toBe('0.403');
    expect(formatValue(8.456)).toBe('8.46');
    expect(formatValue(123.456)).toBe('123.5');
    expect(formatValue(15234.6)).toBe('15235');
    expect(formatValue(-2.5)).toBe('-2.50');
  });

  it('shows a dash for a value that is not a number', () => {
    expect(formatValue(Number.NaN)).toBe('–');
  });
});
