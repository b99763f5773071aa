import { displaysShowing, placedCellRect, type Rect } from '../../shared/wall/geometry';
import type { Layout, LayoutCell } from '../../shared/wall/layout';
import type { CanvasSlice, WallCanvas } from '../../shared/wall/profile';

// The placement itself lives in shared/wall/geometry.ts: main uses it to know which displays a cell edit touches.
export { CELL_GAP_PX, FOOTER_PX, HEADER_PX, layoutArea } from '../../shared/wall/geometry';

/** This window's slice; a window not on the wall (opened by hand) shows the whole canvas. */
export function sliceFor(canvas: WallCanvas, displayId: string): CanvasSlice {
  return canvas.slices.find((s) => s.displayId === displayId) ?? { displayId, x: 0, y: 0, width: canvas.width, height: canvas.height };
}

export interface PlacedCell {
  cell: LayoutCell;
  /** Canvas pixels, the gap already taken off. */
  rect: Rect;
}

/**
 * The cells this window draws: those overlapping its slice. The rest are not mounted at all,
 * so a camera cell on the other display plays no video here.
 */
export function cellsOnSlice(layout: Layout, canvas: WallCanvas, slice: CanvasSlice): PlacedCell[] {
  const wholeCanvas = !canvas.slices.some((s) => s.displayId === slice.displayId);
  const sliceCanvas: WallCanvas = { width: canvas.width, height: canvas.height, slices: [slice] };
  return layout.cells
    .map((cell) => ({ cell, rect: placedCellRect(layout, cell, canvas) }))
    .filter(({ rect }) => wholeCanvas || displaysShowing(rect, sliceCanvas).length > 0);
}

/** How much to scale the slice to fit a window that is not exactly its size (a dev browser). */
export function fitScale(slice: Pick<CanvasSlice, 'width' | 'height'>, windowWidth: number, windowHeight: number): number {
  if (windowWidth <= 0 || windowHeight <= 0) return 1;
  return Math.min(windowWidth / slice.width, windowHeight / slice.height);
}
