// A uniform grid over lng/lat for nearest-point queries (cameras, units). Queries widen ring by
// ring of cells until the best candidates found cannot be beaten by any farther cell. Rings are
// clipped to the occupied grid and start at its edge, so a point far outside (another province,
// [0,0]) costs no more than one inside: at most every occupied row and column once.
import { squaredDistance, type LngLat } from './geometry';

export class PointGridIndex<T> {
  private readonly cells = new Map<number, T[]>();
  private minCol = Infinity;
  private maxCol = -Infinity;
  private minRow = Infinity;
  private maxRow = -Infinity;
  private visited = 0;

  constructor(
    private readonly locationOf: (item: T) => LngLat,
    private readonly cellDegrees = 0.02,
  ) {}

  static of<T>(items: Iterable<T>, locationOf: (item: T) => LngLat, cellDegrees?: number): PointGridIndex<T> {
    const index = new PointGridIndex(locationOf, cellDegrees);
    for (const item of items) index.add(item);
    return index;
  }

  /** Grid cells examined by all queries so far: the cost of `nearest`, for tests and diagnostics. */
  get cellsVisited(): number {
    return this.visited;
  }

  add(item: T): void {
    const [col, row] = this.cellOf(this.locationOf(item));
    const key = this.key(col, row);
    const bucket = this.cells.get(key);
    if (bucket) bucket.push(item);
    else this.cells.set(key, [item]);
    if (col < this.minCol) this.minCol = col;
    if (col > this.maxCol) this.maxCol = col;
    if (row < this.minRow) this.minRow = row;
    if (row > this.maxRow) this.maxRow = row;
  }

  /** Up to `limit` items nearest to `point`, nearest first, among those passing `accept`. */
  nearest(point: LngLat, limit: number, accept?: (item: T) => boolean): T[] {
    if (limit <= 0 || this.cells.size === 0) return [];
    const [col, row] = this.cellOf(point);
    const found: { item: T; distance: number }[] = [];
    const collect = (c: number, r: number) => {
      this.visited++;
      for (const item of this.cells.get(this.key(c, r)) ?? []) {
        if (accept && !accept(item)) continue;
        found.push({ item, distance: squaredDistance(point, this.locationOf(item)) });
      }
    };
    // Rings nearer than the grid's edge hold no cell; rings past its far edge neither.
    const firstRing = Math.max(this.minCol - col, col - this.maxCol, this.minRow - row, row - this.maxRow, 0);
    const lastRing = Math.max(Math.abs(col - this.minCol), Math.abs(col - this.maxCol), Math.abs(row - this.minRow), Math.abs(row - this.maxRow));
    for (let ring = firstRing; ring <= lastRing; ring++) {
      this.visitRing(col, row, ring, collect);
      if (found.length >= limit) {
        found.sort((a, b) => a.distance - b.distance);
        found.length = Math.min(found.length, limit * 4);
        // Any item in ring+1 or farther is at least `ring` whole cells away (in latitude terms,
        // longitude is scaled by 0.87 in squaredDistance).
        const guaranteed = ring * this.cellDegrees * 0.87;
        const kth = found[limit - 1]?.distance ?? Infinity;
        if (kth <= guaranteed * guaranteed) break;
      }
    }
    found.sort((a, b) => a.distance - b.distance);
    return found.slice(0, limit).map((entry) => entry.item);
  }

  /** Calls `visit` for each cell of the square ring `ring` cells out from (col,row) that lies on the grid. */
  private visitRing(col: number, row: number, ring: number, visit: (c: number, r: number) => void): void {
    const cFrom = Math.max(col - ring, this.minCol);
    const cTo = Math.min(col + ring, this.maxCol);
    const rFrom = Math.max(row - ring, this.minRow);
    const rTo = Math.min(row + ring, this.maxRow);
    if (cFrom > cTo || rFrom > rTo) return;
    // Top and bottom edges in full, then the left and right edges between them.
    for (const r of ring === 0 ? [row] : [row - ring, row + ring]) {
      if (r < this.minRow || r > this.maxRow) continue;
      for (let c = cFrom; c <= cTo; c++) visit(c, r);
    }
    for (const c of ring === 0 ? [] : [col - ring, col + ring]) {
      if (c < this.minCol || c > this.maxCol) continue;
      for (let r = Math.max(row - ring + 1, this.minRow); r <= Math.min(row + ring - 1, this.maxRow); r++) visit(c, r);
    }
  }

  private cellOf([lng, lat]: LngLat): [number, number] {
    return [Math.floor(lng / this.cellDegrees), Math.floor(lat / this.cellDegrees)];
  }

  private key(col: number, row: number): number {
    return col * 100_000 + row;
  }
}
