import { describe, expect, it } from 'vitest';
import { rowsThatFit } from './fitRows';

describe('rowsThatFit', () => {
  it('shows every row when all of them fit whole', () => {
    expect(rowsThatFit([100, 200, 300], 300, 60)).toBe(3);
    expect(rowsThatFit([100, 200, 300.4], 300, 60)).toBe(3);
    expect(rowsThatFit([], 300, 60)).toBe(0);
  });

  it('never shows a row cut by the bottom edge, and gives the last whole row’s room to the "+N more" line', () => {
    // Row 3 ends past the 300 px box; the 60 px line then needs 240–300, so row 2 (to 200) is the last shown.
    expect(rowsThatFit([100, 200, 330], 300, 60)).toBe(2);
    // Row 2 would end at 260, inside the box but under the line: held back too.
    expect(rowsThatFit([100, 260, 330], 300, 60)).toBe(1);
  });

  it('shows no row when not even one fits above the line', () => {
    expect(rowsThatFit([280, 400], 300, 60)).toBe(0);
  });

  it('rows sharing a line (a ticker) are shown or held together', () => {
    expect(rowsThatFit([60, 60, 120, 120, 180], 170, 40)).toBe(4);
  });
});
