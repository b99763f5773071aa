import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ControlState, DisplayThumbnail, LayoutState, ViewHello, ViewRole } from '../../../shared/view/viewChannel';
import { CONTROL_RELEASE_AFTER_DETACH_SECONDS } from '../../../shared/wall/control';
import type { WallProfile } from '../../../shared/wall/profile';
import { loadRecording } from '../eventFile';
import { listJournalFiles } from '../journal';
import { Rejections, silentLogger } from '../logger';
import { FakeClock } from '../testing/fakeClock';
import { startFakeHub, type FakeHub } from '../testing/fakeHub';
import { FakePort } from '../testing/fakePort';
import { waitFor } from '../testing/waitFor';
import { createWallCore, type WallCore } from '../wallCore';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Two displays side by side: on the 12-column presets, columns 0–5 are on `left`, 6–11 on `right`. */
const profile: WallProfile = {
  displays: [
    { id: 'left', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
    { id: 'right', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
  ],
};

async function startCore(): Promise<{ core: WallCore; hub: FakeHub; clock: FakeClock; dataDir: string }> {
  const hub = await startFakeHub();
  const dataDir = await mkdtemp(join(tmpdir(), 'core-control-'));
  const clock = new FakeClock();
  const core = createWallCore({ hubUrl: hub.url, username: 'city-duty', password: 'demo', dataDir, logger: silentLogger, controlClock: clock, link: { reconnect: { delayMs: 20, maxDelayMs: 100 } } });
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }), () => hub.close(), () => core.stop());
  core.setWallProfile(profile);
  await core.start();
  return { core, hub, clock, dataDir };
}

async function attach(core: WallCore, id: string, role: ViewRole, displayId: string, desk?: string) {
  const port = new FakePort(id, (viewId, pushId) => core.handleCall(viewId, 'player:ack', { viewId, pushId }), { role, displayId });
  core.attachView(port);
  const hello = (await core.handleCall(id, 'view:hello', desk === undefined ? {} : { desk })) as ViewHello;
  const heard = <T>(channel: string) => port.pushes.filter((p) => p.channel === channel).map((p) => p.payload as T);
  return { port, hello, controls: () => heard<ControlState>('control:changed'), thumbnails: () => heard<DisplayThumbnail>('wall:thumbnail') };
}

const holderOf = (state: ControlState, displayId: string) => state.displays.find((d) => d.displayId === displayId)?.holder?.desk ?? null;
const conflictOn = (displayId: string, desk: string) => ({ code: 'conflict', field: 'displayIds', message: `display ${displayId} is controlled by ${desk}` });

describe('WallCore control of displays', () => {
  it('hello tells each view who controls each display and a console its desk (default: its view id)', async () => {
    const { core } = await startCore();
    const one = await attach(core, 'console-1', 'console', 'console', '席位 1');
    const two = await attach(core, 'console-2', 'console', 'console');
    expect(one.hello).toMatchObject({ desk: '席位 1', control: { revision: expect.any(Number), displays: [{ displayId: 'left', holder: null, request: null }, { displayId: 'right', holder: null, request: null }] } });
    expect(two.hello.desk).toBe('console-2');
    await core.handleCall('console-1', 'control:take', { displayIds: ['left'] });
    // A reload says hello again without a desk: it keeps the one it had.
    const again = (await core.handleCall('console-1', 'view:hello', {})) as ViewHello;
    expect(again.desk).toBe('席位 1');
    expect(holderOf(again.control!, 'left')).toBe('席位 1');
  });

  it('take, request and answer reach every view as control:changed; only consoles may control', async () => {
    const { core } = await startCore();
    const wall = await attach(core, 'wall-left', 'wall', 'left');
    const one = await attach(core, 'console-1', 'console', 'console', '席位 1');
    const two = await attach(core, 'console-2', 'console', 'console', '席位 2');
    await expect(core.handleCall('wall-left', 'control:take', { displayIds: ['left'] })).rejects.toMatchObject({ code: 'forbidden' });

    const taken = (await core.handleCall('console-1', 'control:take', { displayIds: ['left', 'right'] })) as ControlState;
    expect(wall.controls().at(-1)).toEqual(taken);
    expect(two.controls().at(-1)).toEqual(taken);
    await expect(core.handleCall('console-2', 'control:take', { displayIds: ['right'] })).rejects.toMatchObject(conflictOn('right', '席位 1'));
    await expect(core.handleCall('console-2', 'control:take', { displayIds: ['top'] })).rejects.toMatchObject({ code: 'not_found', field: 'displayIds' });

    await core.handleCall('console-2', 'control:request', { displayIds: ['right'] });
    expect(one.controls().at(-1)!.displays[1]!.request).toMatchObject({ viewId: 'console-2', desk: '席位 2' });
    const answered = (await core.handleCall('console-1', 'control:answer', { grant: true })) as ControlState;
    expect(holderOf(answered, 'right')).toBe('席位 2');
    expect(two.controls().at(-1)).toEqual(answered);
    const released = (await core.handleCall('console-2', 'control:release', { displayIds: ['right'] })) as ControlState;
    expect(holderOf(released, 'right')).toBeNull();
  });

  it('refuses another desk’s layout change on a held display, naming display and desk; free displays stay open', async () => {
    const { core } = await startCore();
    await attach(core, 'console-1', 'console', 'console', '席位 1');
    await attach(core, 'console-2', 'console', 'console', '席位 2');
    await core.handleCall('console-2', 'layout:apply', { presetId: 'daily' });
    await core.handleCall('console-1', 'control:take', { displayIds: ['left'] });
    const before = core.layout();

    // Whole-layout changes touch every display.
    await expect(core.handleCall('console-2', 'layout:apply', { presetId: 'emergency' })).rejects.toMatchObject(conflictOn('left', '席位 1'));
    const exported = (await core.handleCall('console-2', 'layout:export', {})) as { text: string };
    await expect(core.handleCall('console-2', 'layout:import', { text: exported.text })).rejects.toMatchObject(conflictOn('left', '席位 1'));
    // A cell edit touches the displays the cell is drawn on: `cameras` (columns 2–5) is on the left…
    await expect(core.handleCall('console-2', 'layout:placeCamera', { cellId: 'cameras', cameraId: 'cam-30' })).rejects.toMatchObject(conflictOn('left', '席位 1'));
    await expect(core.handleCall('console-2', 'layout:setCell', { cellId: 'ticker', panel: { kind: 'tasks', settings: { view: 'feed' } } })).rejects.toMatchObject(conflictOn('left', '席位 1'));
    expect(core.layout()).toEqual(before);

    // …`indicators` (columns 6–8) is on the free right display.
    const edited = (await core.handleCall('console-2', 'layout:setCell', { cellId: 'indicators', panel: { kind: 'tasks', settings: { view: 'states' } } })) as LayoutState;
    expect(edited.layout.cells.find((c) => c.id === 'indicators')!.panel).toEqual({ kind: 'tasks', settings: { view: 'states' } });
    expect(edited.presetId).toBeUndefined();
    // The holder itself edits freely; a bad panel is refused by the call's schema with its field.
    await core.handleCall('console-1', 'layout:placeCamera', { cellId: 'cameras', cameraId: 'cam-30', slot: 0 });
    await expect(core.handleCall('console-1', 'layout:setCell', { cellId: 'ticker', panel: { kind: 'cameras', settings: { grid: 3, cameraIds: [] } } })).rejects.toMatchObject({ code: 'invalid', field: 'panel.settings.grid' });
    await expect(core.handleCall('console-1', 'layout:setCell', { cellId: 'nowhere', panel: { kind: 'tasks', settings: { view: 'feed' } } })).rejects.toMatchObject({ code: 'not_found', field: 'cellId' });
  });

  it('focusIncident shows the incident’s focus layout with its nearest cameras, as an alarm would; refused on held displays', async () => {
    const { core, hub } = await startCore();
    await attach(core, 'console-1', 'console', 'console', '席位 1');
    await attach(core, 'console-2', 'console', 'console', '席位 2');
    await core.handleCall('console-1', 'layout:apply', { presetId: 'leadership' });
    hub.publish({ type: 'incident.reported', incidentId: 'inc-7', title: '管道爆裂', kind: 'flood', board: 'emergency', severity: 3, location: [106.57, 29.55], units: ['500000', '500103'] });
    await waitFor(() => core.state().incidents['inc-7']);

    await expect(core.handleCall('console-1', 'layout:focusIncident', { incidentId: 'inc-404' })).rejects.toMatchObject({ code: 'not_found', field: 'incidentId' });
    await core.handleCall('console-2', 'control:take', { displayIds: ['right'] });
    await expect(core.handleCall('console-1', 'layout:focusIncident', { incidentId: 'inc-7' })).rejects.toMatchObject(conflictOn('right', '席位 2'));
    await core.handleCall('console-2', 'control:release', { displayIds: ['right'] });

    const focused = (await core.handleCall('console-1', 'layout:focusIncident', { incidentId: 'inc-7' })) as LayoutState;
    expect(focused).toMatchObject({ mode: 'focus', focusIncidentId: 'inc-7' });
    const panels = Object.fromEntries(focused.layout.cells.map((c) => [c.panel.kind, c.panel.settings]));
    // No rule matches a severity-3 incident: the default rule's nine nearest cameras.
    expect(panels.cameras).toEqual({ grid: 9, cameraIds: Array.from({ length: 9 }, (_, i) => `cam-${i + 1}`) });
    expect(panels.indicators).toMatchObject({ board: 'emergency', unit: '500103' });
    expect(panels.tasks).toMatchObject({ incidentId: 'inc-7' });

    // Reverted like an alarm focus: by the officer, or by the incident's close.
    await core.handleCall('console-2', 'control:take', { displayIds: ['left'] });
    await expect(core.handleCall('console-1', 'layout:revert', {})).rejects.toMatchObject(conflictOn('left', '席位 2'));
    hub.publish({ type: 'incident.closed', incidentId: 'inc-7' });
    await waitFor(() => core.layout()?.mode === 'preset');
    await core.layoutSettled();
    expect(core.layout()).toMatchObject({ mode: 'preset', presetId: 'leadership' });
  });

  it('an alarm focus is not subject to control', async () => {
    const { core, hub } = await startCore();
    await attach(core, 'console-1', 'console', 'console', '席位 1');
    await core.handleCall('console-1', 'control:take', { displayIds: ['left', 'right'] });
    hub.publish({ type: 'incident.reported', incidentId: 'inc-1', title: '火灾', kind: 'fire', board: 'emergency', severity: 1, location: [106.57, 29.55], units: ['500000', '500103'] });
    await waitFor(() => core.layout()?.mode === 'focus');
    expect(core.layout()?.focusIncidentId).toBe('inc-1');
  });

  it('a holder whose view goes away keeps its displays for the grace period, then they are freed for everyone to see', async () => {
    const { core, clock } = await startCore();
    await attach(core, 'console-1', 'console', 'console', '席位 1');
    const two = await attach(core, 'console-2', 'console', 'console', '席位 2');
    await core.handleCall('console-1', 'control:take', { displayIds: ['left'] });

    core.detachView('console-1', 'reload');
    clock.advance(CONTROL_RELEASE_AFTER_DETACH_SECONDS * 1000 - 1);
    await expect(core.handleCall('console-2', 'control:take', { displayIds: ['left'] })).rejects.toMatchObject(conflictOn('left', '席位 1'));
    // The reload comes back in time: it keeps the display.
    await attach(core, 'console-1', 'console', 'console', '席位 1');
    clock.advance(60_000);
    expect(holderOf(two.controls().at(-1)!, 'left')).toBe('席位 1');

    // A window that does not come back loses it.
    core.detachView('console-1', 'closed');
    clock.advance(CONTROL_RELEASE_AFTER_DETACH_SECONDS * 1000);
    expect(holderOf(two.controls().at(-1)!, 'left')).toBeNull();
  });

  it('a display unplugged leaves control, a display plugged in arrives free', async () => {
    const { core } = await startCore();
    const one = await attach(core, 'console-1', 'console', 'console', '席位 1');
    await core.handleCall('console-1', 'control:take', { displayIds: ['left', 'right'] });
    core.setWallProfile(profile, ['left']);
    expect(one.controls().at(-1)!.displays.map((d) => d.displayId)).toEqual(['left']);
    core.setWallProfile(profile);
    expect(one.controls().at(-1)!.displays).toEqual([
      expect.objectContaining({ displayId: 'left', holder: expect.objectContaining({ desk: '席位 1' }) }),
      { displayId: 'right', holder: null, request: null },
    ]);
  });

  it('thumbnails go to consoles only; a bad one is dropped and counted with its field', async () => {
    const { core } = await startCore();
    expect(core.consolesAttached()).toBe(0);
    const wall = await attach(core, 'wall-left', 'wall', 'left');
    const one = await attach(core, 'console-1', 'console', 'console');
    const two = await attach(core, 'console-2', 'console', 'console');
    expect(core.consolesAttached()).toBe(2);

    const thumbnail: DisplayThumbnail = { displayId: 'left', dataUrl: 'data:image/jpeg;base64,/9j/4AAQ', at: '2024-05-01T08:00:00.000Z', width: 320, height: 180 };
    core.publishThumbnail(thumbnail);
    expect(one.thumbnails()).toEqual([thumbnail]);
    expect(two.thumbnails()).toEqual([thumbnail]);
    expect(wall.thumbnails()).toEqual([]);

    core.publishThumbnail({ ...thumbnail, dataUrl: 'data:image/png;base64,iVBOR' });
    expect(one.thumbnails()).toHaveLength(1);
    expect(core.status().rejections.bySource['shell:wall:thumbnail']).toBe(1);

    core.detachView('console-2');
    expect(core.consolesAttached()).toBe(1);
  });

  it('journals every control change, and the journal still replays', async () => {
    const { core, hub, dataDir } = await startCore();
    await attach(core, 'console-1', 'console', 'console', '席位 1');
    await attach(core, 'console-2', 'console', 'console', '席位 2');
    hub.publish({ type: 'camera.status', cameraId: 'cam-1', status: 'offline' });
    await core.handleCall('console-1', 'control:take', { displayIds: ['left'] });
    await core.handleCall('console-2', 'control:request', { displayIds: ['left'] });
    await core.handleCall('console-1', 'control:answer', { grant: false });
    await waitFor(() => core.state().seq === 1);
    await core.stop();

    const files = await listJournalFiles(join(dataDir, 'journal'));
    const records = (await Promise.all(files.map((f) => readFile(f, 'utf8'))))
      .flatMap((text) => text.split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as { kind: string });
    const control = records.filter((r): r is { kind: 'control'; revision: number } => r.kind === 'control');
    expect(control).toEqual([
      expect.objectContaining({ what: 'take', displayIds: ['left'], viewId: 'console-1', desk: '席位 1' }),
      expect.objectContaining({ what: 'request', displayIds: ['left'], viewId: 'console-2', desk: '席位 2' }),
      expect.objectContaining({ what: 'keep', displayIds: ['left'], viewId: 'console-1' }),
    ]);
    expect(control.map((r) => r.revision - control[0]!.revision)).toEqual([0, 1, 2]);
    const rejections = new Rejections(silentLogger);
    const recording = await loadRecording(files, rejections);
    expect(recording.events.map((e) => e.type)).toEqual(['camera.status']);
    expect(rejections.total()).toBe(0);
  });
});
