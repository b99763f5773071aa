import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OutboxItem, ViewHello } from '../../shared/view/viewChannel';
import { startHub, type RunningHub } from '../../hub/server';
import { createLogger } from '../../main/core/logger';
import { FakePort } from '../../main/core/testing/fakePort';
import { HubClient, IN_YUZHONG } from '../../main/core/testing/hubClient';
import { waitFor } from '../../main/core/testing/waitFor';
import { createWallCore, type WallCore } from '../../main/core/wallCore';
import { useCleanups } from '../support/cleanups';

const { defer, tempDir } = useCleanups();

function wallCore(hubUrl: string, dataDir: string): WallCore {
  const core = createWallCore({
    hubUrl,
    username: 'city-duty',
    password: 'demo',
    dataDir,
    logger: createLogger({ write: () => {} }),
    link: { reconnect: { delayMs: 50, maxDelayMs: 300 }, commandTimeoutMs: 1000 },
    outboxRetry: { baseMs: 50, maxMs: 300 },
  });
  defer(() => core.stop());
  return core;
}

async function attachView(core: WallCore) {
  const view = new FakePort('console-1', (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }), { role: 'console' });
  core.attachView(view);
  view.applyHello((await core.handleCall('console-1', 'view:hello', {})) as ViewHello);
  return view;
}

describe('command outbox (real hub)', () => {
  it('a command issued while the hub is down is delivered exactly once, across a wall restart', { timeout: 90_000 }, async () => {
    const hubDir = await tempDir('hub-');
    const wallDir = await tempDir('wall-');
    const hubOptions = { dataDir: hubDir, demo: true, simulator: false, logger: false } as const;
    let hub: RunningHub = await startHub({ ...hubOptions, port: 0 });
    defer(() => hub.close());
    const port = hub.port;

    const first = wallCore(hub.url, wallDir);
    await first.start();
    await waitFor(() => first.status().link.state === 'connected', 10_000, 'the first connection');
    await hub.close();
    await waitFor(() => first.status().link.state !== 'connected', 10_000, 'the link to notice');

    const title = `停电 ${randomUUID().slice(0, 8)}`;
    const command = { id: randomUUID(), type: 'incident.report', title, kind: 'power', board: 'facility', severity: 2, location: IN_YUZHONG };
    const submitted = (await first.handleCall('console-1', 'command:submit', { command })) as OutboxItem;
    expect(submitted).toMatchObject({ id: command.id, status: 'pending' });
    // A double click: the same id again changes nothing.
    await first.handleCall('console-1', 'command:submit', { command });
    expect(first.status().outbox).toEqual({ pending: 1, total: 1 });
    await first.stop(); // the wall's main process goes away with the command unsent

    const second = wallCore(`http://127.0.0.1:${port}`, wallDir);
    await second.start();
    const view = await attachView(second);
    const pending = (await second.handleCall('console-1', 'outbox:list', {})) as OutboxItem[];
    expect(pending.map((i) => [i.id, i.status])).toEqual([[command.id, expect.stringMatching(/pending|sending/)]]);

    hub = await startHub({ ...hubOptions, port });
    await waitFor(() => second.status().outbox.pending === 0, 20_000, 'the outbox to drain');

    const [item] = (await second.handleCall('console-1', 'outbox:list', {})) as OutboxItem[];
    expect(item).toMatchObject({ id: command.id, status: 'acknowledged', ack: { ok: true } });
    const city = await HubClient.login(hub.url, 'city-duty');
    const resulting = (await city.allEvents()).filter((e) => e.type === 'incident.reported' && e.title === title);
    expect(resulting).toHaveLength(1);
    expect(item!.ack).toMatchObject({ seq: resulting[0]!.seq });
    // The console sees the incident arrive and the outbox settle.
    await waitFor(() => Object.values(view.state.incidents).some((i) => i.title === title), 10_000, 'the incident on the view');
    expect(view.pushes.some((p) => p.channel === 'outbox:changed' && (p.payload as OutboxItem[])[0]?.status === 'acknowledged')).toBe(true);

    // A third start on the same data sends nothing again.
    await second.stop();
    const third = wallCore(hub.url, wallDir);
    await third.start();
    await waitFor(() => third.status().link.state === 'connected', 10_000);
    expect(third.status().outbox).toEqual({ pending: 0, total: 1 });
    expect((await city.allEvents()).filter((e) => e.type === 'incident.reported' && e.title === title)).toHaveLength(1);
  });

  it('a definitive refusal is final and is not retried', { timeout: 30_000 }, async () => {
    const hub = await startHub({ dataDir: await tempDir('hub-'), port: 0, demo: true, simulator: false, logger: false });
    defer(() => hub.close());
    const core = wallCore(hub.url, await tempDir('wall-'));
    await core.start();
    await waitFor(() => core.status().link.state === 'connected', 10_000);
    const command = { id: randomUUID(), type: 'task.accept', taskId: 'no-such-task' };
    await core.handleCall('console-1', 'command:submit', { command });
    await waitFor(() => core.status().outbox.pending === 0, 10_000);
    const [item] = (await core.handleCall('console-1', 'outbox:list', {})) as OutboxItem[];
    expect(item).toMatchObject({ status: 'rejected', attempts: 1, ack: { ok: false, error: { code: expect.stringMatching(/not_found|forbidden/) } } });
  });
});
