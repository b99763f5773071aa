import type { Layout, LayoutCell } from './layout';
import type { WallCanvas } from './profile';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
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
