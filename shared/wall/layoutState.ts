import { z } from 'zod';
import { Layout, LAYOUT_MODES, type LayoutMode } from './layout';
import { WallCanvasSchema, type WallCanvas } from './profile';

/**
 * What every view is told about the wall's picture: the layout on it, why (a preset, or a focus
 * on an incident), and the canvas it is drawn over. `revision` only grows, so a view can drop a
 * push older than the one it already shows.
 */
export interface LayoutState {
  layout: Layout;
  mode: LayoutMode;
  presetId?: string;
  focusIncidentId?: string;
  revision: number;
  canvas: WallCanvas;
}

export const LayoutStateSchema: z.ZodType<LayoutState> = z.object({
  layout: Layout,
  mode: z.enum(LAYOUT_MODES),
  presetId: z.string().optional(),
  focusIncidentId: z.string().optional(),
  revision: z.number().int().min(0),
  canvas: WallCanvasSchema,
});
