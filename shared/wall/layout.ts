import { z } from 'zod';
import { PANEL_KINDS, PANEL_SETTINGS, type PanelKind, type PanelSpec } from './panels';

/*
 * A layout divides the wall's canvas into a grid and puts a panel in each cell. Validation names
 * the failing field (`cells.2.panel.settings.grid`) so an operator importing a file can fix it.
 */

const Id = z.string().min(1).max(64).regex(/^[\w.:-]+$/, 'letters, digits, _ . : - only');
export const MAX_GRID = 48;

/** A cell's panel: a known kind with settings valid for it (errors name `settings.<field>`). */
export const PanelSpecSchema = z
  .strictObject({ kind: z.string(), settings: z.unknown() })
  .superRefine((panel, ctx) => {
    if (!(PANEL_KINDS as string[]).includes(panel.kind)) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `unknown panel kind "${panel.kind.slice(0, 40)}" (known: ${PANEL_KINDS.join(', ')})` });
      return;
    }
    const result = PANEL_SETTINGS[panel.kind as PanelKind].safeParse(panel.settings);
    for (const issue of result.error?.issues ?? []) {
      ctx.addIssue({ code: 'custom', path: ['settings', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
    }
  })
  .transform((panel) => panel as PanelSpec);

export const LayoutCell = z.strictObject({
  id: Id,
  /** 0-based column and row of the cell's top-left corner. */
  column: z.number().int().min(0),
  row: z.number().int().min(0),
  columnSpan: z.number().int().min(1),
  rowSpan: z.number().int().min(1),
  panel: PanelSpecSchema,
});
export type LayoutCell = z.infer<typeof LayoutCell>;

export const Layout = z
  .strictObject({
    id: Id,
    /** Free text, or an i18n key (`layout.presets.daily`) the views translate. */
    name: z.string().min(1).max(120),
    columns: z.number().int().min(1).max(MAX_GRID),
    rows: z.number().int().min(1).max(MAX_GRID),
    cells: z.array(LayoutCell).max(64),
  })
  .superRefine((layout, ctx) => {
    const owner = new Map<string, string>();
    const ids = new Set<string>();
    layout.cells.forEach((cell, index) => {
      if (ids.has(cell.id)) ctx.addIssue({ code: 'custom', path: ['cells', index, 'id'], message: `cell id "${cell.id}" is used twice` });
      ids.add(cell.id);
      if (cell.column + cell.columnSpan > layout.columns) {
        ctx.addIssue({ code: 'custom', path: ['cells', index, 'columnSpan'], message: `cell "${cell.id}" ends at column ${cell.column + cell.columnSpan}, past the grid's ${layout.columns}` });
        return;
      }
      if (cell.row + cell.rowSpan > layout.rows) {
        ctx.addIssue({ code: 'custom', path: ['cells', index, 'rowSpan'], message: `cell "${cell.id}" ends at row ${cell.row + cell.rowSpan}, past the grid's ${layout.rows}` });
        return;
      }
      for (let c = cell.column; c < cell.column + cell.columnSpan; c++) {
        for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
          const taken = owner.get(`${c},${r}`);
          if (taken !== undefined) {
            ctx.addIssue({ code: 'custom', path: ['cells', index], message: `cell "${cell.id}" overlaps cell "${taken}" at column ${c}, row ${r}` });
            return;
          }
          owner.set(`${c},${r}`, cell.id);
        }
      }
    });
  });
export type Layout = z.infer<typeof Layout>;

export const LAYOUT_MODES = ['preset', 'focus'] as const;
export type LayoutMode = (typeof LAYOUT_MODES)[number];

/** A named layout the console switches to with one click. `name` is an i18n key. */
export interface Preset {
  id: string;
  name: string;
  layout: Layout;
}
