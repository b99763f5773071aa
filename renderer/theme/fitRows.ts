/**
 * How many of a list's rows the wall shows: only whole rows, and when some are held back a line
 * saying how many takes the room of the last. `rowBottoms` are the rows' bottom edges from the
 * top of the list, in order; `height` is the list's box; `moreLineHeight` the "+N more" line's.
 */
export function rowsThatFit(rowBottoms: readonly number[], height: number, moreLineHeight: number): number {
  // Half a pixel of slack: layout rounds sub-pixel heights.
  const fits = (bottom: number, room: number) => bottom <= room + 0.5;
  if (rowBottoms.every((bottom) => fits(bottom, height))) return rowBottoms.length;
  const room = height - moreLineHeight;
  let shown = 0;
  while (shown < rowBottoms.length && fits(rowBottoms[shown]!, room)) shown++;
  return shown;
}
