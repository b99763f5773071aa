import { describe, expect, it } from 'vitest';
import type { LayoutState } from '../../shared/wall/layoutState';
import { findPreset } from '../../shared/wall/presets';
import { DEFAULT_CANVAS } from '../../shared/wall/profile';
import { FakeBridge } from '../testing/fakeBridge';
import { findPaletteEntry } from './palette';
import { accepts, placeItem } from './placement';

const daily = findPreset('daily')!.layout;
const withCameras: LayoutState = {
  layout: { ...daily, cells: daily.cells.map((c) => (c.id === 'cameras' ? { ...c, panel: { kind: 'cameras', settings: { grid: 9, cameraIds: ['c1', 'c2', 'c3'] } } } : c)) },
  mode: 'preset',
  presetId: 'daily',
  revision: 2,
  canvas: DEFAULT_CANVAS,
};
const camera = { type: 'camera' as const, cameraId: 'cam-7', name: '七星岗 3' };

describe('placing on the wall', () => {
  it('puts a dropped camera into the slot under it', async () => {
    const bridge = new FakeBridge();
    bridge.layoutState = withCameras;
    await placeItem(bridge, withCameras, camera, { cellId: 'cameras', slot: 4 });
    expect(bridge.layoutEdits).toEqual([{ call: 'placeCamera', cellId: 'cameras', cameraId: 'cam-7', slot: 4 }]);
  });

  it('replaces a cell’s panel, a new camera grid keeping the cameras already there', async () => {
    const bridge = new FakeBridge();
    bridge.layoutState = withCameras;
    await placeItem(bridge, withCameras, { type: 'panel', entry: findPaletteEntry('incidents-ticker')! }, { cellId: 'tasks' });
    await placeItem(bridge, withCameras, { type: 'panel', entry: findPaletteEntry('cameras-4')! }, { cellId: 'cameras', slot: 2 });
    expect(bridge.layoutEdits).toEqual([
      { call: 'setCell', cellId: 'tasks', panel: { kind: 'incidents', settings: { view: 'ticker' } } },
      { call: 'setCell', cellId: 'cameras', panel: { kind: 'cameras', settings: { grid: 4, cameraIds: ['c1', 'c2', 'c3'] } } },
    ]);
  });

  it('lets cameras land in camera cells only, panels anywhere, nothing on a cell that is gone', () => {
    expect(accepts(withCameras, camera, { cellId: 'cameras', slot: 0 })).toBe(true);
    expect(accepts(withCameras, camera, { cellId: 'indicators' })).toBe(false);
    expect(accepts(withCameras, { type: 'panel' }, { cellId: 'indicators' })).toBe(true);
    expect(accepts(withCameras, { type: 'panel' }, { cellId: 'weather' })).toBe(false);
  });

  it('passes main’s refusal on to the caller', async () => {
    const bridge = new FakeBridge();
    bridge.layoutState = withCameras;
    bridge.refuseNextCall(Object.assign(new Error('display 1 is controlled by 席位 A'), { code: 'conflict' }));
    await expect(placeItem(bridge, withCameras, camera, { cellId: 'cameras', slot: 0 })).rejects.toMatchObject({ code: 'conflict' });
  });
});
