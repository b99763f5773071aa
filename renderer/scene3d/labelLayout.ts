/*
 * Which area labels show: projected into the whole picture's pixels (the same in every window),
 * then placed greedily, biggest area first, skipping any that would overlap one already placed
 * or fall outside the picture. Deciding on the whole picture, not per window, keeps a label at
 * the bezel shown on both sides or on neither.
 */

export interface LabelCandidate {
  id: string;
  /** Centre, in the whole picture's pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Higher wins a collision (the area's size). */
  priority: number;
}

/** A label's box at a font size: CJK characters are about one em wide, plus padding. */
export function labelBox(text: string, fontPx: number): { width: number; height: number } {
  let ems = 0;
  for (const ch of text) ems += /[\u0000-\u00ff]/.test(ch) ? 0.55 : 1;
  return { width: ems * fontPx + fontPx * 0.6, height: fontPx * 1.3 };
}

export function placeLabels(candidates: readonly LabelCandidate[], picture: { width: number; height: number }): Set<string> {
  const placed: LabelCandidate[] = [];
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  for (const c of order) {
    if (!Number.isFinite(c.x) || !Number.isFinite(c.y)) continue;
    const left = c.x - c.width / 2;
    const top = c.y - c.height / 2;
    if (left < 0 || top < 0 || left + c.width > picture.width || top + c.height > picture.height) continue;
    if (placed.some((p) => Math.abs(p.x - c.x) * 2 < p.width + c.width && Math.abs(p.y - c.y) * 2 < p.height + c.height)) continue;
    placed.push(c);
  }
  return new Set(placed.map((p) => p.id));
}
