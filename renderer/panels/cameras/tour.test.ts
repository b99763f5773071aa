import { describe, expect, it } from 'vitest';
import { fixedPage, tourPage } from './tour';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);

describe('camera tours', () => {
  it('pages through more cameras than the grid holds, wrapping around', () => {
    expect(tourPage(ids(10), 4, 0)).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(tourPage(ids(10), 4, 1)).toEqual(['c4', 'c5', 'c6', 'c7']);
    expect(tourPage(ids(10), 4, 2)).toEqual(['c8', 'c9', 'c0', 'c1']);
  });

  it('rotates fewer cameras than tiles by one tile per step, leaving the rest empty', () => {
    expect(tourPage(ids(3), 4, 0)).toEqual(['c0', 'c1', 'c2', undefined]);
    expect(tourPage(ids(3), 4, 1)).toEqual(['c1', 'c2', 'c0', undefined]);
    expect(tourPage([], 1, 5)).toEqual([undefined]);
  });

  it('shows the listed cameras, or the directory’s first ones when none is listed', () => {
    expect(fixedPage(['a', 'b'], ids(9), 4)).toEqual(['a', 'b', undefined, undefined]);
    expect(fixedPage([], ids(9), 4)).toEqual(['c0', 'c1', 'c2', 'c3']);
  });
});
