import { describe, expect, it } from 'vitest';
import { COST_MEMORY, frameCostEstimate, MAX_PULSE_GAP_MS, PULSE_FPS, pulseGapMs, SLOW_FRAME_WAIT_FACTOR } from './pulseClock';

describe('pulseGapMs', () => {
  it('asks for PULSE_FPS frames a second while frames are cheap', () => {
    expect(pulseGapMs(0)).toBeCloseTo(1000 / PULSE_FPS, 9);
    expect(pulseGapMs(8)).toBeCloseTo(1000 / PULSE_FPS, 9);
  });

  it('waits longer after slow frames, so the pulse takes a third of the machine at most', () => {
    expect(pulseGapMs(300)).toBe(SLOW_FRAME_WAIT_FACTOR * 300);
    expect(300 / (pulseGapMs(300) + 300)).toBeLessThanOrEqual(1 / 3);
  });

  it('never waits longer than MAX_PULSE_GAP_MS', () => {
    expect(pulseGapMs(60_000)).toBe(MAX_PULSE_GAP_MS);
  });
});

describe('frameCostEstimate', () => {
  it('holds the slowest recent frame, fading, so one quick frame does not undo the pacing', () => {
    expect(frameCostEstimate(0, 300)).toBe(300);
    expect(frameCostEstimate(300, 2)).toBe(300 * COST_MEMORY);
    expect(frameCostEstimate(300, 400)).toBe(400);
    let estimate = 300;
    for (let i = 0; i < 30; i++) estimate = frameCostEstimate(estimate, 2);
    expect(pulseGapMs(estimate)).toBeCloseTo(1000 / PULSE_FPS, 9); // back to full rate once frames are cheap
  });
});

