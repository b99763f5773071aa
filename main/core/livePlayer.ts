import type { PlayerInfo } from '../../shared/view/viewChannel';
import type { HubEvent } from '../../shared/protocol/events';
import type { WallState } from '../../shared/state/wallState';
import { silentLogger, type Logger } from './logger';
import { DEFAULT_MAX_BATCH, PushQueue, type Player, type PlayerSink } from './player';

/** Where live events come from: the HubLink (or a test stand-in). */
export interface LiveSource {
  on(name: 'events', listener: (events: HubEvent[]) => void): () => void;
}

/** Plays the hub as it happens: every validated batch from the link goes to the views. */
export class LivePlayer implements Player {
  private readonly queue: PushQueue;
  private unsubscribe: (() => void) | null = null;
  private readonly now: () => number;

  constructor(
    private readonly link: LiveSource,
    options: { now?: () => number; maxBatch?: number; logger?: Logger } = {},
  ) {
    this.now = options.now ?? Date.now;
    this.queue = new PushQueue(
      () => ({ currentTime: this.currentTime(), speed: 1, seekGeneration: 0 }),
      options.maxBatch ?? DEFAULT_MAX_BATCH,
      (options.logger ?? silentLogger).child({ component: 'livePlayer' }),
    );
  }

  info(): PlayerInfo {
    return { kind: 'live', capabilities: ['live'], speed: 1, currentTime: this.currentTime(), seekGeneration: 0 };
  }

  start(sink: PlayerSink): void {
    this.unsubscribe ??= this.link.on('events', (events) => this.queue.enqueue(events));
    this.queue.attach(sink);
  }

  /** Start the views from `state` (the hub's snapshot); events that follow fold onto it. */
  reset(state: WallState): void {
    this.queue.replaceState(state);
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.queue.detach();
    await this.queue.idle();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Events received but not yet pushed (the views are slower than the hub). */
  backlog(): number {
    return this.queue.backlog();
  }

  private currentTime(): string {
    return new Date(this.now()).toISOString();
  }
}
