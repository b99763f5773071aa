import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LayoutState, ViewHello } from '../../../shared/view/viewChannel';
import type { WallProfile } from '../../../shared/wall/profile';
import { silentLogger } from '../logger';
import { startFakeHub } from '../testing/fakeHub';
import { FakePort } from '../testing/fakePort';
import { createWallCore, type WallCore } from '../wallCore';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const profile: WallProfile = {
  displays: [
    { id: 'left', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 'right', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
  ],
};

async function startCore(dataDir: string): Promise<WallCore> {
  const hub = await startFakeHub();
  const core = createWallCore({ hubUrl: hub.url, username: 'city-duty', password: 'demo', dataDir, logger: silentLogger, link: { reconnect: { delayMs: 20, maxDelayMs: 100 } } });
  cleanups.push(() => hub.close(), () => core.stop());
  core.setWallProfile(profile);
  await core.start();
  return core;
}

async function attach(core: WallCore, id: string, displayId: string) {
  const port = new FakePort(id, (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }), { displayId });
  core.attachView(port);
  const hello = (await core.handleCall(id, 'view:hello', {})) as ViewHello;
  const layouts = () => port.pushes.filter((p) => p.channel === 'layout:changed').map((p) => p.payload as LayoutState);
  return { port, hello, layouts };
}

describe('WallCore layouts', () => {
  it('says the layout and canvas in every hello, and pushes a preset to every view', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'core-layout-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const core = await startCore(dataDir);
    const left = await attach(core, 'wall-left', 'left');
    const right = await attach(core, 'wall-right', 'right');
    expect(left.hello.layout).toMatchObject({ presetId: 'overview', canvas: { width: 3840, height: 1080 } });

    const applied = (await core.handleCall('console', 'layout:apply', { presetId: 'emergency' })) as LayoutState;
    expect(left.layouts().at(-1)).toEqual(applied);
    expect(right.layouts().at(-1)).toEqual(applied);
    await expect(core.handleCall('console', 'layout:apply', { presetId: 'disco' })).rejects.toMatchObject({ code: 'not_found' });

    // Hot-plug: the right display goes, the canvas shrinks to the left one; it comes back.
    core.setWallProfile(profile, ['left']);
    expect(left.layouts().at(-1)?.canvas).toEqual({ width: 1920, height: 1080, slices: [{ displayId: 'left', x: 0, y: 0, width: 1920, height: 1080 }] });
    expect(left.layouts().at(-1)?.layout).toEqual(applied.layout);
    core.setWallProfile(profile);
    expect(left.layouts().at(-1)?.canvas.width).toBe(3840);

    const exported = (await core.handleCall('console', 'layout:export', {})) as { text: string };
    await expect(core.handleCall('console', 'layout:import', { text: exported.text.replace('"columns": 12', '"columns": 2') })).rejects.toMatchObject({
      code: 'invalid',
      field: 'cells.0.columnSpan',
    });
    expect(core.status().rejections.bySource['view:layout:import']).toBe(1);
    await core.layoutSettled();
    await core.stop();

    // A restart shows the same layout.
    const again = await startCore(dataDir);
    expect(again.layout()).toMatchObject({ presetId: 'emergency', layout: applied.layout });
  });
});
