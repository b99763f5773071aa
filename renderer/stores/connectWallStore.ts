import type { WallBridge } from '../../shared/view/bridge';
import type { WallState } from '../../shared/state/wallState';
import type { PlayerUpdate, ViewHello } from '../../shared/view/viewChannel';
import { parseAtEdge } from '../../shared/validation';
import { ControlStateSchema, DisplayThumbnailSchema, LayoutStateSchema, LinkStatusSchema, OutboxListSchema, PlayerUpdateSchema, ViewHelloSchema } from '../../shared/view/pushSchemas';
import { isReconnectingBridge } from '../bridge/webSocketBridge';
import type { WallStoreApi } from './wallStore';

export interface ConnectWallStoreOptions {
  /** The id this window had before a reload, so main can keep its place. */
  viewId?: string;
  /** A console's desk name (its URL's `desk=`), told to main with every hello. */
  desk?: string;
  /** Called after every applied hello or update, before its ack (the DOM marks tests read). */
  onApplied?: (wall: WallState) => void;
  onHello?: (hello: ViewHello) => void;
  log?: (message: string) => void;
  /** First retry delay of a failed hello; doubles up to 5 s. */
  retryMs?: number;
}

export interface WallStoreConnection {
  /** Fetch the whole picture again (after a reconnect or a rejected push). */
  resync(): Promise<void>;
  /** Resolves once the first hello is applied. */
  readonly ready: Promise<void>;
  stop(): void;
}

/**
 * Feeds the store from the bridge: `hello()` first, then every player push is folded and only
 * then acknowledged, since the ack is what lets the player send the next one (backpressure).
 * Pushes that arrive before the hello is applied wait in order.
 */
export function connectWallStore(bridge: WallBridge, store: WallStoreApi, options: ConnectWallStoreOptions = {}): WallStoreConnection {
  const log = options.log ?? ((message: string) => console.warn(`[wall-store] ${message}`));
  let viewId = options.viewId;
  let greeted = false;
  let greeting: Promise<void> | null = null;
  let waiting: PlayerUpdate[] = [];
  let stopped = false;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  function receive(raw: unknown): void {
    if (stopped) return;
    const parsed = parseAtEdge(PlayerUpdateSchema, raw);
    if (!parsed.ok) {
      log(`rejected a player update: ${parsed.message}`);
      store.getState().countRejectedUpdate();
      // Still acknowledge, or the player would stall every view; then fetch a clean picture.
      const pushId = (raw as { pushId?: unknown } | null)?.pushId;
      if (typeof pushId === 'number') acknowledge(pushId);
      void resync();
      return;
    }
    if (!greeted) waiting.push(parsed.value);
    else apply(parsed.value);
  }

  function apply(update: PlayerUpdate): void {
    const player = store.getState().player;
    // A push from before the last seek (it was waiting behind a hello) is already superseded.
    const stale = player !== null && update.seekGeneration < player.seekGeneration;
    if (!stale) store.getState().applyPlayerUpdate(update);
    options.onApplied?.(store.getState().wall);
    acknowledge(update.pushId);
  }

  function acknowledge(pushId: number): void {
    if (viewId === undefined) return;
    bridge.ackUpdate(viewId, pushId).catch((error: unknown) => log(`ack of push ${pushId} failed: ${String(error)}`));
  }

  async function greet(): Promise<void> {
    try {
      await greetUntilAnswered();
    } finally {
      greeting = null; // cleared before callers resume, so a resync right after starts afresh
    }
    if (greeted) markReady();
  }

  async function greetUntilAnswered(): Promise<void> {
    greeted = false;
    let delay = options.retryMs ?? 500;
    while (!stopped) {
      try {
        const parsed = parseAtEdge(ViewHelloSchema, await bridge.hello(viewId, options.desk));
        if (!parsed.ok) throw new Error(`hello rejected: ${parsed.message}`);
        if (stopped) return;
        const hello = parsed.value;
        viewId = hello.viewId;
        store.getState().applyHello(hello);
        options.onHello?.(hello);
        options.onApplied?.(store.getState().wall);
        greeted = true;
        const queued = waiting;
        waiting = [];
        for (const update of queued) apply(update);
        return;
      } catch (error) {
        log(`hello failed, retrying in ${delay} ms: ${String(error)}`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 5_000);
      }
    }
  }

  function resync(): Promise<void> {
    greeting ??= greet();
    return greeting;
  }

  const unsubscribes = [
    bridge.onUpdate(receive),
    bridge.onLinkStatus((raw) => {
      const parsed = parseAtEdge(LinkStatusSchema, raw);
      if (parsed.ok) store.getState().setLink(parsed.value);
      else log(`rejected a link status: ${parsed.message}`);
    }),
    bridge.onOutbox((raw) => {
      const parsed = parseAtEdge(OutboxListSchema, raw);
      if (parsed.ok) store.getState().setOutbox(parsed.value);
      else log(`rejected an outbox list: ${parsed.message}`);
    }),
    bridge.onLayout((raw) => {
      const parsed = parseAtEdge(LayoutStateSchema, raw);
      if (parsed.ok) store.getState().setLayout(parsed.value);
      else log(`rejected a layout: ${parsed.message}`);
    }),
    bridge.onControl((raw) => {
      const parsed = parseAtEdge(ControlStateSchema, raw);
      if (parsed.ok) store.getState().setControl(parsed.value);
      else log(`rejected a control state: ${parsed.message}`);
    }),
    bridge.onThumbnail((raw) => {
      const parsed = parseAtEdge(DisplayThumbnailSchema, raw);
      if (parsed.ok) store.getState().setThumbnail(parsed.value);
      else log(`rejected a thumbnail: ${parsed.message}`);
    }),
  ];
  if (isReconnectingBridge(bridge)) {
    unsubscribes.push(
      bridge.onTransport((status) => {
        store.getState().setTransport(status);
        // Main forgets a view whose socket closed: greet again to rejoin and catch up.
        if (status.state === 'open' && status.opens > 1) void resync();
      }),
    );
  }
  void resync();

  return {
    resync,
    ready,
    stop() {
      stopped = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
    },
  };
}
