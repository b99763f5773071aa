import type { PerspectiveCamera } from 'three';
import type { Rect } from '../../shared/wall/geometry';
import type { CanvasSlice } from '../../shared/wall/profile';

/**
 * What one window draws of a scene whose picture is a whole layout cell: the arguments of
 * `camera.setViewOffset`. `fullWidth × fullHeight` is the cell's whole rectangle on the wall
 * canvas (across displays, bezels included as hidden picture); `x, y, width, height` is the part
 * on this window's display, from the cell's top-left corner. Every window renders its part of
 * one frustum, so the picture continues straight across the displays.
 */
export interface ViewSlice {
  fullWidth: number;
  fullHeight: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The whole picture in one window (a window off the wall, a standalone panel). */
export function wholeView(width: number, height: number): ViewSlice {
  const w = Math.max(1, Math.round(width));
  const h = Math.max(1, Math.round(height));
  return { fullWidth: w, fullHeight: h, x: 0, y: 0, width: w, height: h };
}

/**
 * This display's part of a cell, or null when the cell does not reach it. Edges are rounded to
 * whole canvas pixels the same way in every window, so neighbouring windows meet on one pixel
 * edge: no gap, no overlap.
 */
export function viewSliceOf(cell: Rect, slice: Pick<CanvasSlice, 'x' | 'y' | 'width' | 'height'>): ViewSlice | null {
  const cellLeft = Math.round(cell.x);
  const cellTop = Math.round(cell.y);
  const cellRight = Math.round(cell.x + cell.width);
  const cellBottom = Math.round(cell.y + cell.height);
  const left = Math.max(cellLeft, Math.round(slice.x));
  const top = Math.max(cellTop, Math.round(slice.y));
  const right = Math.min(cellRight, Math.round(slice.x + slice.width));
  const bottom = Math.min(cellBottom, Math.round(slice.y + slice.height));
  if (right <= left || bottom <= top) return null;
  return { fullWidth: cellRight - cellLeft, fullHeight: cellBottom - cellTop, x: left - cellLeft, y: top - cellTop, width: right - left, height: bottom - top };
}

/** True when the window draws the whole picture (no offset needed). */
export function isWholeView(view: ViewSlice): boolean {
  return view.x === 0 && view.y === 0 && view.width === view.fullWidth && view.height === view.fullHeight;
}

/**
 * Gives the camera the whole picture's aspect and this window's part of its frustum. Call
 * `updateProjectionMatrix` afterwards (placeCamera does).
 */
export function applyViewSlice(camera: PerspectiveCamera, view: ViewSlice): void {
  camera.aspect = view.fullWidth / view.fullHeight;
  if (isWholeView(view)) {
    if (camera.view) camera.clearViewOffset();
    return;
  }
  const v = camera.view;
  if (v && v.enabled && v.fullWidth === view.fullWidth && v.fullHeight === view.fullHeight && v.offsetX === view.x && v.offsetY === view.y && v.width === view.width && v.height === view.height) return;
  camera.setViewOffset(view.fullWidth, view.fullHeight, view.x, view.y, view.width, view.height);
}
