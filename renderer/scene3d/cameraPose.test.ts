import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { boundsOfPoints, cameraPosition, FRAME_FILL, placeCamera, poseForBounds, poseForPoints, type GroundBounds } from './cameraPose';

const city: GroundBounds = { minX: -250_000, maxX: 220_000, minZ: -200_000, maxZ: 250_000 };

function cornersInNdc(bounds: GroundBounds, aspect: number, heightM = 0, pitchDeg = 55) {
  const pose = poseForBounds(bounds, { aspect, heightM, pitchDeg });
  const camera = new PerspectiveCamera();
  camera.aspect = aspect;
  placeCamera(camera, pose);
  const out: Vector3[] = [];
  for (const x of [bounds.minX, bounds.maxX]) for (const z of [bounds.minZ, bounds.maxZ]) for (const y of [0, heightM]) out.push(new Vector3(x, y, z).project(camera));
  return { pose, ndc: out };
}

describe('framing a unit (bounds → camera)', () => {
  it('keeps every corner of the bounds, and their tops, inside the picture with the margin', () => {
    for (const aspect of [3828 / 765, 16 / 9, 1]) {
      const { ndc } = cornersInNdc(city, aspect, 5000);
      for (const p of ndc) {
        expect(Math.abs(p.x)).toBeLessThanOrEqual(FRAME_FILL + 1e-9);
        expect(Math.abs(p.y)).toBeLessThanOrEqual(FRAME_FILL + 1e-9);
        expect(p.z).toBeLessThan(1);
      }
    }
  });

  it('is tight: some corner touches the margin, so the unit fills the picture', () => {
    const { ndc } = cornersInNdc(city, 16 / 9);
    const widest = Math.max(...ndc.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
    expect(widest).toBeCloseTo(FRAME_FILL, 6);
  });

  it('looks from the south (heading 0) down at the pitch asked, the bounds in the middle of the picture', () => {
    const bounds = { minX: 0, maxX: 2000, minZ: 0, maxZ: 1000 };
    const pose = poseForBounds(bounds, { aspect: 2, pitchDeg: 45 });
    expect(pose.target[0]).toBeCloseTo(1000);
    // Perspective draws the near (south) edge larger: the target sits a little south of the centre.
    expect(pose.target[1]).toBeGreaterThan(500);
    const [x, y, z] = cameraPosition(pose);
    expect(x).toBeCloseTo(1000);
    expect(y).toBeCloseTo(z - pose.target[1]);
    const { ndc } = cornersInNdc(bounds, 2, 0, 45);
    const ys = ndc.map((p) => p.y);
    expect(Math.max(...ys) + Math.min(...ys)).toBeCloseTo(0, 2);
  });

  it('frames an outline by its own points, nearer than by its bounding box', () => {
    const diamond: [number, number][] = [
      [0, -1000],
      [1000, 0],
      [0, 1000],
      [-1000, 0],
    ];
    const byPoints = poseForPoints(diamond, { aspect: 1 });
    const byBox = poseForBounds({ minX: -1000, maxX: 1000, minZ: -1000, maxZ: 1000 }, { aspect: 1 });
    expect(byPoints.distanceM).toBeLessThan(byBox.distanceM);
  });

  it('needs a farther camera for a wider unit and a nearer one for a wider picture', () => {
    const narrow = poseForBounds({ minX: 0, maxX: 1000, minZ: 0, maxZ: 1000 }, { aspect: 2 });
    const wide = poseForBounds({ minX: 0, maxX: 4000, minZ: 0, maxZ: 1000 }, { aspect: 2 });
    const widePicture = poseForBounds({ minX: 0, maxX: 4000, minZ: 0, maxZ: 1000 }, { aspect: 5 });
    expect(wide.distanceM).toBeGreaterThan(narrow.distanceM);
    expect(widePicture.distanceM).toBeLessThan(wide.distanceM);
  });

  it('bounds ground points', () => {
    expect(boundsOfPoints([])).toBeNull();
    expect(boundsOfPoints([
      [1, 2],
      [-3, 5],
    ])).toEqual({ minX: -3, maxX: 1, minZ: 2, maxZ: 5 });
  });

  it('places the camera so the target is in the middle of the picture', () => {
    const camera = new PerspectiveCamera();
    camera.aspect = 2;
    const pose = { target: [500, -300] as [number, number], distanceM: 3000, headingDeg: 135, pitchDeg: 40 };
    placeCamera(camera, pose);
    const ndc = new Vector3(500, 0, -300).project(camera);
    expect(ndc.x).toBeCloseTo(0, 9);
    expect(ndc.y).toBeCloseTo(0, 9);
    expect(camera.position.distanceTo(new Vector3(500, 0, -300))).toBeCloseTo(3000, 6);
  });

  it('frames into a part of the picture (beside an overlay): every point inside it, touching its edge', () => {
    const window = { left: -1, right: 0.3, bottom: -1, top: 1 };
    const aspect = 5;
    const pose = poseForPoints(
      [
        [-9000, -3000],
        [8000, -2500],
        [9000, 4000],
        [-7000, 3500],
      ],
      { aspect, window },
    );
    const camera = new PerspectiveCamera();
    camera.aspect = aspect;
    placeCamera(camera, pose);
    const xs = [
      [-9000, -3000],
      [8000, -2500],
      [9000, 4000],
      [-7000, 3500],
    ].map(([x, z]) => new Vector3(x, 0, z).project(camera));
    const [cx, hx] = [(window.left + window.right) / 2, ((window.right - window.left) / 2) * FRAME_FILL];
    for (const p of xs) {
      expect(p.x).toBeGreaterThanOrEqual(cx - hx - 1e-6);
      expect(p.x).toBeLessThanOrEqual(cx + hx + 1e-6);
      expect(Math.abs(p.y)).toBeLessThanOrEqual(FRAME_FILL + 1e-6);
    }
    const widest = Math.max(...xs.map((p) => Math.max((p.x - cx) / hx, -(p.x - cx) / hx, Math.abs(p.y) / FRAME_FILL)));
    expect(widest).toBeCloseTo(1, 3);
  });
});
