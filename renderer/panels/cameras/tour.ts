/**
 * Which camera each tile shows at tour step `step`: with more cameras than tiles, a page of
 * `tiles` cameras per step, wrapping around; with fewer, every camera once, rotated by one tile
 * per step. `undefined` leaves a tile empty.
 */
export function tourPage(cameraIds: readonly string[], tiles: number, step: number): (string | undefined)[] {
  const n = cameraIds.length;
  if (n === 0) return Array.from({ length: tiles }, () => undefined);
  if (n <= tiles) return Array.from({ length: tiles }, (_, i) => (i < n ? cameraIds[(i + step) % n] : undefined));
  const start = (step * tiles) % n;
  return Array.from({ length: tiles }, (_, i) => cameraIds[(start + i) % n]);
}

/** The tiles' cameras without a tour: the listed ones, or the first of the directory when none is listed. */
export function fixedPage(cameraIds: readonly string[], directoryIds: readonly string[], tiles: number): (string | undefined)[] {
  const ids = cameraIds.length > 0 ? cameraIds : directoryIds;
  return Array.from({ length: tiles }, (_, i) => ids[i]);
}
