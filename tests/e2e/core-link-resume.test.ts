import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Indicator } from '../../shared/protocol/indicators';
import type { ViewHello } from '../../shared/view/viewChannel';
import { startHub, type RunningHub } from '../../hub/server';
import { createLogger } from '../../main/core/logger';
import { FakePort } from '../../main/core/testing/fakePort';
import { HubClient, IN_YUZHONG, OUTSIDE_YUZHONG } from '../../main/core/testing/hubClient';
import { startTcpProxy } from '../../main/core/testing/tcpProxy';
import { waitFor } from '../../main/core/testing/waitFor';
import { createWallCore } from '../../main/core/wallCore';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('hub link resume (real hub)', () => {
  it('a view misses and repeats nothing across a network cut and a hub restart mid-stream', { timeout: 90_000 }, async () => {
    const hubDir = await mkdtemp(join(tmpdir(), 'hub-'));
    const wallDir = await mkdtemp(join(tmpdir(), 'wall-'));
    cleanups.push(() => rm(hubDir, { recursive: true, force: true }), () => rm(wallDir, { recursive: true, force: true }));
    const hubOptions = { dataDir: hubDir, demo: true, simulator: false, logger: false } as const;
    let hub: RunningHub = await startHub({ ...hubOptions, port: 0 });
    cleanups.push(() => hub.close());
    const proxy = await startTcpProxy(hub.port);
    cleanups.push(() => proxy.close());
    const city = await HubClient.login(hub.url, 'city-duty');
    // History from before the wall starts: it begins from the hub's snapshot and must not replay it.
    for (let i = 0; i < 6; i++) {
      const location = i % 2 === 0 ? IN_YUZHONG : OUTSIDE_YUZHONG;
      await city.must({ type: 'incident.report', title: `旧事件 ${i}`, kind: 'flood', board: 'emergency', severity: 3, location });
    }

    // A district wall: it sees only 渝中区's share, so seq gaps are normal and must not read as loss.
    const core = createWallCore({
      hubUrl: proxy.url,
      username: 'd500103-duty',
      password: 'demo',
      dataDir: wallDir,
      logger: createLogger({ write: () => {} }),
      journal: { enabled: false },
      link: { reconnect: { delayMs: 50, maxDelayMs: 400 }, commandTimeoutMs: 2000 },
    });
    cleanups.push(() => core.stop());
    await core.start();
    const startSeq = core.status().startSeq!;
    expect(startSeq).toBeGreaterThanOrEqual(6);
    expect(Object.keys(core.state().incidents)).toHaveLength(3); // 渝中区's share of the history, from the snapshot
    const view = new FakePort('wall-1', (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }));
    core.attachView(view);
    view.applyHello((await core.handleCall('wall-1', 'view:hello', {})) as ViewHello);
    const indicators = (await core.handleCall('wall-1', 'hub:query', { query: { kind: 'indicators' } })) as Indicator[];
    expect(indicators.length).toBeGreaterThan(0);

    let running = true;
    let failures = 0;
    const driver = (async () => {
      for (let i = 0; running; i++) {
        try {
          if (i % 4 === 0) {
            const location = i % 8 === 0 ? IN_YUZHONG : OUTSIDE_YUZHONG;
            await city.command({ type: 'incident.report', title: `事件 ${i}`, kind: 'flood', board: 'emergency', severity: 3, location });
          } else {
            await hub.appendSystemEvent({ type: 'indicator.samples', samples: [{ id: indicators[i % indicators.length]!.id, value: i, at: new Date().toISOString() }] });
          }
        } catch {
          failures++; // the hub is down right now: the stream resumes when it is back
          await sleep(20);
        }
        await sleep(3);
      }
    })();

    const progress = (n: number, what: string) => {
      const target = view.seqs.length + n;
      return waitFor(() => view.seqs.length >= target, 20_000, what);
    };
    await progress(20, 'the first events');

    proxy.cut(); // a network blip: socket.io's own recovery or our resume must cover it
    await progress(20, 'events after the cut');

    proxy.block();
    proxy.cut();
    await sleep(300); // a longer outage while events keep coming
    proxy.unblock();
    await progress(20, 'events after the outage');

    await hub.close(); // the hub itself goes down and comes back on the same data and port
    await sleep(200);
    hub = await startHub({ ...hubOptions, port: hub.port });
    await progress(20, 'events after the hub restart');

    running = false;
    await driver;
    expect(failures).toBeGreaterThan(0); // the restart really happened mid-stream
    const district = await HubClient.login(hub.url, 'd500103-duty');
    // Exactly the district's events after the snapshot the wall started from.
    const expected = (await district.allEvents()).map((e) => e.seq).filter((seq) => seq > startSeq);
    await waitFor(() => view.seqs.at(-1) === expected.at(-1), 20_000, 'the view to catch up');
    expect(view.seqs).toEqual(expected);
    expect(view.state.seq).toBe(expected.at(-1));
    expect(core.status().linkCounters).toMatchObject({ received: expected.length, rejected: 0 }); // none of the history
    // Scoped: the city's stream is larger, and the district's has gaps that are not losses.
    expect((await city.allEvents()).length).toBeGreaterThan(expected.length);
  });
});
