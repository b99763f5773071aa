import { cellRect, displaysShowing, type Rect } from '../../shared/wall/geometry';
import type { Layout, LayoutCell } from '../../shared/wall/layout';
import type { CanvasSlice, WallCanvas } from '../../shared/wall/profile';

/** Canvas pixels the header band (hall, clock, link) takes across the top of the wall. */
export const HEADER_PX = 104;
/** Canvas pixels each bottom display keeps for its footer (mode, display, seq). */
export const FOOTER_PX = 44;
/** Space between cells, in canvas pixels. */
export const CELL_GAP_PX = 12;

/** Where the layout's grid lies on the canvas: below the header band, above the footers. */
export function layoutArea(canvas: WallCanvas): Rect {
  return { x: 0, y: HEADER_PX, width: canvas.width, height: Math.max(1, canvas.height - HEADER_PX - FOOTER_PX) };
}

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
  const area = layoutArea(canvas);
  const wholeCanvas = !canvas.slices.some((s) => s.displayId === slice.displayId);
  const sliceCanvas: WallCanvas = { width: canvas.width, height: canvas.height, slices: [slice] };
  return layout.cells
    .map((cell) => {
      const r = cellRect(layout, cell, area);
      const half = CELL_GAP_PX / 2;
      return { cell, rect: { x: r.x + half, y: r.y + half, width: r.width - CELL_GAP_PX, height: r.height - CELL_GAP_PX } };
    })
    .filter(({ rect }) => wholeCanvas || displaysShowing(rect, sliceCanvas).length > 0);
}

/** How much to scale the slice to fit a window that is not exactly its size (a dev browser). */
export function fitScale(slice: Pick<CanvasSlice, 'width' | 'height'>, windowWidth: number, windowHeight: number): number {
  if (windowWidth <= 0 || windowHeight <= 0) return 1;
  return Math.min(windowWidth / slice.width, windowHeight / slice.height);
}
