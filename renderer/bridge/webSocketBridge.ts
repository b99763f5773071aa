import { z } from 'zod';
import type { Command } from '../../shared/protocol/commands';
import type { WallBridge } from '../../shared/view/bridge';
import type { BridgeCall, BridgePush, BridgePushes, BridgeResults, HubQuery, OutboxItem, PlayerControl, PlayerInfo, ViewHello } from '../../shared/view/viewChannel';
import { BRIDGE_PUSHES } from '../../shared/view/viewChannel';
import { MAX_VIEW_FRAME_BYTES } from '../../shared/view/wireFrames';
import type { ViewFrameIn } from '../../shared/view/wireFrames';
import { describeIssue } from '../../shared/validation';
import { createBackoff } from './backoff';

/** State of the view's own socket to the browser shell (not the hub link, which main reports). */
export type TransportState = 'connecting' | 'open' | 'closed';
export interface TransportStatus {
  state: TransportState;
  /** Epoch ms the state began. */
  since: number;
  /** How many times the socket has opened: above 1 means a reconnect happened. */
  opens: number;
}

/** A bridge whose transport can drop and come back: the store re-greets main after a reconnect. */
export interface ReconnectingBridge extends WallBridge {
  onTransport(listener: (status: TransportStatus) => void): () => void;
  close(): void;
}

export class BridgeCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

/** The part of the DOM WebSocket this bridge uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface WebSocketBridgeOptions {
  openSocket?: (url: string) => SocketLike;
  callTimeoutMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  now?: () => number;
  log?: (message: string) => void;
}

type PageLocation = Pick<Location, 'protocol' | 'host' | 'search'>;

const FrameOut = z.union([
  z.object({ t: z.literal('result'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({
    t: z.literal('result'),
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
  z.object({ t: z.literal('push'), channel: z.string(), payload: z.unknown() }),
]);

const frameEncoder = new TextEncoder();

interface PendingCall {
  frame: string;
  sent: boolean;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** The view socket URL: same host as the page, forwarding the window's role, display and view id. */
export function viewSocketUrl(location: PageLocation): string {
  const page = new URLSearchParams(location.search);
  const params = new URLSearchParams();
  for (const key of ['role', 'display', 'view']) {
    const value = page.get(key);
    if (value) params.set(key, value);
  }
  // A page opened by hand (no view id in its URL) gets one of its own, so it never displaces
  // the shell's window for the same display.
  if (!params.has('view')) params.set('view', `${params.get('role') ?? 'view'}-${randomSuffix()}`);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/view-socket?${params.toString()}`;
}

function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 10);
}

/**
 * `WallBridge` over the browser shell's WebSocket. Calls made while the socket is down wait for
 * it (up to their timeout); calls in flight when it drops fail with `disconnected`, since their
 * answers are lost. The socket reconnects with backoff until `close()`.
 */
export function createWebSocketBridge(location: PageLocation, options: WebSocketBridgeOptions = {}): ReconnectingBridge {
  const openSocket = options.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const callTimeoutMs = options.callTimeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.warn(`[view-socket] ${message}`));
  const backoff = createBackoff(options.backoff ?? { initialMs: 250, maxMs: 5_000 });
  const url = viewSocketUrl(location);

  const pending = new Map<number, PendingCall>();
  const pushListeners = new Map<BridgePush, Set<(payload: never) => void>>();
  const transportListeners = new Set<(status: TransportStatus) => void>();
  let transport: TransportStatus = { state: 'connecting', since: now(), opens: 0 };
  let socket: SocketLike | null = null;
  let nextCallId = 1;
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  function setTransport(state: TransportState): void {
    if (transport.state === state) return;
    transport = { state, since: now(), opens: transport.opens + (state === 'open' ? 1 : 0) };
    for (const listener of transportListeners) listener(transport);
  }

  function connect(): void {
    reconnectTimer = null;
    if (closed) return;
    const current = openSocket(url);
    socket = current;
    current.onopen = () => {
      backoff.reset();
      setTransport('open');
      for (const call of pending.values()) sendCall(call);
    };
    current.onmessage = (event) => handleFrame(event.data);
    current.onerror = () => {}; // the close event that follows does the work
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      for (const [id, call] of pending) {
        if (!call.sent) continue;
        pending.delete(id);
        clearTimeout(call.timer);
        call.reject(new BridgeCallError('disconnected', 'the view socket closed before the answer came'));
      }
      if (closed) return;
      setTransport('closed');
      reconnectTimer = setTimeout(connect, backoff.next());
    };
  }

  function sendCall(call: PendingCall): void {
    if (call.sent || !socket || socket.readyState !== 1) return;
    socket.send(call.frame);
    call.sent = true;
  }

  function handleFrame(data: unknown): void {
    let json: unknown;
    try {
      json = JSON.parse(String(data));
    } catch {
      log('rejected a frame: not JSON');
      return;
    }
    const parsed = FrameOut.safeParse(json);
    if (!parsed.success) {
      log(`rejected a frame: ${describeIssue(parsed.error)}`);
      return;
    }
    const frame = parsed.data;
    if (frame.t === 'push') {
      if (!(BRIDGE_PUSHES as readonly string[]).includes(frame.channel)) {
        log(`rejected a push on unknown channel ${frame.channel}`);
        return;
      }
      for (const listener of pushListeners.get(frame.channel as BridgePush) ?? []) {
        try {
          listener(frame.payload as never);
        } catch (error) {
          log(`a ${frame.channel} listener threw: ${String(error)}`);
        }
      }
      return;
    }
    const call = pending.get(frame.id);
    if (!call) return; // timed out already
    pending.delete(frame.id);
    clearTimeout(call.timer);
    if (frame.ok) call.resolve(frame.value);
    else call.reject(new BridgeCallError(frame.error.code, frame.error.message));
  }

  /** `onlyWhenOpen`: fail at once instead of waiting for a reconnect (acks: main forgets the view anyway). */
  function call<C extends BridgeCall>(channel: C, args: unknown, onlyWhenOpen = false): Promise<BridgeResults[C]> {
    if (closed) return Promise.reject(new BridgeCallError('closed', 'the bridge is closed'));
    if (onlyWhenOpen && socket?.readyState !== 1) {
      return Promise.reject(new BridgeCallError('disconnected', `${channel} needs an open view socket`));
    }
    const id = nextCallId++;
    const frame: ViewFrameIn = { t: 'call', id, channel, args };
    const text = JSON.stringify(frame);
    if (frameEncoder.encode(text).length > MAX_VIEW_FRAME_BYTES) {
      return Promise.reject(new BridgeCallError('too_large', `${channel} call is larger than ${MAX_VIEW_FRAME_BYTES} bytes`));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new BridgeCallError('timeout', `${channel} got no answer in ${callTimeoutMs} ms`));
      }, callTimeoutMs);
      const entry: PendingCall = { frame: text, sent: false, resolve: resolve as (v: unknown) => void, reject, timer };
      pending.set(id, entry);
      sendCall(entry);
    });
  }

  function onPush<P extends BridgePush>(channel: P, listener: (payload: BridgePushes[P]) => void): () => void {
    let set = pushListeners.get(channel);
    if (!set) pushListeners.set(channel, (set = new Set()));
    const entry = listener as (payload: never) => void;
    set.add(entry);
    return () => set.delete(entry);
  }

  connect();

  return {
    shell: 'browser',
    hello: (viewId?: string, desk?: string): Promise<ViewHello> => call('view:hello', { ...(viewId !== undefined ? { viewId } : {}), ...(desk !== undefined ? { desk } : {}) }),
    ackUpdate: async (viewId: string, pushId: number): Promise<void> => {
      await call('player:ack', { viewId, pushId }, true);
    },
    submitCommand: (command: Command): Promise<OutboxItem> => call('command:submit', { command }),
    listOutbox: (): Promise<OutboxItem[]> => call('outbox:list', {}),
    query: (query: HubQuery): Promise<unknown> => call('hub:query', { query }),
    controlPlayer: (control: PlayerControl): Promise<PlayerInfo> => call('player:control', control),
    onUpdate: (listener) => onPush('player:update', listener),
    onLinkStatus: (listener) => onPush('link:status', listener),
    onOutbox: (listener) => onPush('outbox:changed', listener),
    applyPreset: (presetId: string) => call('layout:apply', { presetId }),
    revertLayout: () => call('layout:revert', {}),
    importLayout: (text: string) => call('layout:import', { text }),
    exportLayout: () => call('layout:export', {}),
    onLayout: (listener) => onPush('layout:changed', listener),
    setCell: (cellId, panel) => call('layout:setCell', { cellId, panel }),
    placeCamera: (cellId, cameraId, slot) => call('layout:placeCamera', { cellId, cameraId, ...(slot !== undefined ? { slot } : {}) }),
    focusIncident: (incidentId) => call('layout:focusIncident', { incidentId }),
    takeControl: (displayIds) => call('control:take', { displayIds }),
    releaseControl: (displayIds) => call('control:release', { displayIds }),
    requestControl: (displayIds) => call('control:request', { displayIds }),
    answerHandover: (grant) => call('control:answer', { grant }),
    // Payloads go to listeners as they came, as on every channel: the store validates each with
    // pushSchemas.ts, the same for this socket and for Electron's IPC.
    onControl: (listener) => onPush('control:changed', listener),
    onThumbnail: (listener) => onPush('wall:thumbnail', listener),
    onTransport(listener) {
      transportListeners.add(listener);
      listener(transport);
      return () => transportListeners.delete(listener);
    },
    close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      for (const entry of pending.values()) {
        clearTimeout(entry.timer);
        entry.reject(new BridgeCallError('closed', 'the bridge is closed'));
      }
      pending.clear();
      socket?.close();
      socket = null;
      setTransport('closed');
    },
  };
}

/** True for a bridge that reports its own transport (the browser shell's). */
export function isReconnectingBridge(bridge: WallBridge): bridge is ReconnectingBridge {
  return typeof (bridge as Partial<ReconnectingBridge>).onTransport === 'function';
}
