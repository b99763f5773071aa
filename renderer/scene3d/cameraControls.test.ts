import { PerspectiveCamera, Plane, Raycaster, Vector2, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { SceneCameraView } from '../../shared/wall/panels';
import { clampPose, orbitPose, panPose, zoomPose } from './cameraControls';
import { placeCamera, type CameraPose } from './cameraPose';

const pose: CameraPose = { target: [1000, -2000], distanceM: 5000, headingDeg: 30, pitchDeg: 50 };
const W = 3828;
const H = 766;

/** The ground point under a picture pixel. */
function groundAt(p: CameraPose, px: number, py: number): Vector3 {
  const camera = new PerspectiveCamera();
  camera.aspect = W / H;
  placeCamera(camera, p);
  const ray = new Raycaster();
  ray.setFromCamera(new Vector2((px / W) * 2 - 1, 1 - (py / H) * 2), camera);
  return ray.ray.intersectPlane(new Plane(new Vector3(0, 1, 0), 0), new Vector3())!;
}

describe('moving the camera at the wall', () => {
  it('pans so the ground under the middle of the picture follows the pointer (to a few per cent: perspective)', () => {
    const before = groundAt(pose, W / 2, H / 2);
    for (const [dx, dy] of [
      [200, 0],
      [0, 60],
      [-150, -40],
    ] as const) {
      const moved = groundAt(pose, W / 2 + dx, H / 2 + dy).distanceTo(before);
      const after = groundAt(panPose(pose, dx, dy, H), W / 2 + dx, H / 2 + dy);
      expect(after.distanceTo(before) / moved).toBeLessThan(0.06);
    }
  });

  it('zooms by wheel notches, turns and tilts by drags, and stays inside what the settings accept', () => {
    expect(zoomPose(pose, 100).distanceM).toBeCloseTo(5750);
    expect(zoomPose(pose, -100).distanceM).toBeCloseTo(5000 / 1.15);
    expect(orbitPose(pose, 40, 0).headingDeg).toBeCloseTo(20);
    expect(orbitPose(pose, 0, 1000).pitchDeg).toBe(89);
    const wild = clampPose({ target: [9e6, -9e6], distanceM: 1, headingDeg: 725, pitchDeg: 2 });
    expect(wild).toEqual({ target: [2_000_000, -2_000_000], distanceM: 50, headingDeg: 5, pitchDeg: 15 });
    expect(SceneCameraView.safeParse(wild).success).toBe(true);
    expect(SceneCameraView.safeParse(zoomPose(pose, 1e6)).success).toBe(true);
  });
});
