import { describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/wall/presets';
import type { WallCanvas } from '../../shared/wall/profile';
import { cellsOnSlice, fitScale, HEADER_PX, sliceFor } from './canvasView';

const canvas: WallCanvas = {
  width: 3840,
  height: 1080,
  slices: [
    { displayId: 'a', x: 0, y: 0, width: 1920, height: 1080 },
    { displayId: 'b', x: 1920, y: 0, width: 1920, height: 1080 },
  ],
};
const daily = findPreset('daily')!.layout;

describe('cellsOnSlice', () => {
  it('draws on each display only the cells that fall on it, a spanning cell on both', () => {
    const ids = (displayId: string) => cellsOnSlice(daily, canvas, sliceFor(canvas, displayId)).map((p) => p.cell.id);
    expect(ids('a')).toEqual(['overview', 'cameras', 'ticker']);
    expect(ids('b')).toEqual(['indicators', 'incidents', 'tasks']);
    const leadership = findPreset('leadership')!.layout;
    const both = (displayId: string) => cellsOnSlice(leadership, canvas, sliceFor(canvas, displayId)).map((p) => p.cell.id);
    expect(both('a')).toContain('indicators');
    expect(both('b')).toContain('indicators');
  });

  it('places cells below the header band, in canvas pixels', () => {
    const overview = cellsOnSlice(daily, canvas, sliceFor(canvas, 'a'))[0]!;
    expect(overview.rect.y).toBeGreaterThan(HEADER_PX);
    expect(overview.rect.x + overview.rect.width).toBeLessThan(640);
  });

  it('a window not on the wall shows the whole canvas, scaled to fit', () => {
    const slice = sliceFor(canvas, 'primary');
    expect(slice).toMatchObject({ x: 0, width: 3840 });
    expect(cellsOnSlice(daily, canvas, slice)).toHaveLength(daily.cells.length);
    expect(fitScale(slice, 1920, 1080)).toBe(0.5);
  });
});
