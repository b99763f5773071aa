import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { emptyWallState } from '../../shared/state/wallState';
import { FakeBridge, reported } from '../testing/fakeBridge';
import { connectWallStore } from './connectWallStore';
import { wallStoreInitializer } from './wallStore';
import type { WallStore } from './wallStore';
import type { TransportStatus } from '../bridge/webSocketBridge';

/** A browser-shell style bridge whose socket can drop and come back. */
class ReconnectingFakeBridge extends FakeBridge {
  private transportListeners = new Set<(s: TransportStatus) => void>();
  onTransport(listener: (s: TransportStatus) => void): () => void {
    this.transportListeners.add(listener);
    return () => this.transportListeners.delete(listener);
  }
  close(): void {}
  emitTransport(status: TransportStatus): void {
    for (const listener of this.transportListeners) listener(status);
  }
}

function setup(seed = emptyWallState()) {
  const bridge = new FakeBridge();
  bridge.helloState = seed;
  const store = createStore<WallStore>()(wallStoreInitializer);
  const applied: number[] = [];
  const log = vi.fn();
  const connection = connectWallStore(bridge, store, { onApplied: (wall) => applied.push(wall.seq), log });
  return { bridge, store, connection, applied, log };
}

const openCount = (store: { getState(): WallStore }) =>
  Object.values(store.getState().wall.incidents).filter((i) => i.status === 'open').length;

describe('connectWallStore', () => {
  it('applies the hello state and marks the view ready', async () => {
    const { store, connection, applied } = setup({ ...emptyWallState(), seq: 5 });
    await connection.ready;
    expect(store.getState().ready).toBe(true);
    expect(store.getState().session?.displayId).toBe('d0');
    expect(store.getState().wall.seq).toBe(5);
    expect(applied).toEqual([5]);
  });

  it('acknowledges a push only after its events are in the state', async () => {
    const { bridge, store, connection } = setup();
    await connection.ready;
    const seqAtAck: number[] = [];
    bridge.onAck = () => seqAtAck.push(store.getState().wall.seq);
    bridge.push(7, [reported(1, 'a'), reported(2, 'b')]);
    expect(bridge.acks).toEqual([{ viewId: 'view-1', pushId: 7 }]);
    expect(seqAtAck).toEqual([2]);
    expect(openCount(store)).toBe(2);
  });

  it('holds pushes that arrive before the hello and acks them after it', async () => {
    const bridge = new FakeBridge();
    let answerHello: () => void = () => {};
    const gate = new Promise<void>((r) => (answerHello = r));
    const realHello = bridge.hello.bind(bridge);
    bridge.hello = async (viewId) => {
      await gate;
      return realHello(viewId);
    };
    const store = createStore<WallStore>()(wallStoreInitializer);
    const connection = connectWallStore(bridge, store);
    bridge.push(1, [reported(1, 'a')]);
    expect(bridge.acks).toEqual([]);
    answerHello();
    await connection.ready;
    expect(bridge.acks.map((a) => a.pushId)).toEqual([1]);
    expect(openCount(store)).toBe(1);
  });

  it('replaces the state when a push carries a reset', async () => {
    const { bridge, store, connection } = setup();
    await connection.ready;
    bridge.push(1, [reported(1, 'a'), reported(2, 'b')]);
    const replayStart = { ...emptyWallState(), seq: 40 };
    bridge.push(2, [reported(41, 'c')], replayStart, 1);
    expect(Object.keys(store.getState().wall.incidents)).toEqual(['c']);
    expect(store.getState().wall.seq).toBe(41);
    expect(store.getState().player?.seekGeneration).toBe(1);
  });

  it('does not double count events delivered twice', async () => {
    const { bridge, store, connection } = setup();
    await connection.ready;
    const first = reported(1, 'a');
    bridge.push(1, [first, reported(2, 'b')]);
    bridge.push(2, [reported(2, 'b'), reported(3, 'c')]);
    bridge.push(3, [first]);
    expect(openCount(store)).toBe(3);
    expect(store.getState().wall.seq).toBe(3);
    expect(bridge.acks.map((a) => a.pushId)).toEqual([1, 2, 3]);
  });

  it('rejects a malformed push with its field, still acks it, and fetches the state again', async () => {
    const { bridge, store, connection, log } = setup();
    await connection.ready;
    bridge.pushRaw({ pushId: 9, events: [{ seq: 'x' }], currentTime: 'now', speed: 1, seekGeneration: 0 });
    expect(log.mock.calls[0]?.[0]).toMatch(/rejected a player update: events\.0/);
    expect(store.getState().rejectedUpdates).toBe(1);
    expect(bridge.acks.map((a) => a.pushId)).toEqual([9]);
    await connection.resync();
    expect(bridge.helloCalls).toEqual([undefined, 'view-1']);
  });

  it('keeps state unchanged when a push changes nothing the incident list uses', async () => {
    const { bridge, store, connection } = setup();
    await connection.ready;
    bridge.push(1, [reported(1, 'a')]);
    const incidentsBefore = store.getState().wall.incidents;
    bridge.push(2, [{ seq: 2, ts: '2024-05-01T08:10:00.000+08:00', type: 'indicator.samples', samples: [{ id: 'i1', value: 3, at: '2024-05-01T08:10:00.000+08:00' }] }]);
    // Same reference: React selectors on incidents do not re-render for indicator traffic.
    expect(store.getState().wall.incidents).toBe(incidentsBefore);
    expect(store.getState().wall.indicators['i1']?.value).toBe(3);
  });

  it('greets main again after the view socket reconnects, keeping its view id', async () => {
    const bridge = new ReconnectingFakeBridge();
    const store = createStore<WallStore>()(wallStoreInitializer);
    const connection = connectWallStore(bridge, store);
    await connection.ready;
    bridge.emitTransport({ state: 'closed', since: 1, opens: 1 });
    expect(store.getState().transport?.state).toBe('closed');
    bridge.helloState = { ...emptyWallState(), seq: 30 };
    bridge.emitTransport({ state: 'open', since: 2, opens: 2 });
    await connection.resync();
    expect(bridge.helloCalls).toEqual([undefined, 'view-1']);
    expect(store.getState().wall.seq).toBe(30);
  });
});
