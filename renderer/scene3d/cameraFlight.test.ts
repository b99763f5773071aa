import { describe, expect, it } from 'vitest';
import type { CameraPose } from './cameraPose';
import { easeInOutCubic, FLIGHT_MS, flyTo, interpolatePose, isFlying, poseAt, restingAt } from './cameraFlight';

const city: CameraPose = { target: [0, 0], distanceM: 400_000, headingDeg: 0, pitchDeg: 55 };
const district: CameraPose = { target: [2000, -1000], distanceM: 20_000, headingDeg: 0, pitchDeg: 50 };
const street: CameraPose = { target: [2500, -900], distanceM: 2_000, headingDeg: 350, pitchDeg: 45 };

describe('camera flights', () => {
  it('ease from rest to rest', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5);
    expect(easeInOutCubic(0.1)).toBeLessThan(0.1);
  });

  it('start where the camera was and end at the new pose, over 1.5 s from the shared start', () => {
    const flight = flyTo(restingAt(city), district, 10_000);
    expect(flight.durationMs).toBe(FLIGHT_MS);
    expect(poseAt(flight, 9_000)).toEqual(city);
    expect(poseAt(flight, 10_000)).toEqual(city);
    expect(poseAt(flight, 10_000 + FLIGHT_MS)).toEqual(district);
    expect(isFlying(flight, 10_500)).toBe(true);
    expect(isFlying(flight, 10_000 + FLIGHT_MS)).toBe(false);
  });

  it('zoom geometrically: halfway through the eased time the distance is the geometric mean', () => {
    const mid = interpolatePose(city, district, 0.5);
    expect(mid.distanceM).toBeCloseTo(Math.sqrt(city.distanceM * district.distanceM), 6);
    expect(mid.target).toEqual([1000, -500]);
  });

  it('turn the short way round', () => {
    expect(interpolatePose(district, street, 0.5).headingDeg).toBeCloseTo(-5);
  });

  it('are the same in every window that saw the same settings: a new target mid-flight starts from where the old flight was at the new start', () => {
    const windowA = flyTo(flyTo(restingAt(city), district, 0), street, 700);
    const windowB = flyTo(flyTo(restingAt(city), district, 0), street, 700);
    expect(windowA).toEqual(windowB);
    expect(windowA.from).toEqual(poseAt(flyTo(restingAt(city), district, 0), 700));
    for (const t of [700, 900, 1500, 2200]) expect(poseAt(windowA, t)).toEqual(poseAt(windowB, t));
  });

  it('rest at once when there is nothing to fly or no time to fly it (reduced motion)', () => {
    expect(flyTo(restingAt(city), city, 5).durationMs).toBe(0);
    expect(poseAt(flyTo(restingAt(city), district, 5, 0), 5)).toEqual(district);
  });
});
