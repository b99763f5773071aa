import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Camera } from '../../shared/protocol/cameras';
import type { Indicator } from '../../shared/protocol/indicators';
import type { ViewHello } from '../../shared/view/viewChannel';
import { startHub } from '../../hub/server';
import { loadRecording, type Recording } from '../../main/core/eventFile';
import { listJournalFiles } from '../../main/core/journal';
import { createLogger } from '../../main/core/logger';
import { ReplayPlayer } from '../../main/core/replayPlayer';
import { HubClient, IN_YUZHONG, playTaskLife } from '../../main/core/testing/hubClient';
import { FakePort } from '../../main/core/testing/fakePort';
import { waitFor } from '../../main/core/testing/waitFor';
import { ViewHost } from '../../main/core/viewHost';
import { createWallCore, type WallCore } from '../../main/core/wallCore';
import { useCleanups } from '../support/cleanups';

const quiet = createLogger({ write: () => {} });
const { defer, tempDir } = useCleanups();

async function attachView(core: WallCore, id: string) {
  const port = new FakePort(id, (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }));
  core.attachView(port);
  port.applyHello((await core.handleCall(id, 'view:hello', {})) as ViewHello);
  return port;
}

async function startLiveWall(hubUrl: string) {
  const dataDir = await tempDir('wall-');
  const core = createWallCore({ hubUrl, username: 'city-duty', password: 'demo', dataDir, logger: quiet, journal: { flushMs: 100 } });
  defer(() => core.stop());
  await core.start();
  const view = await attachView(core, 'wall-1');
  return { core, view, journalDir: join(dataDir, 'journal') };
}

/** Replays a recording through a fresh ViewHost at high speed; returns the state a view ends with. */
async function replay(recording: Recording) {
  const player = new ReplayPlayer(recording, { speed: 1_000_000, tickMs: 5 });
  const host = new ViewHost({
    context: () => ({ user: null, unit: null, hubUrl: '', player: player.info(), link: { state: 'offline', lastSeq: 0, hubUrl: '', since: '' }, outbox: [] }),
  });
  const view = new FakePort('replay-1', (viewId, pushId) => host.ack(viewId, pushId));
  host.attach(view);
  view.applyHello(host.hello('replay-1'));
  player.start(host.push);
  await player.finished();
  await player.stop();
  return { view, host };
}

describe('replay equivalence (real hub)', () => {
  it('a recorded stream replayed yields exactly the view state it yielded live', { timeout: 60_000 }, async () => {
    const hub = await startHub({ dataDir: await tempDir('hub-'), port: 0, demo: true, simulator: false, logger: false });
    defer(() => hub.close());
    const city = await HubClient.login(hub.url, 'city-duty');
    const district = await HubClient.login(hub.url, 'd500103-duty');

    // A scripted afternoon: whole task lives, a return and redispatch, an escalation, samples, camera flaps.
    // The wall starts midway: it begins from the hub's snapshot, with a task in flight.
    await playTaskLife(city, district, '解放碑路面积水');
    const { incidentId } = await city.must({ type: 'incident.report', title: '人群聚集', kind: 'crowd', board: 'governance', severity: 3, location: IN_YUZHONG });
    const { taskId } = await city.must({ type: 'task.dispatch', incidentId: incidentId!, toUnit: '500103' });
    const { core, view: live, journalDir } = await startLiveWall(hub.url);
    const startSeq = core.status().startSeq!;
    expect(startSeq).toBeGreaterThan(0);
    expect(Object.keys(live.state.tasks)).toHaveLength(2);
    await district.must({ type: 'task.return', taskId: taskId!, reason: '不属于本辖区' });
    await city.must({ type: 'task.redispatch', taskId: taskId!, toUnit: '500103001' });
    await city.must({ type: 'task.escalate', taskId: taskId! });
    await city.must({ type: 'incident.update', incidentId: incidentId!, severity: 1 });
    const indicators = (await core.handleCall('wall-1', 'hub:query', { query: { kind: 'indicators' } })) as Indicator[];
    const cameras = (await core.handleCall('wall-1', 'hub:query', { query: { kind: 'cameras', limit: 3 } })) as Camera[];
    expect(indicators.length).toBeGreaterThan(2);
    expect(cameras.length).toBe(3);
    for (let round = 0; round < 5; round++) {
      const at = new Date().toISOString();
      await hub.appendSystemEvent({ type: 'indicator.samples', samples: indicators.slice(0, 3).map((i, k) => ({ id: i.id, value: round * 10 + k, at })) });
      await hub.appendSystemEvent({ type: 'camera.status', cameraId: cameras[round % 3]!.id, status: round % 2 ? 'online' : 'offline' });
    }
    await playTaskLife(city, district, '较场口井盖缺失');

    const recorded = await city.allEvents();
    const lastSeq = recorded.at(-1)!.seq;
    await waitFor(() => live.state.seq === lastSeq, 10_000, 'the live view to catch up');
    await core.stop(); // flushes the journal

    const journalled = await loadRecording(await listJournalFiles(journalDir));
    expect(journalled.snapshots.map((s) => s.seq)).toEqual([startSeq]);
    expect(journalled.events.map((e) => e.seq)).toEqual(recorded.filter((e) => e.seq > startSeq).map((e) => e.seq));
    expect(core.status().linkCounters.received).toBe(journalled.events.length); // none of the history before the start
    expect(Object.keys(live.state.tasks)).toHaveLength(3);
    expect(Object.keys(live.state.cameras)).toHaveLength(3);

    const fromJournal = await replay(journalled);
    expect(fromJournal.view.state).toEqual(live.state);
    expect(fromJournal.host.currentState()).toEqual(live.state);

    // The whole stream from seq 0, exported from the hub's history, replayed by a wall core in
    // replay mode: the same state, so the snapshot the live wall started from was exact.
    const exported = join(await tempDir('export-'), 'events.jsonl');
    await writeFile(exported, recorded.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const replayCore = createWallCore({
      hubUrl: hub.url,
      username: 'city-duty',
      password: 'demo',
      dataDir: await tempDir('wall-replay-'),
      logger: quiet,
      player: { kind: 'replay', file: exported, speed: 1_000_000 },
    });
    defer(() => replayCore.stop());
    await replayCore.start();
    const replayView = await attachView(replayCore, 'wall-1');
    await waitFor(() => replayView.state.seq === lastSeq, 10_000, 'the replay to finish');
    expect(replayCore.status().rejections).toEqual({ total: 0, bySource: {} });
    expect(replayView.state).toEqual(live.state);
    expect(replayCore.status().player).toMatchObject({ kind: 'replay', capabilities: ['seek', 'speed', 'pause'] });
    await expect(replayCore.handleCall('wall-1', 'command:submit', { command: { id: crypto.randomUUID(), type: 'task.accept', taskId: 'x' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('the simulator\'s live stream, journalled and replayed, gives the same state', { timeout: 60_000 }, async () => {
    const hub = await startHub({ dataDir: await tempDir('hub-'), port: 0, demo: true, simulator: true, hlsEager: false, sampleIntervalMs: 200, logger: false });
    let hubOpen = true;
    defer(async () => hubOpen && (await hub.close()));
    const { core, view: live, journalDir } = await startLiveWall(hub.url);
    await waitFor(() => live.seqs.length >= 8 && Object.keys(live.state.indicators).length > 0, 30_000, 'simulated events');
    await hub.close(); // the stream ends here; what the wall has is the recording
    hubOpen = false;
    await waitFor(() => core.status().stateSeq === core.status().link.lastSeq && live.state.seq === core.status().stateSeq, 10_000, 'the view to settle');
    await core.stop();

    const journalled = await loadRecording(await listJournalFiles(journalDir));
    expect(journalled.snapshots).toHaveLength(1);
    expect(journalled.events.length).toBeGreaterThanOrEqual(8);
    expect(journalled.events.at(-1)!.seq).toBe(live.state.seq);
    const { view } = await replay(journalled);
    expect(view.state).toEqual(live.state);
  });
});
