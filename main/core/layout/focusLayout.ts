import type { IncidentView } from '../../../shared/state/wallState';
import type { Layout } from '../../../shared/wall/layout';
import { CAMERA_GRIDS } from '../../../shared/wall/panels';
import { GRID_COLUMNS, GRID_ROWS } from '../../../shared/wall/presets';

/** The incident an alarm focuses on: what the layout is composed from. */
export type FocusIncident = Pick<IncidentView, 'incidentId' | 'board' | 'units' | 'location'>;

/**
 * A layout about one incident: its nearest cameras over the left half, its board's indicators for
 * its district, its tasks, and the incident feed with it marked.
 */
export function composeFocusLayout(incident: FocusIncident, cameraIds: readonly string[]): Layout {
  const grid = CAMERA_GRIDS.find((n) => n >= Math.max(cameraIds.length, 4)) ?? 25;
  // The district's indicators (the city's when the incident has no district in its chain).
  const district = incident.units[1] ?? incident.units[0];
  const half = GRID_COLUMNS / 2;
  return {
    id: `focus-${incident.incidentId}`.slice(0, 64).replace(/[^\w.:-]/g, '_'),
    name: 'layout.focus.name',
    columns: GRID_COLUMNS,
    rows: GRID_ROWS,
    cells: [
      { id: 'cameras', column: 0, row: 0, columnSpan: half, rowSpan: GRID_ROWS, panel: { kind: 'cameras', settings: { grid, cameraIds: cameraIds.slice(0, 25) } } },
      {
        id: 'indicators',
        column: half,
        row: 0,
        columnSpan: 3,
        rowSpan: 3,
        panel: { kind: 'indicators', settings: { board: incident.board, ...(district ? { unit: district } : {}), sort: 'severity' } },
      },
      { id: 'tasks', column: half, row: 3, columnSpan: 3, rowSpan: 3, panel: { kind: 'tasks', settings: { view: 'feed', incidentId: incident.incidentId, limit: 12 } } },
      {
        id: 'incidents',
        column: half + 3,
        row: 0,
        columnSpan: 3,
        rowSpan: GRID_ROWS,
        panel: { kind: 'incidents', settings: { view: 'list', focusIncidentId: incident.incidentId, limit: 20 } },
      },
    ],
  };
}
