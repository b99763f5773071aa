import { useEffect, useMemo, useState, type RefObject } from 'react';
import { placedCellRect } from '../../shared/wall/geometry';
import { sliceFor } from '../layout/canvasView';
import { readWindowPlace } from '../screens/windowRole';
import { selectLayout } from '../stores/hooks';
import { useWallStore } from '../stores/wallStore';
import { viewSliceOf, wholeView, type ViewSlice } from './viewSlice';

/**
 * The part of the scene this window draws. On the wall: the cell's rectangle on the wall canvas
 * (the same in every window) and this display's share of it, from the layout main pushed and the
 * display this window stands on (its URL, as WallLayoutView places the cells). Anywhere else (a
 * standalone panel, a test): the whole picture at the element's size. Null when the cell is not
 * on this display or not measured yet.
 */
export function useScenePicture(cellId: string, root: RefObject<HTMLElement | null>): ViewSlice | null {
  const layout = useWallStore(selectLayout);
  const displayId = useMemo(() => readWindowPlace(window.location.search).displayId, []);
  const measured = useElementSize(root);
  const key = useMemo(() => {
    const cell = layout?.layout.cells.find((c) => c.id === cellId);
    if (layout && cell) {
      const view = viewSliceOf(placedCellRect(layout.layout, cell, layout.canvas), sliceFor(layout.canvas, displayId));
      return view ? JSON.stringify(view) : '';
    }
    return measured && measured.width > 0 && measured.height > 0 ? JSON.stringify(wholeView(measured.width, measured.height)) : '';
  }, [layout, cellId, displayId, measured]);
  // One object per distinct slice: a layout push that moves nothing changes nothing downstream.
  return useMemo(() => (key ? (JSON.parse(key) as ViewSlice) : null), [key]);
}

function useElementSize(root: RefObject<HTMLElement | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const measure = () => setSize((s) => (s && s.width === element.offsetWidth && s.height === element.offsetHeight ? s : { width: element.offsetWidth, height: element.offsetHeight }));
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [root]);
  return size;
}
