/*
 * How big text on the wall must be, derived once. The CSS sizes (tokens.css: --wall-text,
 * --wall-headline, --wall-service) are these numbers as a share of the display's width;
 * the console end-to-end test measures them on the wall.
 */

/** The usual command-hall unit is a 55-inch 1920×1080 splicing LCD: 1209.6 mm across 1920 px. */
export const WALL_PIXEL_PITCH_MM = 1209.6 / 1920;
/** Rule of thumb for legible signage and control-room displays: a character at least 1/200 of the viewing distance tall (≈ 17′ of arc). */
export const CHARACTER_HEIGHT_PER_DISTANCE = 1 / 200;
/** A Chinese ideograph fills about 0.9 of its font size (Noto Sans CJK, the hall's font). */
export const CJK_GLYPH_HEIGHT_EM = 0.9;
/** The front rows of the hall, where the duty officers sit. */
export const NEAR_VIEWING_M = 5;
/** The back of the hall, where leaders review. */
export const FAR_VIEWING_M = 10;
/** Wall displays are designed at this width; sizes scale with it (vw) so a smaller test window keeps the proportions. */
export const WALL_DESIGN_WIDTH_PX = 1920;

/** The smallest font size, in display pixels, whose Chinese characters read from `distanceM` metres. */
export function legibleFontPx(distanceM: number): number {
  const characterMm = distanceM * 1000 * CHARACTER_HEIGHT_PER_DISTANCE;
  return Math.ceil(characterMm / WALL_PIXEL_PITCH_MM / CJK_GLYPH_HEIGHT_EM);
}

/** Every word the hall acts on (titles, incidents, tasks, tickers, labels): readable from the front rows. 45 px. */
export const WALL_TEXT_PX = legibleFontPx(NEAR_VIEWING_M);
/** The figures everyone watches (open incidents, their levels, tasks, the clock, the focused incident): readable from the back. 89 px. */
export const WALL_HEADLINE_PX = legibleFontPx(FAR_VIEWING_M);
/**
 * Maintenance marks only (display id, event seq in the footer band): read by a technician at the
 * wall, so they may stay small enough to fit the 44 px footer band. Nothing an officer needs goes there.
 */
export const WALL_SERVICE_TEXT_PX = 24;

/** A display-pixel size as the CSS length tokens.css uses: a share of the display's width. */
export function asViewportWidth(px: number): string {
  return `${Number(((px / WALL_DESIGN_WIDTH_PX) * 100).toFixed(4))}vw`;
}
