import type { Layout, LayoutCell } from './layout';
import type { WallCanvas } from './profile';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/*
 * Where cells land on the canvas: one computation for the wall views that draw them and for main,
 * which decides from it which displays a cell edit touches (control of displays).
 */

/** Canvas pixels the header band (hall, clock, link) takes across the top of the wall. */
export const HEADER_PX = 104;
/** Canvas pixels each bottom display keeps for its footer (mode, display, seq). */
export const FOOTER_PX = 44;
/** Space between cells, in canvas pixels. */
export const CELL_GAP_PX = 12;

/** Where the layout's grid lies on the canvas: below the header band, above the footers. */
export function layoutArea(canvas: Pick<WallCanvas, 'width' | 'height'>): Rect {
  return { x: 0, y: HEADER_PX, width: canvas.width, height: Math.max(1, canvas.height - HEADER_PX - FOOTER_PX) };
}

/** A cell's rectangle in an area of the canvas (the part below the header band). */
export function cellRect(layout: Pick<Layout, 'columns' | 'rows'>, cell: Pick<LayoutCell, 'column' | 'row' | 'columnSpan' | 'rowSpan'>, area: Rect): Rect {
  const columnWidth = area.width / layout.columns;
  const rowHeight = area.height / layout.rows;
  return {
    x: area.x + cell.column * columnWidth,
    y: area.y + cell.row * rowHeight,
    width: cell.columnSpan * columnWidth,
    height: cell.rowSpan * rowHeight,
  };
}

/** The displays a canvas rectangle shows on (any overlap with their slice). */
export function displaysShowing(rect: Rect, canvas: WallCanvas): string[] {
  return canvas.slices
    .filter((s) => rect.x < s.x + s.width && rect.x + rect.width > s.x && rect.y < s.y + s.height && rect.y + rect.height > s.y)
    .map((s) => s.displayId);
}

/** Where a cell is drawn on the canvas: its grid rectangle in the layout area, the gap taken off. */
export function placedCellRect(layout: Pick<Layout, 'columns' | 'rows'>, cell: Pick<LayoutCell, 'column' | 'row' | 'columnSpan' | 'rowSpan'>, canvas: WallCanvas): Rect {
  const r = cellRect(layout, cell, layoutArea(canvas));
  const half = CELL_GAP_PX / 2;
  return { x: r.x + half, y: r.y + half, width: r.width - CELL_GAP_PX, height: r.height - CELL_GAP_PX };
}

/** The displays a layout cell is drawn on. */
export function displaysOfCell(layout: Pick<Layout, 'columns' | 'rows'>, cell: Pick<LayoutCell, 'column' | 'row' | 'columnSpan' | 'rowSpan'>, canvas: WallCanvas): string[] {
  return displaysShowing(placedCellRect(layout, cell, canvas), canvas);
}
