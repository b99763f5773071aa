import type { PerspectiveCamera } from 'three';
import type { SceneCameraView } from '../../shared/wall/panels';

/*
 * The scene's one camera state, as plain numbers: every window derives the same pose from the
 * cell's settings (the unit's bounds, a focused incident, or a view an officer set) and places
 * its camera from it. Pure, so the tests check it without a GPU.
 */

export type CameraPose = SceneCameraView;

/** Vertical field of view of every scene camera, degrees. */
export const SCENE_FOV_DEG = 35;
/** Share of the picture the framed bounds may fill (the rest is margin, under labels and legend). */
export const FRAME_FILL = 0.9;

/** A rectangle on the ground plane, metres (x east, z south). */
export interface GroundBounds {
  minX: number;
  maxX: number;
  minZ: number;
  maxZ: number;
}

/** The bounds of ground points, or null for none. */
export function boundsOfPoints(points: Iterable<readonly [number, number]>): GroundBounds | null {
  let b: GroundBounds | null = null;
  for (const [x, z] of points) {
    if (!b) b = { minX: x, maxX: x, minZ: z, maxZ: z };
    else {
      if (x < b.minX) b.minX = x;
      if (x > b.maxX) b.maxX = x;
      if (z < b.minZ) b.minZ = z;
      if (z > b.maxZ) b.maxZ = z;
    }
  }
  return b;
}

export function boundsSpan(b: GroundBounds): number {
  return Math.max(b.maxX - b.minX, b.maxZ - b.minZ);
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** The camera's axes for a heading and pitch: right, up and forward (looking at the target). */
export function cameraAxes(headingDeg: number, pitchDeg: number): { right: [number, number, number]; up: [number, number, number]; forward: [number, number, number] } {
  const h = rad(headingDeg);
  const p = rad(pitchDeg);
  const forward: [number, number, number] = [Math.cos(p) * Math.sin(h), -Math.sin(p), -Math.cos(p) * Math.cos(h)];
  const right: [number, number, number] = [Math.cos(h), 0, Math.sin(h)];
  // up = right × forward
  const up: [number, number, number] = [right[1] * forward[2] - right[2] * forward[1], right[2] * forward[0] - right[0] * forward[2], right[0] * forward[1] - right[1] * forward[0]];
  return { right, up, forward };
}

/** Where the camera stands for a pose: `distanceM` back from the target along the view direction. */
export function cameraPosition(pose: CameraPose): [number, number, number] {
  const { forward } = cameraAxes(pose.headingDeg, pose.pitchDeg);
  return [pose.target[0] - forward[0] * pose.distanceM, -forward[1] * pose.distanceM, pose.target[1] - forward[2] * pose.distanceM];
}

export interface FrameOptions {
  /** The whole picture's width / height (the cell across every display it spans). */
  aspect: number;
  headingDeg?: number;
  pitchDeg?: number;
  /** Heights standing on the bounds (extruded areas): their tops must fit too. */
  heightM?: number;
  fill?: number;
  /** The part of the picture to frame into (default: all of it). */
  window?: PictureWindow;
}

/** The pose that frames `bounds` (its four corners; see poseForPoints). */
export function poseForBounds(bounds: GroundBounds, options: FrameOptions): CameraPose {
  return poseForPoints(
    [
      [bounds.minX, bounds.minZ],
      [bounds.maxX, bounds.minZ],
      [bounds.maxX, bounds.maxZ],
      [bounds.minX, bounds.maxZ],
    ],
    options,
  );
}

/** A part of the picture in normalised device coordinates (−1…1 across, −1…1 bottom to top). */
export interface PictureWindow {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

export const WHOLE_PICTURE: PictureWindow = { left: -1, right: 1, bottom: -1, top: 1 };

/**
 * The pose that frames ground points (an outline's vertices) in a picture of `aspect`, from the
 * heading and pitch given: just far enough that every point (and its top, for extruded areas)
 * lies inside `window` (the whole picture, or the part no overlay covers) shrunk by `fill`
 * about its middle, with the target slid so the points sit in the middle of that window
 * (perspective makes the near side larger). Exact for a perspective camera: a point at
 * camera-space x and depth d + r·forward shows at x / (depth · tan(halfX)), so it fits right
 * of the middle when d ≥ x / (right · tan(halfX)) − r·forward, and likewise on the other sides.
 * The window must contain the picture's middle.
 */
export function poseForPoints(points: readonly (readonly [number, number])[], options: FrameOptions): CameraPose {
  const headingDeg = options.headingDeg ?? 0;
  const pitchDeg = options.pitchDeg ?? 55;
  const fill = options.fill ?? FRAME_FILL;
  const height = options.heightM ?? 0;
  const bounds = boundsOfPoints(points);
  if (!bounds) return { target: [0, 0], distanceM: 1000, headingDeg, pitchDeg };
  const w = options.window ?? WHOLE_PICTURE;
  const [cx, cy] = [(w.left + w.right) / 2, (w.bottom + w.top) / 2];
  const [hx, hy] = [((w.right - w.left) / 2) * fill, ((w.top - w.bottom) / 2) * fill];
  // The fitted window's edges, each kept on its own side of the middle.
  const [left, rightEdge, bottom, top] = [Math.min(-0.05, cx - hx), Math.max(0.05, cx + hx), Math.min(-0.05, cy - hy), Math.max(0.05, cy + hy)];
  const { right, up, forward } = cameraAxes(headingDeg, pitchDeg);
  const tanY = Math.tan(rad(SCENE_FOV_DEG) / 2);
  const tanX = tanY * options.aspect;
  const ys = height > 0 ? [0, height] : [0];
  const h = rad(headingDeg);
  const ahead = [Math.sin(h), -Math.cos(h)] as const;
  const dot = (r: readonly number[], a: readonly number[]) => r[0]! * a[0]! + r[1]! * a[1]! + r[2]! * a[2]!;

  const fit = (target: readonly [number, number]) => {
    let distance = 1;
    for (const [x, z] of points) {
      for (const y of ys) {
        const r = [x - target[0], y, z - target[1]];
        const along = dot(r, forward);
        const across = dot(r, right);
        const upward = dot(r, up);
        distance = Math.max(distance, across / ((across > 0 ? rightEdge : left) * tanX) - along, upward / ((upward > 0 ? top : bottom) * tanY) - along);
      }
    }
    return distance;
  };
  /** Where the middle of the points' extent shows on the picture (device coordinates). */
  const middle = (target: readonly [number, number], distance: number) => {
    let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const [x, z] of points) {
      for (const y of ys) {
        const r = [x - target[0], y, z - target[1]];
        const depth = distance + dot(r, forward);
        const nx = dot(r, right) / (depth * tanX);
        const ny = dot(r, up) / (depth * tanY);
        [minX, maxX, minY, maxY] = [Math.min(minX, nx), Math.max(maxX, nx), Math.min(minY, ny), Math.max(maxY, ny)];
      }
    }
    return [(minX + maxX) / 2, (minY + maxY) / 2] as const;
  };

  let target: [number, number] = [(bounds.minX + bounds.maxX) / 2, (bounds.minZ + bounds.maxZ) / 2];
  for (let i = 0; i < 12; i++) {
    const distance = fit(target);
    const [mx, my] = middle(target, distance);
    const [ex, ey] = [mx - (left + rightEdge) / 2, my - (bottom + top) / 2];
    if (Math.abs(ex) < 0.001 && Math.abs(ey) < 0.001) break;
    // Slide the target so the points' middle moves to the window's: across by x, along the ground by y.
    const across = ex * distance * tanX;
    const along = (ey * distance * tanY) / Math.sin(rad(pitchDeg));
    target = [target[0] + across * right[0] + along * ahead[0], target[1] + across * right[2] + along * ahead[1]];
  }
  return { target, distanceM: clampDistance(fit(target)), headingDeg, pitchDeg };
}

/** A pose looking at one ground point (a focused incident) from `distanceM`. */
export function poseForPoint(point: readonly [number, number], distanceM: number, headingDeg = 0, pitchDeg = 50): CameraPose {
  return { target: [point[0], point[1]], distanceM: clampDistance(distanceM), headingDeg, pitchDeg };
}

function clampDistance(d: number): number {
  return Math.min(3_000_000, Math.max(50, d));
}

/** Near and far clip planes for a pose: a fixed ratio to the distance, so every window agrees. */
export function clipPlanes(pose: CameraPose): { near: number; far: number } {
  return { near: Math.max(1, pose.distanceM * 0.02), far: pose.distanceM * 40 };
}

/** Puts a camera at a pose (its aspect and view offset are the view slice's: applyViewSlice). */
export function placeCamera(camera: PerspectiveCamera, pose: CameraPose): void {
  const [x, y, z] = cameraPosition(pose);
  const { near, far } = clipPlanes(pose);
  camera.position.set(x, y, z);
  camera.up.set(0, 1, 0);
  camera.lookAt(pose.target[0], 0, pose.target[1]);
  camera.fov = SCENE_FOV_DEG;
  camera.near = near;
  camera.far = far;
  camera.updateProjectionMatrix();
  camera.updateMatrixWorld();
}
