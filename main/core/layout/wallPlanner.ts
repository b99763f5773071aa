import type { CanvasSlice, WallCanvas, WallProfile, WallProfileDisplay } from '../../../shared/wall/profile';

const NO_BEZEL = { left: 0, right: 0, top: 0, bottom: 0 };

/**
 * Turns a wall profile into one logical canvas and each display's slice of it. Displays keep
 * their arrangement; every frame between two columns (rows) of displays adds its bezel width
 * as canvas nobody sees, so a picture crossing the gap continues where the eye expects it.
 */
export const WallPlanner = {
  /**
   * `connected`: the displays present now (hot-plug). The others are left out and the canvas
   * shrinks to what remains; a layout's grid then spreads over the remaining displays, and
   * spreads back when the display returns.
   */
  planCanvas(profile: WallProfile, connected?: Iterable<string>): WallCanvas {
    const present = connected === undefined ? null : new Set(connected);
    const displays = profile.displays.filter((d) => present === null || present.has(d.id));
    if (displays.length === 0) return { width: 1, height: 1, slices: [] };
    const minX = Math.min(...displays.map((d) => d.bounds.x));
    const minY = Math.min(...displays.map((d) => d.bounds.y));
    const maxX = Math.max(...displays.map((d) => d.bounds.x + d.bounds.width));
    const maxY = Math.max(...displays.map((d) => d.bounds.y + d.bounds.height));
    const columns = bezelBands(displays, (d) => d.bounds.x, (b) => [b.left, b.right]);
    const rows = bezelBands(displays, (d) => d.bounds.y, (b) => [b.top, b.bottom]);
    const slices: CanvasSlice[] = displays.map((d) => ({
      displayId: d.id,
      x: d.bounds.x - minX + columns.before(d.bounds.x) + (d.bezel ?? NO_BEZEL).left,
      y: d.bounds.y - minY + rows.before(d.bounds.y) + (d.bezel ?? NO_BEZEL).top,
      width: d.bounds.width,
      height: d.bounds.height,
    }));
    return { width: maxX - minX + columns.total, height: maxY - minY + rows.total, slices };
  },
};

/**
 * Displays grouped by where they start along one axis (a column or a row of screens); each
 * band is as thick in bezels as its thickest-framed display.
 */
function bezelBands(
  displays: WallProfileDisplay[],
  start: (d: WallProfileDisplay) => number,
  sides: (bezel: typeof NO_BEZEL) => [number, number],
): { before(position: number): number; total: number } {
  const bands = new Map<number, number>();
  for (const d of displays) {
    const [near, far] = sides(d.bezel ?? NO_BEZEL);
    bands.set(start(d), Math.max(bands.get(start(d)) ?? 0, near + far));
  }
  const sorted = [...bands.entries()].sort((a, b) => a[0] - b[0]);
  return {
    before: (position) => sorted.filter(([at]) => at < position).reduce((sum, [, thickness]) => sum + thickness, 0),
    total: sorted.reduce((sum, [, thickness]) => sum + thickness, 0),
  };
}
