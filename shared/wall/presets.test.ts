import { describe, expect, it } from 'vitest';
import { parseAtEdge } from '../validation';
import { Layout } from './layout';
import { BUILT_IN_PRESETS, findPreset, GRID_COLUMNS } from './presets';

describe('the supervision and review presets', () => {
  it('are built in, valid, and named by i18n keys of their own', () => {
    for (const id of ['supervision', 'review']) {
      const preset = findPreset(id)!;
      expect(preset.name).toBe(`${id}.presetName`);
      expect(parseAtEdge(Layout, preset.layout).ok).toBe(true);
    }
    expect(BUILT_IN_PRESETS.map((p) => p.id)).toEqual(['overview', 'daily', 'emergency', 'leadership', 'replay', 'supervision', 'review']);
  });

  it('put the board and the timeline on one display of a two-display wall, clear of the bezel', () => {
    const half = GRID_COLUMNS / 2;
    for (const [id, kind] of [
      ['supervision', 'supervision'],
      ['review', 'review'],
    ] as const) {
      const cell = findPreset(id)!.layout.cells.find((c) => c.panel.kind === kind)!;
      const crossesBezel = cell.column < half && cell.column + cell.columnSpan > half;
      expect(crossesBezel, id).toBe(false);
      expect(cell.columnSpan * cell.rowSpan, id).toBeGreaterThanOrEqual(half * 6);
    }
  });

  it('show the tasks and incidents beside the board, and cameras and incidents beside the review', () => {
    expect(findPreset('supervision')!.layout.cells.map((c) => c.panel.kind).sort()).toEqual(['incidents', 'supervision', 'tasks']);
    expect(findPreset('review')!.layout.cells.map((c) => c.panel.kind).sort()).toEqual(['cameras', 'incidents', 'review']);
  });
});
