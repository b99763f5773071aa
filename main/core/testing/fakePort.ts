import { reduceEvents } from '../../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../../shared/state/wallState';
import type { BridgePush, BridgePushes, PlayerUpdate, ViewHello, ViewRole } from '../../../shared/view/viewChannel';
import type { ViewPort } from '../viewHost';

/**
 * A view stand-in for tests: folds every update the way a renderer does, records what it saw,
 * and acknowledges (automatically, after a delay, or never, to play a hung window).
 */
export class FakePort implements ViewPort {
  readonly updates: PlayerUpdate[] = [];
  readonly pushes: { channel: BridgePush; payload: unknown }[] = [];
  /** Seqs of every event this view folded, in arrival order. */
  readonly seqs: number[] = [];
  state: WallState = emptyWallState();
  closedWith: string | null = null;
  mode: 'auto' | 'hang';

  constructor(
    readonly id: string,
    private readonly acknowledge: (viewId: string, pushId: number) => unknown,
    options: { role?: ViewRole; displayId?: string; mode?: 'auto' | 'hang'; ackDelayMs?: number } = {},
  ) {
    this.role = options.role ?? 'wall';
    this.displayId = options.displayId ?? 'display-1';
    this.mode = options.mode ?? 'auto';
    this.ackDelayMs = options.ackDelayMs ?? 0;
  }
  readonly role: ViewRole;
  readonly displayId: string;
  ackDelayMs: number;

  /** What a view does with its hello: start from the full state. */
  applyHello(hello: ViewHello): void {
    this.state = hello.state;
  }

  send<K extends BridgePush>(channel: K, payload: BridgePushes[K]): void {
    this.pushes.push({ channel, payload });
    if (channel !== 'player:update') return;
    const update = payload as PlayerUpdate;
    this.updates.push(update);
    this.state = reduceEvents(update.reset ?? this.state, update.events);
    for (const e of update.events) this.seqs.push(e.seq);
    if (this.mode === 'hang') return;
    const ack = () => void this.acknowledge(this.id, update.pushId);
    if (this.ackDelayMs > 0) setTimeout(ack, this.ackDelayMs);
    else queueMicrotask(ack);
  }

  close(reason: string): void {
    this.closedWith = reason;
  }
}
