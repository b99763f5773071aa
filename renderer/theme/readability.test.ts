import { describe, expect, it } from 'vitest';
import { asViewportWidth, legibleFontPx, WALL_HEADLINE_PX, WALL_PIXEL_PITCH_MM, WALL_SERVICE_TEXT_PX, WALL_TEXT_PX } from './readability';

describe('wall text sizes', () => {
  it('come from the viewing distance: 45 px reads from 5 m, 89 px from 10 m on a 55-inch 1080p display', () => {
    expect(WALL_PIXEL_PITCH_MM).toBeCloseTo(0.63, 3);
    expect(WALL_TEXT_PX).toBe(45);
    expect(WALL_HEADLINE_PX).toBe(89);
    // 45 px → 0.9 × 45 × 0.63 mm ≈ 25.5 mm characters ≥ 5 m / 200; a pixel less would not be.
    expect(0.9 * WALL_TEXT_PX * WALL_PIXEL_PITCH_MM).toBeGreaterThanOrEqual(25);
    expect(0.9 * (WALL_TEXT_PX - 1) * WALL_PIXEL_PITCH_MM).toBeLessThan(25);
    expect(legibleFontPx(3)).toBeLessThan(WALL_TEXT_PX);
  });

  it('are written for the stylesheet as a share of the display width', () => {
    expect(asViewportWidth(WALL_TEXT_PX)).toBe('2.3438vw');
    expect(asViewportWidth(WALL_HEADLINE_PX)).toBe('4.6354vw');
    expect(asViewportWidth(WALL_SERVICE_TEXT_PX)).toBe('1.25vw');
  });
});
