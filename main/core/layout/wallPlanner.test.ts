import { describe, expect, it } from 'vitest';
import { cellRect, displaysShowing } from '../../../shared/wall/geometry';
import { findPreset } from '../../../shared/wall/presets';
import type { WallProfile } from '../../../shared/wall/profile';
import { WallPlanner } from './wallPlanner';

const bezel = { left: 10, right: 10, top: 0, bottom: 0 };
const twoWide: WallProfile = {
  displays: [
    { id: 'left', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 'right', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
  ],
};

describe('WallPlanner.planCanvas', () => {
  it('puts side-by-side displays on one canvas, each with its own slice', () => {
    expect(WallPlanner.planCanvas(twoWide)).toEqual({
      width: 3840,
      height: 1080,
      slices: [
        { displayId: 'left', x: 0, y: 0, width: 1920, height: 1080 },
        { displayId: 'right', x: 1920, y: 0, width: 1920, height: 1080 },
      ],
    });
  });

  it('counts bezels as hidden canvas, so content lines up across the physical gap', () => {
    const framed: WallProfile = { displays: twoWide.displays.map((d) => ({ ...d, bezel })) };
    const canvas = WallPlanner.planCanvas(framed);
    expect(canvas.width).toBe(3840 + 40);
    // The right display starts after the left one's right frame and its own left frame.
    expect(canvas.slices.map((s) => s.x)).toEqual([10, 1920 + 20 + 10]);
    // The 20 px between the two slices are the frames: nothing shown there, nothing skipped.
    expect(canvas.slices[1]!.x - (canvas.slices[0]!.x + 1920)).toBe(bezel.right + bezel.left);
  });

  it('handles a 2 × 2 wall placed anywhere on the desktop, bezels counted once per column and row', () => {
    const frame = { left: 5, right: 5, top: 8, bottom: 8 };
    const at = (id: string, x: number, y: number) => ({ id, bounds: { x, y, width: 1920, height: 1080 }, bezel: frame });
    const canvas = WallPlanner.planCanvas({ displays: [at('a', -1920, 0), at('b', 0, 0), at('c', -1920, 1080), at('d', 0, 1080)] });
    expect([canvas.width, canvas.height]).toEqual([3840 + 20, 2160 + 32]);
    expect(canvas.slices.find((s) => s.displayId === 'd')).toMatchObject({ x: 1920 + 10 + 5, y: 1080 + 16 + 8 });
  });

  it('when a display is unplugged, its cells move to the remaining one; they come back when it returns', () => {
    const layout = findPreset('daily')!.layout;
    const indicators = layout.cells.find((c) => c.id === 'indicators')!;
    const where = (connected?: string[]) => {
      const canvas = WallPlanner.planCanvas(twoWide, connected);
      return { canvas, shown: displaysShowing(cellRect(layout, indicators, { x: 0, y: 0, width: canvas.width, height: canvas.height }), canvas) };
    };
    expect(where().shown).toEqual(['right']);

    const degraded = where(['left']);
    expect(degraded.canvas).toEqual({ width: 1920, height: 1080, slices: [{ displayId: 'left', x: 0, y: 0, width: 1920, height: 1080 }] });
    expect(degraded.shown).toEqual(['left']);
    // Every cell of the layout still fits on what remains.
    for (const cell of layout.cells) {
      const rect = cellRect(layout, cell, { x: 0, y: 0, width: 1920, height: 1080 });
      expect(rect.x + rect.width).toBeLessThanOrEqual(1920);
    }

    expect(where(['left', 'right']).shown).toEqual(['right']);
  });

  it('keeps the remaining display at the canvas origin when the left one goes', () => {
    expect(WallPlanner.planCanvas(twoWide, ['right']).slices).toEqual([{ displayId: 'right', x: 0, y: 0, width: 1920, height: 1080 }]);
    expect(WallPlanner.planCanvas(twoWide, []).slices).toEqual([]);
  });
});
