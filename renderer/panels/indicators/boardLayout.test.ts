import { describe, expect, it } from 'vitest';
import { pageSlice, planBoardLayout } from './boardLayout';

describe('planBoardLayout', () => {
  it('fits tiles of at least 184 px across a 1920 px wall, in whole rows', () => {
    const layout = planBoardLayout(1900, 1000, 0);
    expect(layout.columns).toBe(9); // (1900 + 8) / 192
    expect(layout.restRows).toBe(6); // (1000 - 24 + 8) / 144
    expect(layout.attentionRows).toBe(0);
    expect(layout.rowHeight).toBe(156); // the space left over shared out: (976 + 8) / 6 - 8
  });

  it('gives attention the rows it needs, never more than half', () => {
    expect(planBoardLayout(1900, 1000, 3)).toMatchObject({ attentionRows: 1, restRows: 5 });
    expect(planBoardLayout(1900, 1000, 200)).toMatchObject({ attentionRows: 3, restRows: 3 });
  });

  it('keeps at least one row and column in a tiny cell', () => {
    expect(planBoardLayout(50, 50, 5)).toEqual({ columns: 1, attentionRows: 1, restRows: 1, rowHeight: 136 });
  });
});

describe('pageSlice', () => {
  it('cuts pages and clamps a page past the end', () => {
    expect(pageSlice(250, 60, 0)).toEqual({ start: 0, end: 60, pages: 5, page: 0 });
    expect(pageSlice(250, 60, 4)).toEqual({ start: 240, end: 250, pages: 5, page: 4 });
    expect(pageSlice(250, 60, 9)).toMatchObject({ page: 4 });
    expect(pageSlice(0, 60, 0)).toEqual({ start: 0, end: 0, pages: 1, page: 0 });
  });
});
