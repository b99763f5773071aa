// A uniform grid over lng/lat for nearest-point queries (cameras, units). Queries widen ring by
// ring of cells until the best candidates found cannot be beaten by any farther cell.
import { squaredDistance, type LngLat } from './geometry';

export class PointGridIndex<T> {
  private readonly cells = new Map<number, T[]>();
  private minCol = Infinity;
  private maxCol = -Infinity;
  private minRow = Infinity;
  private maxRow = -Infinity;

  constructor(
    private readonly locationOf: (item: T) => LngLat,
    private readonly cellDegrees = 0.02,
  ) {}

  static of<T>(items: Iterable<T>, locationOf: (item: T) => LngLat, cellDegrees?: number): PointGridIndex<T> {
    const index = new PointGridIndex(locationOf, cellDegrees);
    for (const item of items) index.add(item);
    return index;
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
    const maxRing = Math.max(
      Math.abs(col - this.minCol), Math.abs(col - this.maxCol),
      Math.abs(row - this.minRow), Math.abs(row - this.maxRow),
    );
    for (let ring = 0; ring <= maxRing; ring++) {
      for (let c = col - ring; c <= col + ring; c++) {
        for (let r = row - ring; r <= row + ring; r++) {
          if (Math.max(Math.abs(c - col), Math.abs(r - row)) !== ring) continue;
          for (const item of this.cells.get(this.key(c, r)) ?? []) {
            if (accept && !accept(item)) continue;
            found.push({ item, distance: squaredDistance(point, this.locationOf(item)) });
          }
        }
      }
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

  private cellOf([lng, lat]: LngLat): [number, number] {
    return [Math.floor(lng / this.cellDegrees), Math.floor(lat / this.cellDegrees)];
  }

  private key(col: number, row: number): number {
    return col * 100_000 + row;
  }
}
