// Hands every committed event to this node's listeners exactly once and in seq order, whichever
// node appended it. Local commits and peers' notices take a fast path when they continue the
// stream; anything else (a gap, a race between two commits) is read back from the database,
// which commits strictly in seq order (see SqlDriver.transaction).
import type { HubEvent } from '../../shared/protocol/events';
import type { Store } from '../store/store';
import { SerialQueue } from '../store/sqlDriver';

export type FeedListener = (events: HubEvent[]) => void;

const PULL_PAGE = 1000;

export class EventFeed {
  private last = 0;
  private readonly listeners = new Set<FeedListener>();
  private readonly queue = new SerialQueue();
  /** Set by the scale-out relay: tells peer nodes about local commits. */
  relay: ((events: HubEvent[]) => void) | undefined;

  constructor(private readonly store: Store) {}

  async start(): Promise<void> {
    this.last = await this.store.lastSeq();
  }

  /** The highest seq handed to listeners. Every later event will reach listeners after now. */
  get lastDelivered(): number {
    return this.last;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events this node has just committed. */
  publishLocal(events: HubEvent[]): void {
    this.relay?.(events);
    void this.accept(events);
  }

  /** Events a peer node committed. */
  publishRemote(events: HubEvent[]): void {
    void this.accept(events);
  }

  /** Reads anything committed but not yet delivered (a missed peer notice, a periodic check). */
  catchUp(): Promise<void> {
    return this.queue.run(() => this.pull(Number.MAX_SAFE_INTEGER));
  }

  /** Waits until everything handed in so far has been delivered. */
  settled(): Promise<void> {
    return this.queue.run(async () => undefined);
  }

  private accept(events: HubEvent[]): Promise<void> {
    return this.queue
      .run(async () => {
        const fresh = events.filter((e) => e.seq > this.last);
        if (fresh.length === 0) return;
        const contiguous = fresh.every((e, i) => e.seq === this.last + 1 + i);
        if (contiguous) this.deliver(fresh);
        else await this.pull(fresh[fresh.length - 1]!.seq);
      })
      .catch(() => undefined); // a failed read is retried by the next notice or catch-up
  }

  private async pull(upTo: number): Promise<void> {
    for (;;) {
      const page = await this.store.eventsAfter(this.last, PULL_PAGE, upTo === Number.MAX_SAFE_INTEGER ? undefined : upTo);
      if (page.length === 0) return;
      this.deliver(page.map((stored) => stored.event));
      if (page.length < PULL_PAGE) return;
    }
  }

  private deliver(events: HubEvent[]): void {
    this.last = events[events.length - 1]!.seq;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch {
        // one broken listener must not starve the others
      }
    }
  }
}
