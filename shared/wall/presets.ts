import type { Layout, LayoutCell, Preset } from './layout';
import type { PanelSpec } from './panels';

/*
 * The built-in presets, on a 12 × 6 grid over the whole canvas. On a two-display wall columns
 * 0–5 fall on the left display and 6–11 on the right; on one display the same grid is simply
 * smaller. Camera cells without ids are filled by main from the wall unit's cameras when applied.
 */

export const GRID_COLUMNS = 12;
export const GRID_ROWS = 6;

function cell(id: string, column: number, row: number, columnSpan: number, rowSpan: number, panel: PanelSpec): LayoutCell {
  return { id, column, row, columnSpan, rowSpan, panel };
}

function layout(id: string, name: string, cells: LayoutCell[]): Layout {
  return { id, name, columns: GRID_COLUMNS, rows: GRID_ROWS, cells };
}

/** No cells: each display shows the classic overview of incidents and tasks (the first start). */
const overview = layout('overview', 'layout.presets.overview', []);

const daily = layout('daily', 'layout.presets.daily', [
  cell('overview', 0, 0, 2, 6, { kind: 'status', settings: { show: ['severity', 'boards'] } }),
  cell('cameras', 2, 0, 4, 4, { kind: 'cameras', settings: { grid: 9, cameraIds: [] } }),
  cell('ticker', 2, 4, 4, 2, { kind: 'incidents', settings: { view: 'ticker', limit: 8 } }),
  cell('indicators', 6, 0, 3, 6, { kind: 'indicators', settings: { board: 'all', sort: 'severity' } }),
  cell('incidents', 9, 0, 3, 3, { kind: 'incidents', settings: { view: 'list', limit: 12 } }),
  cell('tasks', 9, 3, 3, 3, { kind: 'tasks', settings: { view: 'feed', limit: 10 } }),
]);

const emergency = layout('emergency', 'layout.presets.emergency', [
  cell('cameras', 0, 0, 6, 6, { kind: 'cameras', settings: { grid: 16, cameraIds: [] } }),
  cell('indicators', 6, 0, 3, 3, { kind: 'indicators', settings: { board: 'emergency', sort: 'severity' } }),
  cell('tasks', 6, 3, 3, 3, { kind: 'tasks', settings: { view: 'feed', limit: 12 } }),
  cell('incidents', 9, 0, 3, 6, { kind: 'incidents', settings: { view: 'list', severities: [1, 2], limit: 20 } }),
]);

const leadership = layout('leadership', 'layout.presets.leadership', [
  cell('overview', 0, 0, 3, 6, { kind: 'status', settings: { show: ['severity', 'boards'] } }),
  cell('indicators', 3, 0, 6, 3, { kind: 'indicators', settings: { board: 'all', sort: 'severity' } }),
  cell('task-states', 3, 3, 6, 3, { kind: 'tasks', settings: { view: 'states' } }),
  cell('cameras', 9, 0, 3, 3, { kind: 'cameras', settings: { grid: 4, cameraIds: [] } }),
  cell('incidents', 9, 3, 3, 3, { kind: 'incidents', settings: { view: 'list', limit: 6 } }),
]);

const replay = layout('replay', 'layout.presets.replay', [
  cell('incidents', 0, 0, 3, 6, { kind: 'incidents', settings: { view: 'list', limit: 20 } }),
  cell('tasks', 3, 0, 3, 6, { kind: 'tasks', settings: { view: 'feed', limit: 20 } }),
  cell('cameras', 6, 0, 4, 4, { kind: 'cameras', settings: { grid: 4, cameraIds: [] } }),
  cell('indicators', 6, 4, 4, 2, { kind: 'indicators', settings: { board: 'emergency', sort: 'severity' } }),
  cell('task-states', 10, 0, 2, 6, { kind: 'status', settings: { show: ['tasks', 'severity'] } }),
]);

/*
 * 督办督查: the left display is the supervision board of the wall's unit (its subordinate units'
 * open, overdue and escalated tasks and step times); the right one the tasks and incidents behind it.
 */
const supervision = layout('supervision', 'supervision.presetName', [
  cell('supervision', 0, 0, 6, 6, { kind: 'supervision', settings: {} }),
  cell('tasks', 6, 0, 3, 6, { kind: 'tasks', settings: { view: 'feed', limit: 12 } }),
  cell('incidents', 9, 0, 3, 6, { kind: 'incidents', settings: { view: 'list', limit: 12 } }),
]);

/*
 * 事件复盘: one incident's timeline for leadership on the left display (kept off the bezel so no
 * line is cut), its cameras and the incident list on the right.
 */
const review = layout('review', 'review.presetName', [
  cell('review', 0, 0, 6, 6, { kind: 'review', settings: {} }),
  cell('cameras', 6, 0, 6, 4, { kind: 'cameras', settings: { grid: 4, cameraIds: [] } }),
  cell('incidents', 6, 4, 6, 2, { kind: 'incidents', settings: { view: 'ticker', limit: 6 } }),
]);

/*
 * 城市态势: the 3D city across the whole width of the wall (on a two-display wall one scene over
 * both displays, each drawing its slice of one camera), a thin band of the latest incidents and
 * the tasks' states under it.
 */
const city = layout('city', 'scene.presetName', [
  cell('scene', 0, 0, GRID_COLUMNS, 5, { kind: 'city3d', settings: { colorBy: 'incidents' } }),
  cell('ticker', 0, 5, 6, 1, { kind: 'incidents', settings: { view: 'ticker', limit: 6 } }),
  cell('task-states', 6, 5, 6, 1, { kind: 'tasks', settings: { view: 'states' } }),
]);

export const BUILT_IN_PRESETS: readonly Preset[] = [
  { id: 'overview', name: 'layout.presets.overview', layout: overview },
  { id: 'daily', name: 'layout.presets.daily', layout: daily },
  { id: 'emergency', name: 'layout.presets.emergency', layout: emergency },
  { id: 'leadership', name: 'layout.presets.leadership', layout: leadership },
  { id: 'replay', name: 'layout.presets.replay', layout: replay },
  { id: 'supervision', name: 'supervision.presetName', layout: supervision },
  { id: 'review', name: 'review.presetName', layout: review },
  { id: 'city', name: 'scene.presetName', layout: city },
];

export const DEFAULT_PRESET_ID = 'overview';

export function findPreset(id: string): Preset | undefined {
  return BUILT_IN_PRESETS.find((p) => p.id === id);
}
