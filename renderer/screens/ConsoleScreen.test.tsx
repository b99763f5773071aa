// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findPreset } from '../../shared/wall/presets';
import { mount, settle, stubResizeObserver, type Mounted } from '../console/mountForTest';
import { initI18n } from '../i18n';
import { connectWallStore } from '../stores/connectWallStore';
import { useWallStore } from '../stores/wallStore';
import { FakeBridge } from '../testing/fakeBridge';
import { ConsoleScreen } from './ConsoleScreen';

let view: Mounted | null = null;
beforeAll(() => {
  initI18n('zh-CN');
  stubResizeObserver(900);
});
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('the console', () => {
  it('greets main with its desk name and shows it in the header, with the miniature, palette, search and preset bar', async () => {
    const bridge = new FakeBridge();
    bridge.layoutState = { layout: findPreset('daily')!.layout, mode: 'preset', presetId: 'daily', revision: 1, canvas: { width: 1920, height: 1080, slices: [{ displayId: '1', x: 0, y: 0, width: 1920, height: 1080 }] } };
    bridge.controlState = { revision: 1, displays: [{ displayId: '1', holder: null, request: null }] };
    bridge.query = async () => []; // no districts, no cameras: this test is about the screen's parts
    const connection = connectWallStore(bridge, useWallStore, { desk: '指挥席' });
    await connection.ready;
    view = await mount(<ConsoleScreen />, bridge);
    await settle();
    expect(bridge.helloDesks).toEqual(['指挥席']);
    expect(view.container.querySelector('[data-testid="console-desk"]')!.textContent).toBe('指挥席');
    for (const part of ['[data-miniature]', '[data-palette-entry="cameras-9"]', 'form[role="search"]', 'button[data-preset="daily"]', '[data-control-display="1"]']) {
      expect(view.container.querySelector(part), part).not.toBeNull();
    }
    connection.stop();
  });

  it('leaves out the wall tools where main runs no layout service', async () => {
    const bridge = new FakeBridge();
    useWallStore.setState({ layout: null, control: null });
    const connection = connectWallStore(bridge, useWallStore);
    await connection.ready;
    view = await mount(<ConsoleScreen />, bridge);
    expect(view.container.querySelector('[data-miniature]')).toBeNull();
    expect(view.container.querySelector('[data-palette-entry]')).toBeNull();
    expect(view.container.querySelector('[data-testid="dispatch-button"], .panel--desk')).not.toBeNull();
    connection.stop();
  });
});
