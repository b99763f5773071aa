import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CALLS, type BridgeCall } from '../../shared/view/viewChannel';
import { createWebSocketBridge, viewSocketUrl } from './webSocketBridge';
import type { SocketLike, TransportStatus } from './webSocketBridge';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { t: string; id: number; channel: string; args: unknown }[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop();
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

const page = { protocol: 'http:', host: '127.0.0.1:4000', search: '?role=wall&display=d1&x=1' };

function setup(callTimeoutMs = 1_000) {
  const sockets: FakeSocket[] = [];
  const log = vi.fn();
  const bridge = createWebSocketBridge(page, {
    openSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    callTimeoutMs,
    backoff: { initialMs: 100, maxMs: 1_000 },
    log,
  });
  const latest = () => sockets[sockets.length - 1]!;
  return { bridge, sockets, latest, log };
}

describe('createWebSocketBridge', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('builds the socket URL from the page, forwarding role, display and view only', () => {
    expect(viewSocketUrl({ ...page, search: `${page.search}&view=wall-d1` })).toBe('ws://127.0.0.1:4000/view-socket?role=wall&display=d1&view=wall-d1');
    expect(viewSocketUrl({ ...page, protocol: 'https:' })).toMatch(/^wss:/);
  });

  it('gives a page opened without a view id an id of its own', () => {
    const first = new URL(viewSocketUrl(page)).searchParams.get('view');
    const second = new URL(viewSocketUrl(page)).searchParams.get('view');
    expect(first).toMatch(/^wall-[a-z0-9]+$/);
    expect(second).not.toBe(first);
  });

  it('sends calls made before the socket opens once it does, and resolves with the result', async () => {
    const { bridge, latest } = setup();
    const outbox = bridge.listOutbox();
    expect(latest().sent).toEqual([]);
    latest().open();
    const frame = latest().sent[0]!;
    expect(frame).toMatchObject({ t: 'call', channel: 'outbox:list', args: {} });
    latest().receive({ t: 'result', id: frame.id, ok: true, value: [] });
    await expect(outbox).resolves.toEqual([]);
  });

  it('rejects with the code main answered', async () => {
    const { bridge, latest } = setup();
    latest().open();
    const ack = bridge.ackUpdate('v1', 3);
    const frame = latest().sent[0]!;
    expect(frame.args).toEqual({ viewId: 'v1', pushId: 3 });
    latest().receive({ t: 'result', id: frame.id, ok: false, error: { code: 'invalid', message: 'pushId: bad' } });
    await expect(ack).rejects.toMatchObject({ code: 'invalid' });
  });

  it('times out a call that gets no answer', async () => {
    const { bridge, latest } = setup(500);
    latest().open();
    const hello = bridge.hello();
    vi.advanceTimersByTime(501);
    await expect(hello).rejects.toMatchObject({ code: 'timeout' });
  });

  it('fails calls in flight when the socket drops, then reconnects with backoff', async () => {
    const { bridge, sockets, latest } = setup();
    const states: TransportStatus[] = [];
    bridge.onTransport((s) => states.push(s));
    latest().open();
    const hello = bridge.hello('v1');
    latest().drop();
    await expect(hello).rejects.toMatchObject({ code: 'disconnected' });
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(150); // first delay is 100 ms ± 20%
    expect(sockets).toHaveLength(2);
    latest().open();
    expect(states.map((s) => [s.state, s.opens])).toEqual([
      ['connecting', 0],
      ['open', 1],
      ['closed', 1],
      ['open', 2],
    ]);
  });

  it('dispatches pushes to listeners of their channel and logs frames it rejects', () => {
    const { bridge, latest, log } = setup();
    latest().open();
    const updates: unknown[] = [];
    const unsubscribe = bridge.onUpdate((u) => updates.push(u));
    latest().receive({ t: 'push', channel: 'player:update', payload: { pushId: 1 } });
    latest().receive({ t: 'push', channel: 'secret:channel', payload: {} });
    latest().onmessage?.({ data: 'not json' });
    latest().receive({ t: 'result', id: 'x' });
    unsubscribe();
    latest().receive({ t: 'push', channel: 'player:update', payload: { pushId: 2 } });
    expect(updates).toEqual([{ pushId: 1 }]);
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual([
      'rejected a push on unknown channel secret:channel',
      'rejected a frame: not JSON',
      expect.stringMatching(/^rejected a frame: /),
    ]);
  });

  it('sends the console’s calls as frames main’s schema accepts, hello with the desk', () => {
    const { bridge, latest } = setup();
    latest().open();
    void bridge.hello('console', '席位 1');
    void bridge.setCell('ticker', { kind: 'tasks', settings: { view: 'feed' } });
    void bridge.placeCamera('cameras', 'cam-1', 4);
    void bridge.placeCamera('cameras', 'cam-2');
    void bridge.focusIncident('inc-1');
    void bridge.takeControl(['left']);
    void bridge.releaseControl(['left']);
    void bridge.requestControl(['left', 'right']);
    void bridge.answerHandover(true);
    const sent = latest().sent.map(({ channel, args }) => ({ channel, args }));
    expect(sent).toEqual([
      { channel: 'view:hello', args: { viewId: 'console', desk: '席位 1' } },
      { channel: 'layout:setCell', args: { cellId: 'ticker', panel: { kind: 'tasks', settings: { view: 'feed' } } } },
      { channel: 'layout:placeCamera', args: { cellId: 'cameras', cameraId: 'cam-1', slot: 4 } },
      { channel: 'layout:placeCamera', args: { cellId: 'cameras', cameraId: 'cam-2' } },
      { channel: 'layout:focusIncident', args: { incidentId: 'inc-1' } },
      { channel: 'control:take', args: { displayIds: ['left'] } },
      { channel: 'control:release', args: { displayIds: ['left'] } },
      { channel: 'control:request', args: { displayIds: ['left', 'right'] } },
      { channel: 'control:answer', args: { grant: true } },
    ]);
    for (const { channel, args } of sent) expect(BRIDGE_CALLS[channel as BridgeCall].safeParse(args).success).toBe(true);
  });

  it('hands control and thumbnail pushes to their listeners', () => {
    const { bridge, latest } = setup();
    latest().open();
    const control: unknown[] = [];
    const thumbnails: unknown[] = [];
    bridge.onControl((c) => control.push(c));
    bridge.onThumbnail((t) => thumbnails.push(t));
    const state = { revision: 3, displays: [{ displayId: 'left', holder: null, request: null }] };
    const thumbnail = { displayId: 'left', dataUrl: 'data:image/jpeg;base64,/9j/', at: '2024-05-01T08:00:00.000Z', width: 320, height: 180 };
    latest().receive({ t: 'push', channel: 'control:changed', payload: state });
    latest().receive({ t: 'push', channel: 'wall:thumbnail', payload: thumbnail });
    expect(control).toEqual([state]);
    expect(thumbnails).toEqual([thumbnail]);
  });

  it('does not hold an ack for a later socket: main greets the view afresh after a reconnect', async () => {
    const { bridge, latest } = setup();
    await expect(bridge.ackUpdate('v1', 1)).rejects.toMatchObject({ code: 'disconnected' });
    latest().open();
    expect(latest().sent).toEqual([]);
  });

  it('stops reconnecting once closed', () => {
    const { bridge, sockets, latest } = setup();
    latest().open();
    bridge.close();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
  });
});
