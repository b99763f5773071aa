import type { HubEvent } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import type { PlayerInfo } from '../../shared/view/viewChannel';
import { CoreError } from './coreError';
import { silentLogger, type Logger } from './logger';
import { DEFAULT_MAX_BATCH, PushQueue, type Player, type PlayerSink } from './player';

/** Time source for replay; tests pass a fake one. */
export interface ReplayClock {
  now(): number;
  /** Runs `fn` after `ms`; returns a cancel function. */
  setTimeout(fn: () => void, ms: number): () => void;
}

export const realClock: ReplayClock = {
  now: Date.now,
  setTimeout: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export interface ReplayOptions {
  speed?: number;
  /** How often the replay clock moves forward (wall time). */
  tickMs?: number;
  /** Where playback starts; the first event's time by default. */
  startAt?: string;
  clock?: ReplayClock;
  maxBatch?: number;
  logger?: Logger;
}

/**
 * Plays recorded events against a replay clock: each tick releases, in seq order, the events
 * whose time the clock has reached. `seek` refolds the state up to a time and pushes it as a
 * reset with a new seek generation.
 */
export class ReplayPlayer implements Player {
  private readonly events: readonly HubEvent[];
  private readonly times: readonly number[];
  private readonly endTime: number;
  private readonly queue: PushQueue;
  private readonly clock: ReplayClock;
  private readonly tickMs: number;
  private cursor = 0;
  private speed: number;
  private paused = false;
  private seekGeneration = 0;
  private anchorReplay: number;
  private anchorWall = 0;
  private cancelTick: (() => void) | null = null;
  private started = false;
  private finishedWaiters: (() => void)[] = [];

  /** `events` must be in seq order (as `loadEvents` returns them). */
  constructor(events: readonly HubEvent[], options: ReplayOptions = {}) {
    this.events = events;
    this.times = events.map((e) => Date.parse(e.ts));
    this.endTime = this.times.reduce((max, t) => Math.max(max, t), -Infinity);
    this.clock = options.clock ?? realClock;
    this.tickMs = options.tickMs ?? 200;
    this.speed = checkSpeed(options.speed ?? 1);
    // By default start just before the first event, so that it plays rather than arriving folded into the reset.
    this.anchorReplay = options.startAt ? parseTime(options.startAt) : (this.times[0] ?? this.clock.now()) - 1;
    this.queue = new PushQueue(
      () => ({ currentTime: new Date(this.replayNow()).toISOString(), speed: this.speed, seekGeneration: this.seekGeneration }),
      options.maxBatch ?? DEFAULT_MAX_BATCH,
      (options.logger ?? silentLogger).child({ component: 'replayPlayer' }),
    );
  }

  info(): PlayerInfo {
    return {
      kind: 'replay',
      capabilities: ['seek', 'speed', 'pause'],
      speed: this.speed,
      currentTime: new Date(this.replayNow()).toISOString(),
      seekGeneration: this.seekGeneration,
    };
  }

  start(sink: PlayerSink): void {
    if (this.started) return;
    this.started = true;
    this.anchorWall = this.clock.now();
    this.jumpTo(this.anchorReplay); // views start from the state at the start time, whatever they had
    this.queue.attach(sink);
    this.tick();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.cancelTick?.();
    this.cancelTick = null;
    this.queue.detach();
    await this.queue.idle();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Resolves once every event has been released and applied by the views. */
  async finished(): Promise<void> {
    if (!this.ended()) await new Promise<void>((resolve) => this.finishedWaiters.push(resolve));
    await this.queue.idle();
  }

  seek(isoTime: string): void {
    const target = parseTime(isoTime);
    this.anchorReplay = target;
    this.anchorWall = this.clock.now();
    this.seekGeneration++;
    this.jumpTo(target);
    if (this.started && !this.paused) this.tick(); // also restarts a replay that had ended
  }

  setSpeed(speed: number): void {
    checkSpeed(speed);
    this.reanchor();
    this.speed = speed;
    this.queue.tick();
  }

  pause(): void {
    if (this.paused) return;
    this.reanchor();
    this.paused = true;
    this.queue.tick();
  }

  resume(): void {
    if (!this.paused) return;
    this.anchorWall = this.clock.now();
    this.paused = false;
    this.tick();
  }

  private jumpTo(target: number): void {
    let k = 0;
    while (k < this.events.length && this.times[k]! <= target) k++;
    this.cursor = k;
    this.queue.replaceState(reduceEvents(emptyWallState(), this.events.slice(0, k)));
  }

  private tick(): void {
    this.cancelTick?.();
    this.cancelTick = null;
    if (!this.started) return;
    const now = this.replayNow();
    const from = this.cursor;
    while (this.cursor < this.events.length && this.times[this.cursor]! <= now) this.cursor++;
    if (this.cursor > from) this.queue.enqueue(this.events.slice(from, this.cursor));
    else this.queue.tick();
    if (this.ended()) {
      for (const resolve of this.finishedWaiters.splice(0)) resolve();
      return;
    }
    if (!this.paused) this.cancelTick = this.clock.setTimeout(() => this.tick(), this.tickMs);
  }

  private ended(): boolean {
    return this.cursor >= this.events.length;
  }

  private replayNow(): number {
    if (this.paused || !this.started) return this.anchorReplay;
    const now = this.anchorReplay + (this.clock.now() - this.anchorWall) * this.speed;
    // Past the last event the clock stands still: there is nothing more to show.
    return this.ended() ? Math.min(now, Math.max(this.endTime, this.anchorReplay)) : now;
  }

  private reanchor(): void {
    this.anchorReplay = this.replayNow();
    this.anchorWall = this.clock.now();
  }
}

function checkSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) throw new CoreError('invalid', `speed: must be a positive number, got ${speed}`, 'speed');
  return speed;
}

function parseTime(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new CoreError('invalid', `time: not an ISO time: ${iso}`, 'time');
  return t;
}
