import { describe, expect, it } from 'vitest';
import { SampleRing } from './sampleRing';

describe('SampleRing', () => {
  it('keeps values oldest first until full', () => {
    const ring = new SampleRing(4);
    ring.push(1);
    ring.push(2);
    expect(ring.length).toBe(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.latest()).toBe(2);
  });

  it('drops the oldest once full, keeping the newest `capacity` in order', () => {
    const ring = new SampleRing(3);
    for (const v of [1, 2, 3, 4, 5]) ring.push(v);
    expect(ring.length).toBe(3);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.at(0)).toBe(3);
    expect(ring.at(3)).toBeUndefined();
    expect(ring.latest()).toBe(5);
  });

  it('is empty again after clear, and refuses a useless capacity', () => {
    const ring = new SampleRing(2);
    ring.push(7);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.latest()).toBeUndefined();
    expect(() => new SampleRing(0)).toThrow(RangeError);
  });
});
