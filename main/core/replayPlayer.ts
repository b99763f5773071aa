import type { HubEvent } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../shared/state/wallState';
import type { PlayerInfo } from '../../shared/view/viewChannel';
import { CoreError } from './coreError';
import type { Recording } from './eventFile';
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

/** One point of the replay timeline: an event, or a recorded snapshot the state restarts from. */
type Step = { time: number; event: HubEvent; snapshot?: undefined } | { time: number; snapshot: WallState; event?: undefined };

/**
 * Plays a recording against a replay clock: each tick releases, in seq order, the events whose
 * time the clock has reached. A recording may start from a snapshot (a journal does: the wall
 * started from the hub's state, not from seq 0); crossing a later snapshot (the wall restarted)
 * replaces the state with it. `seek` refolds the state up to a time (never before the first
 * snapshot) and pushes it as a reset with a new seek generation.
 */
export class ReplayPlayer implements Player {
  private readonly steps: readonly Step[];
  private readonly endTime: number;
  /** Seeking earlier than this clamps to it: the first snapshot's time. */
  private readonly floorTime: number;
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

  /** Events must be in seq order (as `loadEvents` / `loadRecording` return them), snapshots too. */
  constructor(recording: readonly HubEvent[] | Recording, options: ReplayOptions = {}) {
    this.steps = 'events' in recording ? timeline(recording.events, recording.snapshots) : timeline(recording, []);
    this.endTime = this.steps.at(-1)?.time ?? -Infinity;
    this.floorTime = this.steps.find((step) => step.snapshot)?.time ?? -Infinity;
    this.clock = options.clock ?? realClock;
    this.tickMs = options.tickMs ?? 200;
    this.speed = checkSpeed(options.speed ?? 1);
    this.anchorReplay = Math.max(this.floorTime, options.startAt ? parseTime(options.startAt) : this.defaultStart());
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
    const target = Math.max(this.floorTime, parseTime(isoTime));
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

  /** At a snapshot's time (it arrives as the reset), else just before the first event so that it plays. */
  private defaultStart(): number {
    const first = this.steps.find((step) => Number.isFinite(step.time));
    if (!first) return this.clock.now() - 1;
    return first.snapshot ? first.time : first.time - 1;
  }

  private jumpTo(target: number): void {
    let k = 0;
    while (k < this.steps.length && this.steps[k]!.time <= target) k++;
    this.cursor = k;
    const base = this.lastSnapshotBefore(0, k);
    const events = this.eventsBetween(base + 1, k);
    this.queue.replaceState(reduceEvents(base >= 0 ? this.steps[base]!.snapshot! : emptyWallState(), events));
  }

  private tick(): void {
    this.cancelTick?.();
    this.cancelTick = null;
    if (!this.started) return;
    const now = this.replayNow();
    const from = this.cursor;
    while (this.cursor < this.steps.length && this.steps[this.cursor]!.time <= now) this.cursor++;
    if (this.cursor > from) this.release(from, this.cursor);
    else this.queue.tick();
    if (this.ended()) {
      for (const resolve of this.finishedWaiters.splice(0)) resolve();
      return;
    }
    if (!this.paused) this.cancelTick = this.clock.setTimeout(() => this.tick(), this.tickMs);
  }

  /** Plays steps [from, to): a snapshot among them replaces the state, and what came before it. */
  private release(from: number, to: number): void {
    const snapshot = this.lastSnapshotBefore(from, to);
    if (snapshot >= 0) this.queue.replaceState(this.steps[snapshot]!.snapshot!);
    const events = this.eventsBetween(Math.max(from, snapshot + 1), to);
    if (events.length > 0) this.queue.enqueue(events);
    else if (snapshot < 0) this.queue.tick();
  }

  /** Index of the last snapshot step in [from, to), or -1. */
  private lastSnapshotBefore(from: number, to: number): number {
    for (let k = to - 1; k >= from; k--) if (this.steps[k]!.snapshot) return k;
    return -1;
  }

  private eventsBetween(from: number, to: number): HubEvent[] {
    const events: HubEvent[] = [];
    for (let k = from; k < to; k++) {
      const event = this.steps[k]!.event;
      if (event) events.push(event);
    }
    return events;
  }

  private ended(): boolean {
    return this.cursor >= this.steps.length;
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

/** Events and snapshots merged by seq (a snapshot after the event of its own seq), times never decreasing. */
function timeline(events: readonly HubEvent[], snapshots: readonly WallState[]): Step[] {
  const steps: Step[] = [];
  let e = 0;
  for (const snapshot of snapshots) {
    while (e < events.length && events[e]!.seq <= snapshot.seq) steps.push({ time: timeOf(events[e]!.ts), event: events[e++]! });
    steps.push({ time: timeOf(snapshot.time), snapshot });
  }
  for (; e < events.length; e++) steps.push({ time: timeOf(events[e]!.ts), event: events[e]! });
  let latest = -Infinity;
  for (const step of steps) step.time = latest = Math.max(latest, step.time);
  return steps;
}

/** A state with no events yet has no time: it comes before everything. */
function timeOf(iso: string | null): number {
  const t = iso === null ? NaN : Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
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
