import { cameraAxes, SCENE_FOV_DEG, type CameraPose } from './cameraPose';

/*
 * An officer moving the camera at the wall: drag to pan, drag with the right button (or Shift)
 * to turn and tilt, wheel to zoom. Pure pose arithmetic in picture pixels; the result is kept
 * inside what the settings schema accepts, since it becomes the cell's `view`.
 */

/** Pointer travel (px) before a press counts as a drag, not a click. */
export const DRAG_THRESHOLD_PX = 6;

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Metres of ground per picture pixel at the target, for a picture `fullHeightPx` tall. */
export function metresPerPixel(pose: CameraPose, fullHeightPx: number): number {
  return (2 * pose.distanceM * Math.tan(rad(SCENE_FOV_DEG) / 2)) / fullHeightPx;
}

/** The pose after dragging the ground by (dx, dy) picture pixels: the point under the pointer follows it. */
export function panPose(pose: CameraPose, dxPx: number, dyPx: number, fullHeightPx: number): CameraPose {
  const m = metresPerPixel(pose, fullHeightPx);
  const { right } = cameraAxes(pose.headingDeg, pose.pitchDeg);
  const h = rad(pose.headingDeg);
  const ahead: [number, number] = [Math.sin(h), -Math.cos(h)];
  // Up the picture is farther along the ground than across it, by 1 / sin(pitch).
  const along = (dyPx * m) / Math.sin(rad(pose.pitchDeg));
  return clampPose({ ...pose, target: [pose.target[0] - dxPx * m * right[0] + along * ahead[0], pose.target[1] - dxPx * m * right[2] + along * ahead[1]] });
}

/** The pose after turning (dx: heading) and tilting (dy: pitch) by a drag. */
export function orbitPose(pose: CameraPose, dxPx: number, dyPx: number): CameraPose {
  return clampPose({ ...pose, headingDeg: pose.headingDeg - dxPx * 0.25, pitchDeg: pose.pitchDeg + dyPx * 0.2 });
}

/** The pose after a wheel turn: each notch (100 units of deltaY) moves 15 % nearer or farther. */
export function zoomPose(pose: CameraPose, wheelDeltaY: number): CameraPose {
  return clampPose({ ...pose, distanceM: pose.distanceM * 1.15 ** (wheelDeltaY / 100) });
}

/** Inside the settings schema's bounds (SceneCameraView), heading folded to (-180, 180]. */
export function clampPose(pose: CameraPose): CameraPose {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  let heading = ((pose.headingDeg % 360) + 360) % 360;
  if (heading > 180) heading -= 360;
  return {
    target: [clamp(pose.target[0], -2_000_000, 2_000_000), clamp(pose.target[1], -2_000_000, 2_000_000)],
    distanceM: clamp(pose.distanceM, 50, 3_000_000),
    headingDeg: heading,
    pitchDeg: clamp(pose.pitchDeg, 15, 89),
  };
}
