import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { placedCellRect } from '../../shared/wall/geometry';
import type { WallCanvas } from '../../shared/wall/profile';
import { findPreset } from '../../shared/wall/presets';
import { cameraPosition, placeCamera, type CameraPose } from './cameraPose';
import { applyViewSlice, viewSliceOf, wholeView, type ViewSlice } from './viewSlice';

const twoDisplays: WallCanvas = {
  width: 3840,
  height: 1080,
  slices: [
    { displayId: 'left', x: 0, y: 0, width: 1920, height: 1080 },
    { displayId: 'right', x: 1920, y: 0, width: 1920, height: 1080 },
  ],
};
/** The same wall with 40 px of frame between the pictures: hidden canvas, drawn by nobody. */
const withBezel: WallCanvas = {
  width: 3880,
  height: 1080,
  slices: [
    { displayId: 'left', x: 0, y: 0, width: 1920, height: 1080 },
    { displayId: 'right', x: 1960, y: 0, width: 1920, height: 1080 },
  ],
};

const pose: CameraPose = { target: [1200, -800], distanceM: 40_000, headingDeg: 20, pitchDeg: 55 };

/** The part of the near plane a window draws, in camera space: [left, right, top, bottom]. */
function nearPlaneWindow(view: ViewSlice): [number, number, number, number] {
  const camera = new PerspectiveCamera();
  applyViewSlice(camera, view);
  placeCamera(camera, pose);
  const corner = (x: number, y: number) => new Vector3(x, y, -1).applyMatrix4(camera.projectionMatrixInverse);
  const lowLeft = corner(-1, -1);
  const upRight = corner(1, 1);
  return [lowLeft.x, upRight.x, upRight.y, lowLeft.y];
}

function sceneCell(canvas: WallCanvas) {
  const layout = findPreset('city')!.layout;
  const cell = layout.cells.find((c) => c.panel.kind === 'city3d')!;
  return placedCellRect(layout, cell, canvas);
}

describe('one frustum across the displays (setViewOffset)', () => {
  it("gives each display its part of the city preset's scene cell, from the cell's corner", () => {
    const cell = sceneCell(twoDisplays);
    const left = viewSliceOf(cell, twoDisplays.slices[0]!)!;
    const right = viewSliceOf(cell, twoDisplays.slices[1]!)!;
    expect(left.fullWidth).toBe(right.fullWidth);
    expect(left.fullHeight).toBe(right.fullHeight);
    expect(left.x).toBe(0);
    expect(left.x + left.width).toBe(right.x);
    expect(right.x + right.width).toBe(right.fullWidth);
    expect(left.y).toBe(0);
    expect(left.height).toBe(left.fullHeight);
    expect(left.width + right.width).toBe(left.fullWidth);
  });

  it('is null on a display the cell does not reach', () => {
    expect(viewSliceOf({ x: 10, y: 200, width: 800, height: 400 }, twoDisplays.slices[1]!)).toBeNull();
  });

  it('tiles the whole frustum exactly: the two windows meet on one edge and together make the full picture', () => {
    const cell = sceneCell(twoDisplays);
    const [l0, r0, t0, b0] = nearPlaneWindow(viewSliceOf(cell, twoDisplays.slices[0]!)!);
    const [l1, r1, t1, b1] = nearPlaneWindow(viewSliceOf(cell, twoDisplays.slices[1]!)!);
    const [fl, fr, ft, fb] = nearPlaneWindow(wholeView(viewSliceOf(cell, twoDisplays.slices[0]!)!.fullWidth, viewSliceOf(cell, twoDisplays.slices[0]!)!.fullHeight));
    const eps = 1e-9 * Math.abs(fr - fl);
    expect(Math.abs(r0 - l1)).toBeLessThan(eps);
    expect(Math.abs(l0 - fl)).toBeLessThan(eps);
    expect(Math.abs(r1 - fr)).toBeLessThan(eps);
    for (const [t, b] of [
      [t0, b0],
      [t1, b1],
    ]) {
      expect(Math.abs(t! - ft)).toBeLessThan(eps);
      expect(Math.abs(b! - fb)).toBeLessThan(eps);
    }
  });

  it('leaves the bezel as hidden picture: the gap between the windows is the frame, in proportion', () => {
    const cell = sceneCell(withBezel);
    const left = viewSliceOf(cell, withBezel.slices[0]!)!;
    const right = viewSliceOf(cell, withBezel.slices[1]!)!;
    expect(right.x - (left.x + left.width)).toBe(40);
    const [, r0] = nearPlaneWindow(left);
    const [l1] = nearPlaneWindow(right);
    const [fl, fr] = nearPlaneWindow(wholeView(left.fullWidth, left.fullHeight));
    expect((l1 - r0) / (fr - fl)).toBeCloseTo(40 / left.fullWidth, 9);
  });

  it('shows a point on the seam at the same place from both windows: the right edge of one is the left edge of the other', () => {
    const cell = sceneCell(twoDisplays);
    const views = twoDisplays.slices.map((s) => viewSliceOf(cell, s)!);
    const cameras = views.map((view) => {
      const camera = new PerspectiveCamera();
      applyViewSlice(camera, view);
      placeCamera(camera, pose);
      return camera;
    });
    // A ground point straight ahead of the camera, then moved to where the seam is.
    const [cx, cy, cz] = cameraPosition(pose);
    const seamNdcInLeft = new Vector3(1, 0, 0.5).unproject(cameras[0]!);
    const direction = seamNdcInLeft.sub(new Vector3(cx, cy, cz)).normalize();
    const point = new Vector3(cx, cy, cz).addScaledVector(direction, 5000);
    expect(point.clone().project(cameras[0]!).x).toBeCloseTo(1, 6);
    expect(point.clone().project(cameras[1]!).x).toBeCloseTo(-1, 6);
  });

  it('draws the whole picture where the window has it all (no offset)', () => {
    const camera = new PerspectiveCamera();
    applyViewSlice(camera, wholeView(1600, 900));
    expect(camera.view === null || camera.view.enabled === false).toBe(true);
    expect(camera.aspect).toBeCloseTo(16 / 9);
  });
});
