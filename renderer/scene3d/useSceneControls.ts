import { useEffect, useRef, type RefObject } from 'react';
import { DRAG_THRESHOLD_PX, orbitPose, panPose, zoomPose } from './cameraControls';
import { poseAt, restingAt, type CameraFlight } from './cameraFlight';
import type { CameraPose } from './cameraPose';

/** A wheel turn is committed once the wheel has been still this long. */
const WHEEL_SETTLE_MS = 400;

export interface SceneControlsOptions {
  flight: RefObject<CameraFlight | null>;
  /** The canvas's invalidate (set once the canvas exists). */
  invalidate: RefObject<(() => void) | null>;
  /** The whole picture's height in canvas pixels, and the page's pixels per canvas pixel (a scaled dev window). */
  fullHeight: number;
  scale?: number;
  /** The pose the officer left the camera at: becomes the cell's `view`, so every window follows. */
  commit(pose: CameraPose): void;
}

/**
 * Camera moves with a mouse at the wall: this window previews them at once (the flight rests at
 * the moving pose, the canvas redraws, no React render per pointer move), then on release the
 * pose goes to the cell's settings and every window of the wall flies there.
 * `wasDrag()` tells a click handler that the press was a drag, not a click.
 */
export function useSceneControls(element: RefObject<HTMLElement | null>, mounted: boolean, options: SceneControlsOptions): { wasDrag(): boolean } {
  const latest = useRef(options);
  latest.current = options;
  const dragged = useRef(false);

  useEffect(() => {
    const el = element.current;
    if (!mounted || !el) return;
    const preview = (pose: CameraPose) => {
      latest.current.flight.current = restingAt(pose);
      latest.current.invalidate.current?.();
    };
    const current = () => {
      const flight = latest.current.flight.current;
      return flight ? poseAt(flight, Date.now()) : null;
    };

    let drag: { x: number; y: number; start: CameraPose; orbit: boolean; pose: CameraPose } | null = null;
    const onDown = (event: PointerEvent) => {
      dragged.current = false;
      const start = current();
      if (!start || (event.button !== 0 && event.button !== 2)) return;
      drag = { x: event.clientX, y: event.clientY, start, orbit: event.button === 2 || event.shiftKey, pose: start };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
    };
    const onMove = (event: PointerEvent) => {
      if (!drag) return;
      const scale = latest.current.scale ?? 1;
      const dx = (event.clientX - drag.x) / scale;
      const dy = (event.clientY - drag.y) / scale;
      if (!dragged.current && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      dragged.current = true;
      drag.pose = drag.orbit ? orbitPose(drag.start, dx, dy) : panPose(drag.start, dx, dy, latest.current.fullHeight);
      preview(drag.pose);
    };
    const onUp = () => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      if (drag && dragged.current) latest.current.commit(drag.pose);
      drag = null;
    };

    let wheelTimer: ReturnType<typeof setTimeout> | null = null;
    let wheelPose: CameraPose | null = null;
    const onWheel = (event: WheelEvent) => {
      const from = wheelPose ?? current();
      if (!from) return;
      event.preventDefault();
      wheelPose = zoomPose(from, event.deltaY);
      preview(wheelPose);
      if (wheelTimer) clearTimeout(wheelTimer);
      wheelTimer = setTimeout(() => {
        if (wheelPose) latest.current.commit(wheelPose);
        wheelPose = null;
      }, WHEEL_SETTLE_MS);
    };
    const noMenu = (event: MouseEvent) => event.preventDefault();

    el.addEventListener('pointerdown', onDown);
    el.addEventListener('wheel', onWheel, { passive: false });
    el.addEventListener('contextmenu', noMenu);
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('contextmenu', noMenu);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      if (wheelTimer) clearTimeout(wheelTimer);
    };
  }, [element, mounted]);

  const api = useRef({ wasDrag: () => dragged.current });
  return api.current;
}
