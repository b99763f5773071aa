import type { HubEvent } from '../../shared/protocol/events';
import type { WallState } from '../../shared/state/wallState';
import type { PlayerCapability, PlayerControl, PlayerInfo, PlayerUpdate } from '../../shared/view/viewChannel';
import { CoreError } from './coreError';
import { silentLogger, type Logger } from './logger';

/** Where a player pushes; the returned promise settles once every view has applied the push. */
export type PlayerSink = (update: PlayerUpdate) => Promise<void>;

/**
 * One data path for live and replay: a player pushes updates to its sink and waits for each
 * before the next (backpressure). Views tell players apart only by `info().capabilities`.
 */
export interface Player {
  info(): PlayerInfo;
  start(sink: PlayerSink): void;
  stop(): Promise<void>;
  /** Resolves once everything handed to the player so far has been pushed and applied. */
  idle(): Promise<void>;
  seek?(isoTime: string): void;
  setSpeed?(speed: number): void;
  pause?(): void;
  resume?(): void;
}

export const DEFAULT_MAX_BATCH = 5000;

const NEEDS: Record<PlayerControl['action'], PlayerCapability> = { seek: 'seek', speed: 'speed', pause: 'pause', resume: 'pause' };

/**
 * A view's replay control, applied when the player declares the capability (and has the method);
 * otherwise `forbidden`. Answers with the player's info after the change.
 */
export function controlPlayer(player: Player, control: PlayerControl): PlayerInfo {
  const info = player.info();
  const refuse = () => new CoreError('forbidden', `the ${info.kind} player cannot ${control.action}`);
  if (!info.capabilities.includes(NEEDS[control.action])) throw refuse();
  switch (control.action) {
    case 'seek':
      if (!player.seek) throw refuse();
      player.seek(control.at);
      break;
    case 'speed':
      if (!player.setSpeed) throw refuse();
      player.setSpeed(control.speed);
      break;
    case 'pause':
      if (!player.pause) throw refuse();
      player.pause();
      break;
    case 'resume':
      if (!player.resume) throw refuse();
      player.resume();
      break;
  }
  return player.info();
}

/**
 * The push loop both players share: events handed in while a push is in flight wait and go
 * out together in the next push, at most `maxBatch` per push.
 */
export class PushQueue {
  private pending: HubEvent[] = [];
  private reset: WallState | undefined;
  private pushId = 0;
  private running: Promise<void> | null = null;
  private sink: PlayerSink | null = null;
  private wantTick = false;
  private readonly logger: Logger;

  constructor(
    private readonly describe: () => Pick<PlayerUpdate, 'currentTime' | 'speed' | 'seekGeneration'>,
    private readonly maxBatch = DEFAULT_MAX_BATCH,
    logger: Logger = silentLogger,
  ) {
    this.logger = logger;
  }

  attach(sink: PlayerSink): void {
    this.sink = sink;
    this.kick();
  }

  detach(): void {
    this.sink = null;
  }

  enqueue(events: readonly HubEvent[]): void {
    for (const e of events) this.pending.push(e);
    this.kick();
  }

  /** Replace the views' state (a seek): whatever was still waiting is dropped. */
  replaceState(state: WallState): void {
    this.pending = [];
    this.reset = state;
    this.kick();
  }

  /** Push even without events, so views see the clock move. */
  tick(): void {
    this.wantTick = true;
    this.kick();
  }

  backlog(): number {
    return this.pending.length;
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private kick(): void {
    if (this.running || !this.sink) return;
    if (this.pending.length === 0 && !this.reset && !this.wantTick) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.sink && (this.pending.length || this.reset || this.wantTick)) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.sink && (this.pending.length > 0 || this.reset || this.wantTick)) {
      const events = this.pending.length <= this.maxBatch ? this.pending : this.pending.slice(0, this.maxBatch);
      this.pending = events === this.pending ? [] : this.pending.slice(this.maxBatch);
      const update: PlayerUpdate = { pushId: ++this.pushId, events, ...this.describe() };
      if (this.reset) update.reset = this.reset;
      this.reset = undefined;
      this.wantTick = false;
      try {
        await this.sink(update);
      } catch (error) {
        this.logger.error('push failed', { pushId: update.pushId, error });
      }
    }
  }
}
