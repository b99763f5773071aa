import { BOARDS } from '../../shared/protocol/common';
import type { LayoutCell } from '../../shared/wall/layout';
import { CAMERA_GRIDS, type PanelSpec } from '../../shared/wall/panels';

/** One choice of the console's panel palette: a panel with the settings it lands with. */
export interface PaletteEntry {
  id: string;
  /** Which palette group it is listed under. */
  group: 'cameras' | 'indicators' | 'incidents' | 'tasks' | 'status';
  panel: PanelSpec;
}

/**
 * Every panel an officer can drag onto a cell: camera grids, each indicator board and all of
 * them, the three incident views and the review, the two task views and the supervision board,
 * and the overview counts and the 3D city.
 */
export const PALETTE_ENTRIES: readonly PaletteEntry[] = [
  ...CAMERA_GRIDS.map((grid): PaletteEntry => ({ id: `cameras-${grid}`, group: 'cameras', panel: { kind: 'cameras', settings: { grid, cameraIds: [] } } })),
  ...(['all', ...BOARDS] as const).map((board): PaletteEntry => ({ id: `indicators-${board}`, group: 'indicators', panel: { kind: 'indicators', settings: { board, sort: 'severity' } } })),
  ...(['list', 'ticker', 'summary'] as const).map((view): PaletteEntry => ({ id: `incidents-${view}`, group: 'incidents', panel: { kind: 'incidents', settings: { view } } })),
  ...(['feed', 'states'] as const).map((view): PaletteEntry => ({ id: `tasks-${view}`, group: 'tasks', panel: { kind: 'tasks', settings: { view } } })),
  { id: 'status', group: 'status', panel: { kind: 'status', settings: { show: ['severity', 'boards', 'tasks'] } } },
  // 督办 works on tasks, 复盘 on an incident: listed with them rather than in groups of their own.
  { id: 'supervision', group: 'tasks', panel: { kind: 'supervision', settings: {} } },
  { id: 'review', group: 'incidents', panel: { kind: 'review', settings: {} } },
  // The 3D city is a 态势 view: listed with the overview counts.
  { id: 'city3d', group: 'status', panel: { kind: 'city3d', settings: { colorBy: 'incidents' } } },
];

export const PALETTE_GROUPS = ['cameras', 'indicators', 'incidents', 'tasks', 'status'] as const;

export function findPaletteEntry(id: string): PaletteEntry | undefined {
  return PALETTE_ENTRIES.find((entry) => entry.id === id);
}

/**
 * The panel a cell gets when `panel` is dropped on it. A camera grid dropped on a camera cell
 * keeps the cameras the officer already put there (as many as the new grid holds), so changing
 * 3×3 to 4×4 does not throw the picked cameras away.
 */
export function panelForCell(panel: PanelSpec, cell: Pick<LayoutCell, 'panel'> | undefined): PanelSpec {
  if (panel.kind !== 'cameras' || cell?.panel.kind !== 'cameras') return panel;
  const kept = cell.panel.settings.cameraIds.slice(0, panel.settings.grid);
  return { kind: 'cameras', settings: { ...panel.settings, cameraIds: kept } };
}
