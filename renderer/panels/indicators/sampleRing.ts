/** How many samples a sparkline shows: two minutes at the hub's 1 Hz. */
export const SPARKLINE_SAMPLES = 120;

/**
 * The last `capacity` values of one indicator, oldest first, in a fixed typed array: pushing a
 * sample allocates nothing, so 1,500 of them at 1 Hz leave the garbage collector alone.
 */
export class SampleRing {
  private readonly values: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number = SPARKLINE_SAMPLES) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    if (this.count < this.capacity) {
      this.values[(this.start + this.count) % this.capacity] = value;
      this.count += 1;
    } else {
      this.values[this.start] = value;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** The `index`-th value, oldest first (undefined outside 0…length-1). */
  at(index: number): number | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.values[(this.start + index) % this.capacity];
  }

  latest(): number | undefined {
    return this.at(this.count - 1);
  }

  /** Calls `visit` for each value, oldest first. */
  forEach(visit: (value: number, index: number) => void): void {
    for (let i = 0; i < this.count; i++) visit(this.values[(this.start + i) % this.capacity] as number, i);
  }

  toArray(): number[] {
    const out: number[] = [];
    this.forEach((v) => out.push(v));
    return out;
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
  }
}
