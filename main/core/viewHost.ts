import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../shared/state/wallState';
import type { BridgePush, BridgePushes, PlayerUpdate, ViewHello, ViewRole } from '../../shared/view/viewChannel';
import { CoreError } from './coreError';
import { Emitter } from './emitter';
import { silentLogger, type Logger } from './logger';

/**
 * One attached view, whatever carries it (Electron IPC, a browser shell's WebSocket, a test).
 * `send` must not block; `close` asks the shell to drop (and usually reload) the view.
 */
export interface ViewPort {
  readonly id: string;
  readonly role: ViewRole;
  readonly displayId: string;
  send<K extends BridgePush>(channel: K, payload: BridgePushes[K]): void;
  close(reason: string): void;
}

export interface UnresponsiveView {
  viewId: string;
  role: ViewRole;
  displayId: string;
  /** The push it did not acknowledge in time (or failed to take). */
  pushId: number;
  reason: 'ack-timeout' | 'send-failed';
}

/** What a hello carries besides the view's own identity and the state. */
export type HelloContext = Omit<ViewHello, 'viewId' | 'role' | 'displayId' | 'state'>;

export interface ViewHostOptions {
  /** How long one view may take to acknowledge a push before it is detached. */
  ackTimeoutMs?: number;
  logger?: Logger;
  context: () => HelloContext;
}

interface AttachedView {
  port: ViewPort;
  /** Has said hello: gets pushes and is waited for. */
  ready: boolean;
  waiting: { pushId: number; done: () => void } | null;
}

type ViewHostEvents = { 'view-unresponsive': [UnresponsiveView] };

/**
 * Fans player pushes out to every attached view and holds the player until all have applied
 * them; a view that does not answer in time is detached and reported, never waited on again.
 * Keeps the folded state so a view that (re)starts gets everything at once with its hello.
 */
export class ViewHost extends Emitter<ViewHostEvents> {
  private readonly views = new Map<string, AttachedView>();
  private state: WallState = emptyWallState();
  private readonly ackTimeoutMs: number;
  private readonly logger: Logger;

  constructor(private readonly options: ViewHostOptions) {
    const logger = (options.logger ?? silentLogger).child({ component: 'viewHost' });
    super((error, name) => logger.error('listener failed', { event: name, error }));
    this.logger = logger;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 5000;
  }

  /** Attach (or re-attach after a reload, same id) a view; it gets pushes once it says hello. */
  attach(port: ViewPort): void {
    const previous = this.views.get(port.id);
    previous?.waiting?.done();
    this.views.set(port.id, { port, ready: false, waiting: null });
    this.logger.info('view attached', { viewId: port.id, role: port.role, displayId: port.displayId });
  }

  detach(viewId: string, reason = 'detached'): void {
    const view = this.views.get(viewId);
    if (!view) return;
    this.views.delete(viewId);
    view.waiting?.done();
    this.logger.info('view detached', { viewId, reason });
  }

  /** The full picture for a view that (re)starts; from now on it is sent every push. */
  hello(viewId: string): ViewHello {
    const view = this.views.get(viewId);
    if (!view) throw new CoreError('not_found', `view ${viewId} is not attached`);
    view.ready = true;
    view.waiting?.done(); // its state now includes the push it was asked for
    const { port } = view;
    return { viewId: port.id, role: port.role, displayId: port.displayId, state: this.state, ...this.options.context() };
  }

  /** A view has applied `pushId`. Returns false for a stale or unexpected ack. */
  ack(viewId: string, pushId: number): boolean {
    const waiting = this.views.get(viewId)?.waiting;
    if (!waiting || waiting.pushId !== pushId) return false;
    waiting.done();
    return true;
  }

  /** The player's sink: fold, send to every ready view, resolve when all have acked or timed out. */
  readonly push = async (update: PlayerUpdate): Promise<void> => {
    this.state = reduceEvents(update.reset ?? this.state, update.events);
    const targets = [...this.views.values()].filter((v) => v.ready);
    await Promise.all(targets.map((view) => this.deliver(view, update)));
  };

  /** Sends a status push (link, outbox, layout…) to every view that has said hello, or only to those of `role`. */
  broadcast<K extends Exclude<BridgePush, 'player:update'>>(channel: K, payload: BridgePushes[K], role?: ViewRole): void {
    for (const view of this.views.values()) {
      if (!view.ready || (role !== undefined && view.port.role !== role)) continue;
      try {
        view.port.send(channel, payload);
      } catch (error) {
        this.logger.warn('send failed', { viewId: view.port.id, channel, error });
      }
    }
  }

  /** Views of `role` attached that have said hello: those a broadcast to the role reaches. */
  greeted(role: ViewRole): number {
    let count = 0;
    for (const view of this.views.values()) if (view.ready && view.port.role === role) count += 1;
    return count;
  }

  currentState(): WallState {
    return this.state;
  }

  list(): { id: string; role: ViewRole; displayId: string; ready: boolean; waitingFor: number | null }[] {
    return [...this.views.values()].map((v) => ({
      id: v.port.id,
      role: v.port.role,
      displayId: v.port.displayId,
      ready: v.ready,
      waitingFor: v.waiting?.pushId ?? null,
    }));
  }

  private deliver(view: AttachedView, update: PlayerUpdate): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.unresponsive(view, update.pushId, 'ack-timeout'), this.ackTimeoutMs);
      view.waiting = {
        pushId: update.pushId,
        done: () => {
          clearTimeout(timer);
          if (view.waiting?.pushId === update.pushId) view.waiting = null;
          resolve();
        },
      };
      try {
        view.port.send('player:update', update);
      } catch (error) {
        this.logger.warn('send failed', { viewId: view.port.id, error });
        this.unresponsive(view, update.pushId, 'send-failed');
      }
    });
  }

  private unresponsive(view: AttachedView, pushId: number, reason: UnresponsiveView['reason']): void {
    const { port } = view;
    if (this.views.get(port.id) !== view) return; // already replaced or detached
    this.detach(port.id, reason);
    try {
      port.close(reason);
    } catch (error) {
      this.logger.warn('close failed', { viewId: port.id, error });
    }
    this.logger.warn('view unresponsive', { viewId: port.id, role: port.role, displayId: port.displayId, pushId, reason });
    this.emit('view-unresponsive', { viewId: port.id, role: port.role, displayId: port.displayId, pushId, reason });
  }
}
