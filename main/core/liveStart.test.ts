import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import type { LinkStatus, ViewHello } from '../../shared/view/viewChannel';
import { loadRecording } from './eventFile';
import { listJournalFiles } from './journal';
import { createLogger } from './logger';
import { ReplayPlayer } from './replayPlayer';
import { startFakeHub, type FakeHub } from './testing/fakeHub';
import { FakePort } from './testing/fakePort';
import { waitFor } from './testing/waitFor';
import type { WallConfig } from './wallConfig';
import { createWallCore, type WallCore } from './wallCore';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function liveWall(hubUrl: string, overrides: Partial<WallConfig> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'wall-core-'));
  const core = createWallCore({
    hubUrl,
    username: 'city-duty',
    password: 'demo',
    dataDir,
    logger: createLogger({ write: () => {} }),
    journal: { flushMs: 20 },
    link: { reconnect: { delayMs: 20, maxDelayMs: 100 } },
    ...overrides,
  });
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => core.stop());
  return { core, journalDir: join(dataDir, 'journal') };
}

/** A view that has said hello: what it has been told about the link, in order. */
async function watchLink(core: WallCore): Promise<() => LinkStatus[]> {
  const view = new FakePort('console-1', (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }), { role: 'console' });
  core.attachView(view);
  view.applyHello((await core.handleCall('console-1', 'view:hello', {})) as ViewHello);
  return () => view.pushes.filter((p) => p.channel === 'link:status').map((p) => p.payload as LinkStatus);
}

/** A port that accepts connections and never answers (a hung hub, a black-holing firewall). */
async function silentServer() {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function someHistory(hub: FakeHub) {
  hub.publish({ type: 'camera.status', cameraId: 'cam-1', status: 'offline' });
  hub.publish({ type: 'incident.reported', incidentId: 'inc-1', title: '路面积水', kind: 'flood', board: 'emergency', severity: 2, location: [106.55, 29.56], units: ['500000'] });
  hub.publish({ type: 'camera.status', cameraId: 'cam-2', status: 'online' });
}

describe('a live wall starts from the hub snapshot', () => {
  it('gets the whole current state without receiving the old events, then streams what follows', async () => {
    const hub = await startFakeHub();
    cleanups.push(() => hub.close());
    someHistory(hub);
    const { core, journalDir } = await liveWall(hub.url);
    await core.start();
    expect(core.state()).toEqual(reduceEvents(emptyWallState(), hub.events));
    expect(core.status()).toMatchObject({ startSeq: 3, stateSeq: 3 });
    await waitFor(() => core.status().link.state === 'connected');

    const view = new FakePort('wall-1', (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }));
    core.attachView(view);
    const hello = (await core.handleCall('wall-1', 'view:hello', {})) as ViewHello;
    view.applyHello(hello);
    expect(Object.keys(hello.state.incidents)).toEqual(['inc-1']);
    hub.publish({ type: 'camera.status', cameraId: 'cam-1', status: 'online' });
    await waitFor(() => view.seqs.length === 1);
    expect(view.seqs).toEqual([4]);
    expect(core.status().linkCounters).toEqual({ received: 1, duplicates: 0, rejected: 0 }); // nothing of seq 1..3
    expect(view.state).toEqual(reduceEvents(emptyWallState(), hub.events));

    // The journal starts with the snapshot, so it replays to the same state.
    await core.stop();
    const recording = await loadRecording(await listJournalFiles(journalDir));
    expect(recording.snapshots.map((s) => s.seq)).toEqual([3]);
    expect(recording.events.map((e) => e.seq)).toEqual([4]);
    let replayed = emptyWallState();
    const player = new ReplayPlayer(recording, { speed: 1_000_000, tickMs: 1 });
    player.start(async (u) => void (replayed = reduceEvents(u.reset ?? replayed, u.events)));
    await player.finished();
    await player.stop();
    expect(replayed).toEqual(view.state);
  });

  it('keeps asking while the hub is down, and starts from its snapshot once it is up', async () => {
    const first = await startFakeHub();
    const port = first.port;
    await first.close();
    const { core } = await liveWall(`http://127.0.0.1:${port}`);
    const seen = await watchLink(core);
    await core.start(); // does not wait for the hub
    expect(core.status()).toMatchObject({ startSeq: null, link: { state: 'offline', detail: 'hub unreachable: ECONNREFUSED' } });
    // It keeps trying, with backoff, and says so each time.
    await waitFor(() => seen().filter((s) => s.state === 'connecting').length >= 3, 5000, 'retries');
    expect(seen().filter((s) => s.state === 'offline').every((s) => s.detail === 'hub unreachable: ECONNREFUSED')).toBe(true);

    const hub = await startFakeHub({ port });
    cleanups.push(() => hub.close());
    someHistory(hub);
    await waitFor(() => core.status().link.state === 'connected', 5000, 'the link');
    expect(seen().at(-1)).toMatchObject({ state: 'connected' });
    expect(core.status()).toMatchObject({ startSeq: 3, linkCounters: { received: 0 } });
    expect(core.state()).toEqual(reduceEvents(emptyWallState(), hub.events));
    expect(hub.snapshots).toBe(1);
  });
});

describe('the link status before the first snapshot', () => {
  it('says connecting while the hub is asked, and offline with why when it does not answer', async () => {
    const { core } = await liveWall(await silentServer(), { link: { httpTimeoutMs: 300, reconnect: { delayMs: 20, maxDelayMs: 100 } } });
    const seen = await watchLink(core);
    const starting = core.start();
    await waitFor(() => seen().length > 0, 1000, 'a link status');
    expect(seen()).toEqual([expect.objectContaining({ state: 'connecting' })]);
    await new Promise((r) => setTimeout(r, 150));
    expect(core.status().link.state).toBe('connecting'); // still waiting for an answer
    await starting;
    expect(core.status().link).toMatchObject({ state: 'offline', detail: 'hub unreachable: no answer within 300 ms' });
    expect(core.status().startSeq).toBeNull();
  });

  it('says unauthorized when the hub refuses the credentials, asks again only slowly, and starts once the account is fixed', async () => {
    const hub = await startFakeHub({ users: { 'city-duty': 'changed-by-an-operator' } });
    cleanups.push(() => hub.close());
    someHistory(hub);
    const { core } = await liveWall(hub.url, { link: { reconnect: { delayMs: 20, maxDelayMs: 100, unauthorizedDelayMs: 600 } } });
    const seen = await watchLink(core);
    await core.start();
    expect(core.status().link).toMatchObject({ state: 'unauthorized', detail: expect.stringMatching(/hub refused the wall's credentials/) });
    expect(seen().map((s) => s.state)).toEqual(['connecting', 'unauthorized']);

    await new Promise((r) => setTimeout(r, 300)); // the backoff for other failures would have asked several times
    expect(hub.loginRefusals).toBe(1);
    expect(core.status().link.state).toBe('unauthorized');

    hub.setPassword('city-duty', 'demo');
    await waitFor(() => core.status().link.state === 'connected', 3000, 'the link');
    expect(hub.loginRefusals).toBe(1);
    expect(core.status().startSeq).toBe(3);
    expect(core.state()).toEqual(reduceEvents(emptyWallState(), hub.events));
  });
});
