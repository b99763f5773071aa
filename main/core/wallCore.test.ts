import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HubEvent } from '../../shared/protocol/events';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState, type WallState } from '../../shared/state/wallState';
import type { PlayerInfo, ViewHello } from '../../shared/view/viewChannel';
import { createLogger } from './logger';
import { startFakeHub } from './testing/fakeHub';
import { FakePort } from './testing/fakePort';
import { waitFor } from './testing/waitFor';
import { loadWallConfig } from './wallConfig';
import { createWallCore, type WallCore } from './wallCore';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup() {
  const hub = await startFakeHub();
  const dataDir = await mkdtemp(join(tmpdir(), 'wall-core-'));
  const logs: Record<string, unknown>[] = [];
  const core = createWallCore({
    hubUrl: hub.url,
    username: 'city-duty',
    password: 'demo',
    dataDir,
    logger: createLogger({ write: (l) => logs.push(JSON.parse(l)) }),
    link: { reconnect: { delayMs: 20, maxDelayMs: 100 } },
  });
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => hub.close(), () => core.stop());
  await core.start();
  return { hub, core, logs, dataDir };
}

async function attach(core: WallCore, id: string) {
  const port = new FakePort(id, (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }));
  core.attachView(port);
  const hello = (await core.handleCall(id, 'view:hello', {})) as ViewHello;
  port.applyHello(hello);
  return { port, hello };
}

const report = () => ({ id: randomUUID(), type: 'incident.report', title: '路面积水', kind: 'flood', board: 'emergency', severity: 2, location: [106.55, 29.56] });

describe('WallCore', () => {
  it('refuses unknown channels and bad arguments with code invalid and the field, and counts them', async () => {
    const { core, logs } = await setup();
    await expect(core.handleCall('v1', 'fs:read', {})).rejects.toMatchObject({ code: 'invalid', field: 'channel' });
    await expect(core.handleCall('v1', 'command:submit', { command: { ...report(), severity: 9 } })).rejects.toMatchObject({
      code: 'invalid',
      field: 'command.severity',
    });
    await expect(core.handleCall('v1', 'player:ack', { viewId: 'v2', pushId: 1 })).rejects.toMatchObject({ field: 'viewId' });
    expect(core.status().rejections.total).toBe(3);
    expect(logs.filter((l) => l.msg === 'rejected').map((l) => l.field)).toEqual(['channel', 'command.severity', 'viewId']);
  });

  it('says hello with the full state, then streams; a submitted command comes back as an event', async () => {
    const { core, hub } = await setup();
    hub.publish({ type: 'camera.status', cameraId: 'cam-1', status: 'offline' });
    await waitFor(() => core.state().seq === 1);
    const { port, hello } = await attach(core, 'wall-1');
    expect(hello).toMatchObject({ viewId: 'wall-1', role: 'wall', hubUrl: hub.url, user: { username: 'city-duty' }, link: { state: 'connected' } });
    expect(hello.state.cameras).toEqual({ 'cam-1': 'offline' });
    const item = await core.handleCall('wall-1', 'command:submit', { command: report() });
    expect(item).toMatchObject({ status: 'pending', attempts: 0 });
    await waitFor(() => Object.keys(port.state.incidents).length === 1);
    expect(port.state).toEqual(core.state());
    await waitFor(() => port.pushes.some((p) => p.channel === 'outbox:changed' && (p.payload as { status: string }[])[0]?.status === 'acknowledged'));
    const listed = (await core.handleCall('wall-1', 'outbox:list', {})) as { status: string }[];
    expect(listed.map((i) => i.status)).toEqual(['acknowledged']);
  });

  it('answers catalog queries with validated hub data', async () => {
    const { core } = await setup();
    await expect(core.handleCall('v', 'hub:query', { query: { kind: 'indicators' } })).resolves.toEqual([expect.objectContaining({ id: 'aqi' })]);
    // The fake hub answers children without level/parent/centroid: refused, not passed on.
    await expect(core.handleCall('v', 'hub:query', { query: { kind: 'children', code: '500000' } })).rejects.toMatchObject({ code: 'internal' });
    expect(core.status().rejections.bySource['hub:query']).toBe(1);
  });

  it('tells the shell about a hung view and keeps the others streaming', async () => {
    const hub = await startFakeHub();
    const dataDir = await mkdtemp(join(tmpdir(), 'wall-core-'));
    const core = createWallCore({ hubUrl: hub.url, username: 'city-duty', password: 'demo', dataDir, viewAckTimeoutMs: 100, logger: createLogger({ write: () => {} }) });
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => hub.close(), () => core.stop());
    await core.start();
    const { port: healthy } = await attach(core, 'wall-1');
    const { port: hung } = await attach(core, 'wall-2');
    hung.mode = 'hang';
    const reported: string[] = [];
    core.on('view-unresponsive', (v) => reported.push(v.viewId));
    hub.publish({ type: 'camera.status', cameraId: 'cam-1', status: 'online' });
    await waitFor(() => reported.length === 1);
    hub.publish({ type: 'camera.status', cameraId: 'cam-2', status: 'online' });
    await waitFor(() => healthy.seqs.length === 2);
    expect(reported).toEqual(['wall-2']);
    expect(hung.closedWith).toBe('ack-timeout');
    expect(core.status().views.map((v) => v.id)).toEqual(['wall-1']);
  });
});

describe('player:control', () => {
  it('the live player refuses replay controls; bad controls are refused with their field', async () => {
    const { core } = await setup();
    await expect(core.handleCall('v', 'player:control', { action: 'seek', at: '2025-01-01T08:00:00Z' })).rejects.toMatchObject({
      code: 'forbidden',
      message: 'the live player cannot seek',
    });
    await expect(core.handleCall('v', 'player:control', { action: 'pause' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.handleCall('v', 'player:control', { action: 'speed', speed: 5000 })).rejects.toMatchObject({ code: 'invalid', field: 'speed' });
    await expect(core.handleCall('v', 'player:control', { action: 'seek', at: 'yesterday' })).rejects.toMatchObject({ code: 'invalid', field: 'at' });
    await expect(core.handleCall('v', 'player:control', { action: 'pause', extra: 1 })).rejects.toMatchObject({ code: 'invalid' });
    expect(core.status().player.kind).toBe('live');
  });

  it('a replay wall seeks, changes speed, pauses and resumes through the bridge', async () => {
    // A journal: the wall started from the state at seq 2, then recorded an event an hour for three hours.
    const T0 = Date.UTC(2025, 0, 1, 8);
    const at = (hours: number) => new Date(T0 + hours * 3600_000).toISOString();
    const snapshot: WallState = { ...emptyWallState(), seq: 2, time: at(0), cameras: { 'cam-1': 'offline' } };
    const events: HubEvent[] = [1, 2, 3].map((h) => ({ seq: 2 + h, ts: at(h), type: 'camera.status', cameraId: `cam-${h + 1}`, status: 'online' }));
    const dataDir = await mkdtemp(join(tmpdir(), 'wall-core-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const file = join(dataDir, 'recorded.jsonl');
    const records = [{ at: at(0), kind: 'snapshot', seq: 2, state: snapshot }, ...events.map((event) => ({ at: event.ts, kind: 'event', event }))];
    await writeFile(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const core = createWallCore({ hubUrl: 'http://127.0.0.1:1', username: 'u', password: 'p', dataDir, player: { kind: 'replay', file }, logger: createLogger({ write: () => {} }) });
    cleanups.push(() => core.stop());
    await core.start();
    const { port, hello } = await attach(core, 'wall-1');
    expect(hello.state).toEqual(snapshot); // the journal's starting snapshot, not an empty state

    const seeked = (await core.handleCall('wall-1', 'player:control', { action: 'seek', at: at(2.5) })) as PlayerInfo;
    expect(seeked).toMatchObject({ kind: 'replay', seekGeneration: 1, currentTime: expect.stringMatching(/^2025-01-01T10:30:00/) });
    await waitFor(() => port.updates.find((u) => u.seekGeneration === 1 && u.reset));
    expect(port.state).toEqual(reduceEvents(snapshot, events.slice(0, 2)));
    expect(port.state.cameras).toEqual({ 'cam-1': 'offline', 'cam-2': 'online', 'cam-3': 'online' });

    // Before the snapshot there is nothing recorded: the seek stops at it.
    await core.handleCall('wall-1', 'player:control', { action: 'seek', at: at(-5) });
    await waitFor(() => port.updates.find((u) => u.seekGeneration === 2 && u.reset));
    expect(port.state).toEqual(snapshot);

    await expect(core.handleCall('wall-1', 'player:control', { action: 'speed', speed: 60 })).resolves.toMatchObject({ speed: 60 });
    const paused = (await core.handleCall('wall-1', 'player:control', { action: 'pause' })) as PlayerInfo;
    await new Promise((r) => setTimeout(r, 50));
    expect(core.status().player.currentTime).toBe(paused.currentTime); // the replay clock stands still
    await core.handleCall('wall-1', 'player:control', { action: 'resume' });
    await waitFor(() => core.status().player.currentTime > paused.currentTime);
    await expect(core.handleCall('wall-1', 'command:submit', { command: report() })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('loadWallConfig', () => {
  it('uses the embedded hub defaults', () => {
    expect(loadWallConfig({})).toEqual({
      hubUrl: 'http://127.0.0.1:7700',
      username: 'city-duty',
      password: 'demo',
      dataDir: '.data/wall',
      player: { kind: 'live' },
    });
  });
  it('reads overrides and a replay file', () => {
    const config = loadWallConfig({ WALL_HUB_URL: 'http://hub:1', WALL_USERNAME: 'u', WALL_PASSWORD: 'p', WALL_DATA_DIR: '/d', WALL_REPLAY_FILE: '/r.jsonl', WALL_REPLAY_SPEED: '60' });
    expect(config).toMatchObject({ hubUrl: 'http://hub:1', username: 'u', password: 'p', dataDir: '/d', player: { kind: 'replay', file: '/r.jsonl', speed: 60 } });
  });
});
