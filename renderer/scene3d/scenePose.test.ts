import { describe, expect, it } from 'vitest';
import { project } from '../../shared/geo/projection';
import { PerspectiveCamera, Vector3 } from 'three';
import { placeCamera } from './cameraPose';
import { FOCUS_DISTANCE_M, framingWindow, LEVEL_PITCH_DEG, sceneUnitOf, sinceMs, targetPose, unitChain } from './scenePose';

const frame: [number, number][] = [
  [-5000, -3000],
  [5000, -3000],
  [5000, 3000],
  [-5000, 3000],
];

describe('what the scene shows', () => {
  it("shows the cell's unit, else the wall's own (a community's wall its street), else the city", () => {
    expect(sceneUnitOf('500103', '500000')).toBe('500103');
    expect(sceneUnitOf(undefined, '500106')).toBe('500106');
    expect(sceneUnitOf(undefined, '500103001003')).toBe('500103001');
    expect(sceneUnitOf(undefined, undefined)).toBe('500000');
  });

  it('walks the breadcrumb from the wall unit down to the unit shown', () => {
    expect(unitChain('500000')).toEqual(['500000']);
    expect(unitChain('500103')).toEqual(['500000', '500103']);
    expect(unitChain('500103001')).toEqual(['500000', '500103', '500103001']);
    expect(unitChain('500103001', '500103')).toEqual(['500103', '500103001']);
    expect(unitChain('500106001', '500103')).toEqual(['500000', '500106', '500106001']);
  });
});

describe('where the camera goes', () => {
  const base = { level: 'district' as const, frame, focusLocation: null, aspect: 5, areaHeightM: 100 };

  it("frames the unit's bounds at the level's pitch", () => {
    const pose = targetPose({ ...base, settings: {} })!;
    expect(pose.target[0]).toBeCloseTo(0);
    expect(Math.abs(pose.target[1])).toBeLessThan(3000);
    expect(pose.pitchDeg).toBe(LEVEL_PITCH_DEG.district);
  });

  it('goes close to a focused incident, and an officer-set view beats both', () => {
    const location: [number, number] = [106.6, 29.6];
    const focused = targetPose({ ...base, settings: { focusIncidentId: 'x' }, focusLocation: location })!;
    expect(focused.target).toEqual(project(location));
    expect(focused.distanceM).toBe(FOCUS_DISTANCE_M.district);
    const view = { target: [1, 2] as [number, number], distanceM: 900, headingDeg: 10, pitchDeg: 30 };
    expect(targetPose({ ...base, settings: { view, focusIncidentId: 'x' }, focusLocation: location })).toBe(view);
  });

  it('turns the view along a long diagonal unit when that brings it much closer, and keeps north up otherwise', () => {
    const diagonal: [number, number][] = [
      [-10_000, 10_000],
      [-9_000, 10_500],
      [10_000, -10_000],
      [9_000, -10_500],
    ];
    const turned = targetPose({ ...base, frame: diagonal, settings: {} })!;
    expect(Math.abs(turned.headingDeg)).toBeGreaterThanOrEqual(30);
    expect(targetPose({ ...base, settings: {} })!.headingDeg).toBe(0);
  });

  it('keeps units and a focused incident clear of the layer card on a two-display cell, and of the bezel', () => {
    expect(framingWindow(1900)).toEqual({ left: -1, right: 1, bottom: -1, top: 1 });
    const wide = framingWindow(3828);
    expect(wide.right).toBeCloseTo(1 - 2600 / 3828);
    expect(wide.left).toBeCloseTo(-1 + 960 / 3828);
    const location: [number, number] = [106.6, 29.6];
    const pose = targetPose({ ...base, aspect: 3828 / 766, window: wide, settings: { focusIncidentId: 'x' }, focusLocation: location })!;
    const camera = new PerspectiveCamera();
    camera.aspect = 3828 / 766;
    placeCamera(camera, pose);
    const [x, z] = project(location);
    const ndcX = new Vector3(x, 0, z).project(camera).x;
    // In the middle of the window: left of the seam (x = 0), well inside the left display.
    expect(ndcX).toBeCloseTo((wide.left + wide.right) / 2, 3);
    expect(ndcX).toBeLessThan(-0.2);
  });

  it('waits for something to frame', () => {
    expect(targetPose({ ...base, frame: null, settings: {} })).toBeNull();
  });

  it('reads the shared start of a flight', () => {
    expect(sinceMs('2026-11-21T08:00:00.000Z')).toBe(Date.UTC(2026, 10, 21, 8));
    expect(sinceMs(undefined)).toBeNull();
  });
});
