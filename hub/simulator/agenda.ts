// Pending simulator actions ordered by due time, ties broken by insertion order, so the same
// inputs always run in the same order.

export interface AgendaItem {
  at: number;
  seq: number;
  run: () => void | Promise<void>;
}

export class Agenda {
  private items: AgendaItem[] = [];
  private nextSeq = 0;

  schedule(at: number, run: AgendaItem['run']): void {
    const item = { at, seq: this.nextSeq++, run };
    // Binary search for the first item due strictly later; equal times keep insertion order.
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((this.items[mid] as AgendaItem).at <= at) low = mid + 1;
      else high = mid;
    }
    this.items.splice(low, 0, item);
  }

  /** Removes and returns the earliest item due at or before `now`. */
  takeDue(now: number): AgendaItem | undefined {
    const first = this.items[0];
    if (!first || first.at > now) return undefined;
    this.items.shift();
    return first;
  }

  /** When the earliest item is due, or undefined when none is pending. */
  nextAt(): number | undefined {
    return this.items[0]?.at;
  }

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items = [];
  }
}
