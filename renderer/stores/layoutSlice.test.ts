import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { LayoutState } from '../../shared/view/viewChannel';
import { findPreset } from '../../shared/wall/presets';
import { DEFAULT_CANVAS } from '../../shared/wall/profile';
import { FakeBridge } from '../testing/fakeBridge';
import { connectWallStore } from './connectWallStore';
import { wallStoreInitializer, type WallStore } from './wallStore';

const stateOf = (presetId: string, revision: number): LayoutState => ({
  layout: findPreset(presetId)!.layout,
  mode: 'preset',
  presetId,
  revision,
  canvas: DEFAULT_CANVAS,
});

async function setup() {
  const bridge = new FakeBridge();
  const store = createStore<WallStore>()(wallStoreInitializer);
  const log = vi.fn();
  const connection = connectWallStore(bridge, store, { log });
  await connection.ready;
  return { bridge, store, log };
}

describe('layout slice', () => {
  it('has no layout when main sends none (the wall then shows its overview)', async () => {
    const { store } = await setup();
    expect(store.getState().layout).toBeNull();
  });

  it('takes pushed layouts, and ignores one older than what it shows', async () => {
    const { bridge, store } = await setup();
    bridge.pushLayout(stateOf('emergency', 4));
    expect(store.getState().layout?.presetId).toBe('emergency');
    bridge.pushLayout(stateOf('daily', 3));
    expect(store.getState().layout?.presetId).toBe('emergency');
    bridge.pushLayout(stateOf('replay', 5));
    expect(store.getState().layout?.presetId).toBe('replay');
  });

  it('rejects a malformed layout push with its field and keeps the layout', async () => {
    const { bridge, store, log } = await setup();
    bridge.pushLayout(stateOf('daily', 1));
    const bad = structuredClone(stateOf('emergency', 2)) as unknown as { layout: { cells: { panel: { kind: string } }[] } };
    bad.layout.cells[0]!.panel.kind = 'weather';
    bridge.pushLayout(bad);
    expect(store.getState().layout?.presetId).toBe('daily');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('layout.cells.0.panel.kind'));
  });
});
