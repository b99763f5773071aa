import { describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import type { HelloContext } from './viewHost';
import { ViewHost, type UnresponsiveView } from './viewHost';
import { FakePort } from './testing/fakePort';

const context = (): HelloContext => ({
  user: null,
  unit: null,
  hubUrl: 'http://hub',
  player: { kind: 'live', capabilities: ['live'], speed: 1, currentTime: '2025-01-01T00:00:00.000Z', seekGeneration: 0 },
  link: { state: 'connected', lastSeq: 0, hubUrl: 'http://hub', since: '2025-01-01T00:00:00.000Z' },
  outbox: [],
});

const camera = (seq: number, status: 'online' | 'offline' = 'online'): HubEvent => ({
  seq,
  ts: `2025-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
  type: 'camera.status',
  cameraId: `cam-${seq}`,
  status,
});

const update = (pushId: number, events: HubEvent[]) => ({ pushId, events, currentTime: '2025-01-01T00:01:00.000Z', speed: 1, seekGeneration: 0 });

function setup(ackTimeoutMs = 5000) {
  const host = new ViewHost({ context, ackTimeoutMs });
  const port = (id: string, options?: ConstructorParameters<typeof FakePort>[2]) => {
    const p = new FakePort(id, (viewId, pushId) => host.ack(viewId, pushId), options);
    host.attach(p);
    p.applyHello(host.hello(id));
    return p;
  };
  return { host, port };
}

describe('ViewHost', () => {
  it('holds the player until every view has acknowledged the push', async () => {
    const { host, port } = setup();
    const fast = port('fast');
    const slow = port('slow', { ackDelayMs: 80 });
    const started = Date.now();
    await host.push(update(1, [camera(1)]));
    expect(Date.now() - started).toBeGreaterThanOrEqual(70);
    expect(fast.state).toEqual(host.currentState());
    expect(slow.state.cameras).toEqual({ 'cam-1': 'online' });
  });

  it('detaches a hung view after the timeout, reports it, and keeps serving the others', async () => {
    const { host, port } = setup(100);
    const healthy = port('healthy');
    const hung = port('hung', { mode: 'hang', displayId: 'display-2' });
    const reports: UnresponsiveView[] = [];
    host.on('view-unresponsive', (r) => reports.push(r));
    await host.push(update(1, [camera(1)]));
    expect(reports).toEqual([{ viewId: 'hung', role: 'wall', displayId: 'display-2', pushId: 1, reason: 'ack-timeout' }]);
    expect(hung.closedWith).toBe('ack-timeout');
    const started = Date.now();
    await host.push(update(2, [camera(2)]));
    expect(Date.now() - started).toBeLessThan(50); // the hung view is no longer waited on
    expect(healthy.seqs).toEqual([1, 2]);
    expect(hung.seqs).toEqual([1]);
    expect(host.list().map((v) => v.id)).toEqual(['healthy']);
  });

  it('gives a re-attaching view the full state, then continues with the next push', async () => {
    const { host, port } = setup();
    port('a');
    await host.push(update(1, [camera(1), camera(2)]));
    const reloaded = port('b');
    expect(reloaded.state.cameras).toEqual({ 'cam-1': 'online', 'cam-2': 'online' });
    await host.push(update(2, [camera(3, 'offline')]));
    expect(reloaded.state).toEqual(host.currentState());
    expect(reloaded.seqs).toEqual([3]);
  });

  it('does not send pushes to a view before its hello', async () => {
    const { host } = setup();
    const early = new FakePort('early', (v, p) => host.ack(v, p));
    host.attach(early);
    await host.push(update(1, [camera(1)])); // must not wait for it either
    expect(early.updates).toHaveLength(0);
    expect(host.hello('early').state.seq).toBe(1);
  });

  it('replaces the state on a reset push (seek)', async () => {
    const { host, port } = setup();
    const view = port('a');
    await host.push(update(1, [camera(1), camera(2)]));
    await host.push({ ...update(2, [camera(2, 'offline')]), seekGeneration: 1, reset: { ...host.currentState(), seq: 1, cameras: { 'cam-1': 'online' } } });
    expect(view.state.cameras).toEqual({ 'cam-1': 'online', 'cam-2': 'offline' });
    expect(host.currentState()).toEqual(view.state);
  });

  it('ignores stale acks and refuses hello from an unknown view', () => {
    const { host } = setup();
    expect(host.ack('nobody', 1)).toBe(false);
    expect(() => host.hello('nobody')).toThrow(/not attached/);
  });
});
