import { displaysShowing, placedCellRect, type Rect } from '../../shared/wall/geometry';
import type { LayoutCell } from '../../shared/wall/layout';
import type { LayoutState } from '../../shared/wall/layoutState';
import type { WallCanvas } from '../../shared/wall/profile';

export interface MiniatureCell {
  cell: LayoutCell;
  /** Canvas pixels, exactly as the wall draws the cell (gap taken off). */
  rect: Rect;
  /** The displays the cell shows on: whose control an edit of it needs. */
  displayIds: string[];
}

/** Every cell of the layout where the wall draws it (the wall's and main's own placement), and the displays it is on. */
export function miniatureCells(state: Pick<LayoutState, 'layout' | 'canvas'>): MiniatureCell[] {
  const { canvas, layout } = state;
  return layout.cells.map((cell) => {
    const rect = placedCellRect(layout, cell, canvas);
    return { cell, rect, displayIds: displaysShowing(rect, canvas) };
  });
}

/** Scale that fits the canvas into `maxWidth` × `maxHeight` CSS pixels (never above 1). */
export function miniatureScale(canvas: Pick<WallCanvas, 'width' | 'height'>, maxWidth: number, maxHeight: number): number {
  if (maxWidth <= 0 || maxHeight <= 0) return 0;
  return Math.min(1, maxWidth / canvas.width, maxHeight / canvas.height);
}

/** A rectangle scaled into the miniature, in CSS pixels. */
export function scaled(rect: Rect, scale: number): Rect {
  return { x: rect.x * scale, y: rect.y * scale, width: rect.width * scale, height: rect.height * scale };
}
