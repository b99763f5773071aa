import type { ComponentType } from 'react';
import type { PanelKind, PanelSettings } from '../../shared/wall/panels';
import { IncidentsCell } from '../layout/cells/IncidentsCell';
import { StatusCell } from '../layout/cells/StatusCell';
import { City3dPanel } from '../scene3d';
import { TasksCell } from '../layout/cells/TasksCell';
import { CamerasPanel } from './cameras';
import { IndicatorsPanel } from './indicators';
import { ReviewPanel } from './review';
import { SupervisionPanel } from './supervision';

/** What every panel a layout cell can hold takes: its validated settings and the cell's id. */
export type PanelProps<K extends PanelKind> = { settings: PanelSettings<K>; cellId: string };

/**
 * Panel kind → component. The settings schemas live in `shared/wall/panels.ts` (main validates
 * layouts with them); each component gets settings already valid for its kind.
 */
export const PANEL_REGISTRY: { [K in PanelKind]: ComponentType<PanelProps<K>> } = {
  cameras: CamerasPanel,
  indicators: IndicatorsPanel,
  incidents: IncidentsCell,
  tasks: TasksCell,
  status: StatusCell,
  supervision: SupervisionPanel,
  review: ReviewPanel,
  city3d: City3dPanel,
};

export function panelComponent<K extends PanelKind>(kind: K): ComponentType<PanelProps<K>> {
  return PANEL_REGISTRY[kind];
}
