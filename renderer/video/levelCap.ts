/** A rendition as the master playlist's RESOLUTION gives it. */
export interface RenditionSize {
  width: number;
  height: number;
}

/** A rendition up to this much smaller than the tile still looks sharp enough on a wall. */
const SHARP_ENOUGH = 0.85;

/**
 * The index of the smallest rendition that fills a tile of `tileWidthPx` × `tileHeightPx` device
 * pixels (the video is letterboxed, so only the smaller fitting side counts); the largest one
 * when none does. -1 when there is nothing to choose from.
 */
export function chooseLevelForTile(levels: readonly RenditionSize[], tileWidthPx: number, tileHeightPx: number): number {
  let best = -1;
  let largest = -1;
  levels.forEach((level, index) => {
    if (level.width <= 0 || level.height <= 0) return;
    if (largest < 0 || level.width > levels[largest]!.width) largest = index;
    const shownWidth = Math.min(tileWidthPx, tileHeightPx * (level.width / level.height));
    const fills = level.width >= shownWidth * SHARP_ENOUGH;
    if (fills && (best < 0 || level.width < levels[best]!.width)) best = index;
  });
  return best >= 0 ? best : largest;
}

/** The index of the largest rendition, -1 when there is none. */
export function largestLevel(levels: readonly RenditionSize[]): number {
  let largest = -1;
  levels.forEach((level, index) => {
    if (largest < 0 || level.width > levels[largest]!.width) largest = index;
  });
  return largest;
}
