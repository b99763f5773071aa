/** Tile geometry in CSS pixels (indicators.css uses the same numbers). */
export const TILE_METRICS = { minTileWidth: 184, rowHeight: 136, gap: 8, labelHeight: 24 } as const;
export type TileMetrics = typeof TILE_METRICS;

export interface BoardLayout {
  columns: number;
  /** Rows given to the attention band (alarms, warnings): 0 when nothing needs attention. */
  attentionRows: number;
  restRows: number;
  /** Row height: at least the minimum, stretched so the rows fill the height exactly. */
  rowHeight: number;
}

const fit = (space: number, size: number, gap: number) => Math.max(0, Math.floor((space + gap) / (size + gap)));

/**
 * How many whole tiles fit: columns across, rows down, split between the attention band (as many
 * rows as it needs, at most half) and the normal rest. Pure, so the wall's page maths is tested.
 */
export function planBoardLayout(width: number, height: number, attentionCount: number, metrics: TileMetrics = TILE_METRICS): BoardLayout {
  const columns = Math.max(1, fit(width, metrics.minTileWidth, metrics.gap));
  const labels = (attentionCount > 0 ? 2 : 1) * metrics.labelHeight;
  const rows = Math.max(1, fit(height - labels, metrics.rowHeight, metrics.gap));
  const rowHeight = Math.max(metrics.rowHeight, Math.floor((height - labels + metrics.gap) / rows) - metrics.gap);
  if (attentionCount === 0) return { columns, attentionRows: 0, restRows: rows, rowHeight };
  const attentionRows = Math.min(Math.ceil(attentionCount / columns), Math.max(1, Math.floor(rows / 2)));
  return { columns, attentionRows, restRows: Math.max(1, rows - attentionRows), rowHeight };
}

/** The slice of `count` items on `page` (0-based) with `perPage` per page, and the page count. */
export function pageSlice(count: number, perPage: number, page: number): { start: number; end: number; pages: number; page: number } {
  const size = Math.max(1, perPage);
  const pages = Math.max(1, Math.ceil(count / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { start: current * size, end: Math.min(count, (current + 1) * size), pages, page: current };
}
