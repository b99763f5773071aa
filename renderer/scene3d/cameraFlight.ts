import type { CameraPose } from './cameraPose';

/*
 * A camera flight from one pose to another over a fixed interval that starts at an instant every
 * window knows (the cell's `since`): each window evaluates the same function of the clock, so
 * the displays animate as one picture.
 */

export const FLIGHT_MS = 1500;

export interface CameraFlight {
  from: CameraPose;
  to: CameraPose;
  startMs: number;
  durationMs: number;
}

/** A camera resting at a pose. */
export function restingAt(pose: CameraPose): CameraFlight {
  return { from: pose, to: pose, startMs: 0, durationMs: 0 };
}

export function easeInOutCubic(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c < 0.5 ? 4 * c * c * c : 1 - (-2 * c + 2) ** 3 / 2;
}

/** Heading difference on the short way round, degrees in (-180, 180]. */
function headingDelta(from: number, to: number): number {
  const d = (((to - from) % 360) + 540) % 360 - 180;
  return d === -180 ? 180 : d;
}

/**
 * The pose a share `t` (0…1, already eased) of the way: the target slides, the distance changes
 * geometrically (a 400 km city view to a 2 km street reads as a steady zoom, not a plunge at the
 * end), the heading turns the short way.
 */
export function interpolatePose(a: CameraPose, b: CameraPose, t: number): CameraPose {
  if (t <= 0) return a;
  if (t >= 1) return b;
  return {
    target: [a.target[0] + (b.target[0] - a.target[0]) * t, a.target[1] + (b.target[1] - a.target[1]) * t],
    distanceM: a.distanceM * (b.distanceM / a.distanceM) ** t,
    headingDeg: a.headingDeg + headingDelta(a.headingDeg, b.headingDeg) * t,
    pitchDeg: a.pitchDeg + (b.pitchDeg - a.pitchDeg) * t,
  };
}

export function poseAt(flight: CameraFlight, nowMs: number): CameraPose {
  if (flight.durationMs <= 0 || nowMs >= flight.startMs + flight.durationMs) return flight.to;
  if (nowMs <= flight.startMs) return flight.from;
  return interpolatePose(flight.from, flight.to, easeInOutCubic((nowMs - flight.startMs) / flight.durationMs));
}

export function isFlying(flight: CameraFlight, nowMs: number): boolean {
  return flight.durationMs > 0 && nowMs < flight.startMs + flight.durationMs;
}

export function samePose(a: CameraPose, b: CameraPose): boolean {
  return a.target[0] === b.target[0] && a.target[1] === b.target[1] && a.distanceM === b.distanceM && a.headingDeg === b.headingDeg && a.pitchDeg === b.pitchDeg;
}

/**
 * The flight to `to` that starts at `startMs`: from wherever `current` had the camera at that
 * instant (the same in every window that followed the same settings). A start already more than
 * a flight ago (a window opened late) rests at `to`.
 */
export function flyTo(current: CameraFlight, to: CameraPose, startMs: number, durationMs = FLIGHT_MS): CameraFlight {
  const from = poseAt(current, startMs);
  if (samePose(from, to) || durationMs <= 0) return restingAt(to);
  return { from, to, startMs, durationMs };
}
