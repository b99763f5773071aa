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
    expect(BUILT_IN_PRESETS.map((p) => p.id)).toEqual(['overview', 'daily', 'emergency', 'leadership', 'replay', 'supervision', 'review', 'city']);
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

describe('the city preset (城市态势)', () => {
  const preset = findPreset('city')!;

  it('is built in, valid, and named by an i18n key of the scene', () => {
    expect(preset.name).toBe('scene.presetName');
    expect(parseAtEdge(Layout, preset.layout).ok).toBe(true);
  });

  it('spans the scene over the full width, so on two displays one picture crosses the bezel', () => {
    const scene = preset.layout.cells.find((c) => c.panel.kind === 'city3d')!;
    expect(scene.column).toBe(0);
    expect(scene.columnSpan).toBe(GRID_COLUMNS);
    expect(scene.rowSpan).toBeGreaterThanOrEqual(4);
  });

  it('keeps a thin band of incidents and task states under it, each on one display', () => {
    const band = preset.layout.cells.filter((c) => c.panel.kind !== 'city3d');
    expect(band.map((c) => c.panel.kind).sort()).toEqual(['incidents', 'tasks']);
    for (const cell of band) {
      expect(cell.rowSpan).toBe(1);
      expect(cell.column < GRID_COLUMNS / 2 && cell.column + cell.columnSpan > GRID_COLUMNS / 2, cell.id).toBe(false);
    }
  });
});
