import { describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/wall/presets';
import type { WallCanvas } from '../../shared/wall/profile';
import { cellsOnSlice } from '../layout/canvasView';
import { miniatureCells, miniatureScale, scaled } from './miniatureGeometry';

// Two 1920×1080 displays with a 24 px bezel between them (hidden canvas).
const canvas: WallCanvas = {
  width: 3864,
  height: 1080,
  slices: [
    { displayId: '1', x: 0, y: 0, width: 1920, height: 1080 },
    { displayId: '2', x: 1944, y: 0, width: 1920, height: 1080 },
  ],
};

describe('the miniature’s geometry', () => {
  it('puts every cell exactly where the wall displays draw it, and knows the displays each is on', () => {
    const layout = findPreset('leadership')!.layout;
    const cells = miniatureCells({ layout, canvas });
    expect(cells.map((c) => c.cell.id)).toEqual(layout.cells.map((c) => c.id));
    for (const slice of canvas.slices) {
      for (const drawn of cellsOnSlice(layout, canvas, slice)) expect(cells.find((c) => c.cell.id === drawn.cell.id)?.rect).toEqual(drawn.rect);
    }
    const byId = Object.fromEntries(cells.map((c) => [c.cell.id, c.displayIds]));
    expect(byId['overview']).toEqual(['1']);
    expect(byId['indicators']).toEqual(['1', '2']); // columns 3–8 span the bezel
    expect(byId['cameras']).toEqual(['2']);
  });

  it('fits the canvas in the space given, keeping its shape, never enlarging', () => {
    expect(miniatureScale(canvas, 966, 400)).toBeCloseTo(0.25);
    expect(miniatureScale(canvas, 3864, 135)).toBeCloseTo(0.125);
    expect(miniatureScale({ width: 800, height: 450 }, 1600, 900)).toBe(1);
    expect(miniatureScale(canvas, 0, 400)).toBe(0);
    expect(scaled({ x: 1944, y: 104, width: 100, height: 40 }, 0.25)).toEqual({ x: 486, y: 26, width: 25, height: 10 });
  });
});
