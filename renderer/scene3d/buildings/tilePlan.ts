import type { PackedFootprints } from './footprints';

/**
 * Buildings grouped by where they stand: square tiles (full detail, one merged geometry each)
 * inside larger cells (one merged box geometry each, for when the whole cell is far). A building
 * belongs to the tile and cell holding its centre; bounds cover its whole footprint.
 */

export interface TilePlanOptions {
  /** Side of a full-detail tile, metres. */
  tileSizeM: number;
  /** Tiles per cell side: a cell is cellTiles × cellTiles tiles. */
  cellTiles: number;
}

export const DEFAULT_TILE_PLAN: TilePlanOptions = { tileSizeM: 1000, cellTiles: 4 };

/** Ground extent and top of a set of buildings. */
export interface Bounds {
  minX: number;
  minZ: number;
  maxX: number;
  maxZ: number;
  maxY: number;
}

export interface PlannedTile {
  col: number;
  row: number;
  /** Packed building indices, in input order. */
  buildings: Uint32Array;
  bounds: Bounds;
}

export interface PlannedCell {
  col: number;
  row: number;
  tiles: PlannedTile[];
  /** The cell's buildings tallest first, so a draw range can drop the low ones at distance. */
  byHeight: Uint32Array;
  bounds: Bounds;
}

export interface TilePlan {
  options: TilePlanOptions;
  cells: PlannedCell[];
}

export function emptyBounds(): Bounds {
  return { minX: Infinity, minZ: Infinity, maxX: -Infinity, maxZ: -Infinity, maxY: 0 };
}

function growBounds(bounds: Bounds, footprints: PackedFootprints, building: number): void {
  for (let p = footprints.ringStart[building]!; p < footprints.ringStart[building + 1]!; p += 1) {
    const x = footprints.coords[p * 2]!;
    const z = footprints.coords[p * 2 + 1]!;
    if (x < bounds.minX) bounds.minX = x;
    if (x > bounds.maxX) bounds.maxX = x;
    if (z < bounds.minZ) bounds.minZ = z;
    if (z > bounds.maxZ) bounds.maxZ = z;
  }
  if (footprints.heights[building]! > bounds.maxY) bounds.maxY = footprints.heights[building]!;
}

function mergeBounds(into: Bounds, from: Bounds): void {
  into.minX = Math.min(into.minX, from.minX);
  into.minZ = Math.min(into.minZ, from.minZ);
  into.maxX = Math.max(into.maxX, from.maxX);
  into.maxZ = Math.max(into.maxZ, from.maxZ);
  into.maxY = Math.max(into.maxY, from.maxY);
}

export function planTiles(footprints: PackedFootprints, options: TilePlanOptions = DEFAULT_TILE_PLAN): TilePlan {
  const { tileSizeM, cellTiles } = options;
  const tiles = new Map<number, { col: number; row: number; buildings: number[] }>();
  for (let b = 0; b < footprints.count; b += 1) {
    const col = Math.floor(footprints.centres[b * 2]! / tileSizeM);
    const row = Math.floor(footprints.centres[b * 2 + 1]! / tileSizeM);
    const key = gridKey(col, row);
    let tile = tiles.get(key);
    if (!tile) tiles.set(key, (tile = { col, row, buildings: [] }));
    tile.buildings.push(b);
  }
  const cells = new Map<number, PlannedCell>();
  for (const tile of tiles.values()) {
    const col = Math.floor(tile.col / cellTiles);
    const row = Math.floor(tile.row / cellTiles);
    const key = gridKey(col, row);
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { col, row, tiles: [], byHeight: new Uint32Array(0), bounds: emptyBounds() }));
    const bounds = emptyBounds();
    for (const b of tile.buildings) growBounds(bounds, footprints, b);
    cell.tiles.push({ col: tile.col, row: tile.row, buildings: Uint32Array.from(tile.buildings), bounds });
    mergeBounds(cell.bounds, bounds);
  }
  const ordered = [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of ordered) {
    cell.tiles.sort((a, b) => a.row - b.row || a.col - b.col);
    cell.byHeight = tallestFirst(footprints.heights, cell.tiles);
  }
  return { options, cells: ordered };
}

/** One number per grid square (columns and rows within ±2^20, far beyond any city in metres / 1 km). */
function gridKey(col: number, row: number): number {
  return (col + 0x100000) * 0x200000 + (row + 0x100000);
}

/**
 * The tiles' buildings tallest first, ties in index order (deterministic). A typed-array sort of
 * packed keys (height in decimetres, then index): several times faster than sorting with a
 * comparator, which matters at 200k buildings.
 */
function tallestFirst(heights: Float32Array, tiles: readonly PlannedTile[]): Uint32Array {
  const count = tiles.reduce((sum, t) => sum + t.buildings.length, 0);
  const keys = new Float64Array(count);
  let at = 0;
  for (const tile of tiles) {
    for (const b of tile.buildings) keys[at++] = heightRank(heights[b]!) * INDEX_SPAN + b;
  }
  keys.sort();
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) out[i] = keys[i]! % INDEX_SPAN;
  return out;
}

const INDEX_SPAN = 2 ** 26;
const MAX_RANK = 20_000;

/** Smaller for taller buildings: decimetres below 2 km. */
export function heightRank(heightM: number): number {
  return MAX_RANK - Math.min(MAX_RANK, Math.round(heightM * 10));
}
