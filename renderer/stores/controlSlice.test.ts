import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { ControlState, DisplayThumbnail } from '../../shared/wall/control';
import { FakeBridge } from '../testing/fakeBridge';
import { connectWallStore } from './connectWallStore';
import { wallStoreInitializer, type WallStore } from './wallStore';

const controlAt = (revision: number, holderDesk: string | null): ControlState => ({
  revision,
  displays: [
    { displayId: '1', holder: holderDesk ? { viewId: 'console-a', desk: holderDesk, since: '2024-05-01T08:00:00.000Z' } : null, request: null },
    { displayId: '2', holder: null, request: null },
  ],
});

const thumbnail = (displayId: string, at: string): DisplayThumbnail => ({ displayId, dataUrl: `data:image/jpeg;base64,${displayId}${at.slice(17, 19)}`, at, width: 320, height: 180 });

async function setup(options: { desk?: string; control?: ControlState } = {}) {
  const bridge = new FakeBridge();
  bridge.controlState = options.control ?? null;
  const store = createStore<WallStore>()(wallStoreInitializer);
  const log = vi.fn();
  const connection = connectWallStore(bridge, store, { log, ...(options.desk ? { desk: options.desk } : {}) });
  await connection.ready;
  return { bridge, store, log };
}

describe('control and thumbnails in the store', () => {
  it('tells main the desk name in hello and shows the desk and control main answers with', async () => {
    const { bridge, store } = await setup({ desk: '席位 A', control: controlAt(3, null) });
    expect(bridge.helloDesks).toEqual(['席位 A']);
    expect(store.getState().session?.desk).toBe('席位 A');
    expect(store.getState().control?.revision).toBe(3);
  });

  it('has no control where main runs no layout service', async () => {
    const { store } = await setup();
    expect(store.getState().control).toBeNull();
    expect(store.getState().session?.desk).toBeNull();
  });

  it('takes pushed control states, ignoring one older than shown', async () => {
    const { bridge, store } = await setup({ control: controlAt(1, null) });
    bridge.pushControl(controlAt(4, '席位 A'));
    expect(store.getState().control?.displays[0]?.holder?.desk).toBe('席位 A');
    bridge.pushControl(controlAt(2, null));
    expect(store.getState().control?.revision).toBe(4);
  });

  it('rejects a malformed control push with its field and keeps what it shows', async () => {
    const { bridge, store, log } = await setup({ control: controlAt(1, '席位 A') });
    bridge.pushControl({ revision: 2, displays: [{ displayId: '1', holder: { viewId: 'x' }, request: null }] });
    expect(store.getState().control?.revision).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('displays.0.holder'));
  });

  it('keeps the newest picture of each display and refuses one that is not a JPEG data URL', async () => {
    const { bridge, store, log } = await setup();
    bridge.pushThumbnail(thumbnail('1', '2024-05-01T08:00:05.000Z'));
    bridge.pushThumbnail(thumbnail('2', '2024-05-01T08:00:06.000Z'));
    bridge.pushThumbnail(thumbnail('1', '2024-05-01T08:00:03.000Z')); // late, older
    expect(store.getState().thumbnails['1']?.at).toBe('2024-05-01T08:00:05.000Z');
    expect(store.getState().thumbnails['2']?.at).toBe('2024-05-01T08:00:06.000Z');
    bridge.pushThumbnail({ ...thumbnail('1', '2024-05-01T08:00:09.000Z'), dataUrl: 'javascript:alert(1)' });
    expect(store.getState().thumbnails['1']?.at).toBe('2024-05-01T08:00:05.000Z');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('dataUrl'));
  });
});
