import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/protocol/indicators';
import { reduceEvents } from '../../shared/state/reduceEvents';
import type { ViewHello } from '../../shared/view/viewChannel';
import { startHub } from '../../hub/server';
import { createLogger } from '../../main/core/logger';
import { FakePort } from '../../main/core/testing/fakePort';
import { HubClient, IN_YUZHONG, OUTSIDE_YUZHONG, playTaskLife } from '../../main/core/testing/hubClient';
import { waitFor } from '../../main/core/testing/waitFor';
import { createWallCore } from '../../main/core/wallCore';
import { useCleanups } from '../support/cleanups';

const { defer, tempDir } = useCleanups();

async function startWall(hubUrl: string, username: string) {
  const core = createWallCore({ hubUrl, username, password: 'demo', dataDir: await tempDir('wall-'), logger: createLogger({ write: () => {} }) });
  defer(() => core.stop());
  await core.start();
  const view = new FakePort('wall-1', (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }));
  core.attachView(view);
  view.applyHello((await core.handleCall('wall-1', 'view:hello', {})) as ViewHello);
  await waitFor(() => core.status().link.state === 'connected', 10_000, `${username}'s link`);
  return { core, view };
}

describe('a wall starts from the hub snapshot (real hub)', () => {
  it('gets the full current state of its scope without receiving the history, then streams from there', { timeout: 60_000 }, async () => {
    const hub = await startHub({ dataDir: await tempDir('hub-'), port: 0, demo: true, simulator: false, logger: false });
    defer(() => hub.close());
    const city = await HubClient.login(hub.url, 'city-duty');
    const district = await HubClient.login(hub.url, 'd500103-duty');

    // Months of operation, in small: closed task lives, a task in flight, incidents in and out of 渝中区, many sample batches.
    const indicators = await city.get<Indicator[]>('/api/v1/indicators');
    await playTaskLife(city, district, '解放碑路面积水');
    const { incidentId } = await city.must({ type: 'incident.report', title: '人群聚集', kind: 'crowd', board: 'governance', severity: 3, location: IN_YUZHONG });
    const { taskId } = await city.must({ type: 'task.dispatch', incidentId: incidentId!, toUnit: '500103' });
    await city.must({ type: 'incident.report', title: '道路塌陷', kind: 'road', board: 'facility', severity: 2, location: OUTSIDE_YUZHONG });
    for (let round = 0; round < 100; round++) {
      const at = new Date().toISOString();
      await hub.appendSystemEvent({ type: 'indicator.samples', samples: indicators.map((i, k) => ({ id: i.id, value: round + k, at })) });
    }
    const history = await city.allEvents();
    expect(history.length).toBeGreaterThan(100);

    for (const [username, client] of [['city-duty', city], ['d500103-duty', district]] as const) {
      const { core, view } = await startWall(hub.url, username);
      const snapshot = await client.snapshot();
      expect(core.status().startSeq).toBe(history.at(-1)!.seq);
      expect(view.state).toEqual(snapshot);
      expect(Object.keys(view.state.tasks)).toHaveLength(2);
      await new Promise((r) => setTimeout(r, 300)); // a resume from seq 0 would be arriving now
      expect(core.status().linkCounters).toEqual({ received: 0, duplicates: 0, rejected: 0 });
      await core.stop();
    }
    const { incidents } = await district.snapshot();
    expect(Object.keys(incidents).length).toBeLessThan(Object.keys((await city.snapshot()).incidents).length); // scoped

    // What follows the snapshot streams as usual and folds onto it.
    const { core, view } = await startWall(hub.url, 'd500103-duty');
    const startSeq = core.status().startSeq!;
    const started = view.state;
    await district.must({ type: 'task.accept', taskId: taskId! });
    await district.must({ type: 'task.arrive', taskId: taskId! });
    await city.must({ type: 'incident.report', title: '井盖缺失', kind: 'road', board: 'facility', severity: 3, location: OUTSIDE_YUZHONG });
    await hub.appendSystemEvent({ type: 'indicator.samples', samples: indicators.map((i) => ({ id: i.id, value: -1, at: new Date().toISOString() })) });
    const after = (await district.allEvents()).filter((e) => e.seq > startSeq);
    await waitFor(() => view.seqs.at(-1) === after.at(-1)!.seq, 10_000, 'the new events');
    expect(view.seqs).toEqual(after.map((e) => e.seq));
    expect(core.status().linkCounters.received).toBe(after.length);
    expect(view.state).toEqual(reduceEvents(started, after));
    const now = await district.snapshot();
    expect(view.state.tasks).toEqual(now.tasks);
    expect(view.state.incidents).toEqual(now.incidents);
    expect(view.state.tasks[taskId!]!.state).toBe('arrived');
  });
});
