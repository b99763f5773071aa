import { describe, expect, it } from 'vitest';
import { PanelSpecSchema } from '../../shared/wall/layout';
import { BOARDS } from '../../shared/protocol/common';
import { CAMERA_GRIDS, PANEL_KINDS } from '../../shared/wall/panels';
import { findPaletteEntry, PALETTE_ENTRIES, panelForCell } from './palette';

describe('the panel palette', () => {
  it('offers every camera grid, each board and all, every incident and task view, and the overview — each valid for main', () => {
    const ids = PALETTE_ENTRIES.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([...CAMERA_GRIDS.map((g) => `cameras-${g}`), 'indicators-all', ...BOARDS.map((b) => `indicators-${b}`), 'incidents-list', 'incidents-ticker', 'incidents-summary', 'tasks-feed', 'tasks-states', 'status']));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(PALETTE_ENTRIES.map((e) => e.panel.kind))).toEqual(new Set(PANEL_KINDS));
    for (const entry of PALETTE_ENTRIES) expect(PanelSpecSchema.safeParse(entry.panel).success, entry.id).toBe(true);
  });

  it('keeps the cameras already in a camera cell when its grid changes, as many as fit', () => {
    const cell = { panel: { kind: 'cameras' as const, settings: { grid: 9 as const, cameraIds: ['a', 'b', 'c', 'd', 'e'] } } };
    expect(panelForCell(findPaletteEntry('cameras-4')!.panel, cell)).toEqual({ kind: 'cameras', settings: { grid: 4, cameraIds: ['a', 'b', 'c', 'd'] } });
    expect(panelForCell(findPaletteEntry('cameras-16')!.panel, cell).settings).toMatchObject({ grid: 16, cameraIds: ['a', 'b', 'c', 'd', 'e'] });
    // Onto any other cell the palette's panel lands as it is.
    const tasks = { panel: { kind: 'tasks' as const, settings: { view: 'feed' as const } } };
    expect(panelForCell(findPaletteEntry('cameras-4')!.panel, tasks)).toEqual(findPaletteEntry('cameras-4')!.panel);
    expect(panelForCell(findPaletteEntry('status')!.panel, cell)).toEqual(findPaletteEntry('status')!.panel);
  });
});
