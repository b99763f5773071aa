import { useEffect, useRef, useState, type RefObject } from 'react';
import { FLIGHT_MS, flyTo, restingAt, type CameraFlight } from './cameraFlight';
import type { CameraPose } from './cameraPose';

function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The camera's flight towards `target`, started at `startMs` (the cell's `since`, the same
 * instant in every window; now when the settings do not say). The first pose a window sees it
 * rests at; each later one it flies to from wherever the previous flight had the camera at that
 * instant. Reduced motion: it jumps.
 */
export function useCameraFlight(target: CameraPose | null, startMs: number | null): { flight: RefObject<CameraFlight | null>; version: number } {
  const flight = useRef<CameraFlight | null>(null);
  const [version, setVersion] = useState(0);
  const key = target ? JSON.stringify(target) : '';
  useEffect(() => {
    if (!key) return;
    const to = JSON.parse(key) as CameraPose;
    const now = Date.now();
    const start = Math.min(startMs ?? now, now);
    flight.current = flight.current ? flyTo(flight.current, to, start, prefersReducedMotion() ? 0 : FLIGHT_MS) : restingAt(to);
    setVersion((v) => v + 1);
  }, [key, startMs]);
  return { flight, version };
}
