import { describe, expect, it } from 'vitest';
import { sampleAgeMs, staleSeconds, STALE_AFTER_MS } from './staleness';

const T0 = Date.parse('2024-05-01T08:00:00.000Z');

describe('staleness', () => {
  it('ages a sample from its own time', () => {
    expect(sampleAgeMs('2024-05-01T08:00:00.000Z', T0 + 500, T0 + 15_000)).toBe(15_000);
  });

  it('ages a future-stamped sample from when it was received', () => {
    expect(sampleAgeMs('2024-05-01T09:00:00.000Z', T0, T0 + 12_000)).toBe(12_000);
  });

  it('flags only samples older than the limit, in whole seconds', () => {
    expect(staleSeconds(STALE_AFTER_MS)).toBeNull();
    expect(staleSeconds(9_999)).toBeNull();
    expect(staleSeconds(15_400)).toBe(15);
  });
});
