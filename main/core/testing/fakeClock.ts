import type { ReplayClock } from '../replayPlayer';

/** A clock that moves only when told; timers fire in time order during `advance`. */
export class FakeClock implements ReplayClock {
  private t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;

  now = (): number => this.t;

  setTimeout = (fn: () => void, ms: number): (() => void) => {
    const id = ++this.nextId;
    this.timers.push({ at: this.t + ms, fn, id });
    return () => (this.timers = this.timers.filter((timer) => timer.id !== id));
  };

  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
    }
    this.t = end;
  }
}
