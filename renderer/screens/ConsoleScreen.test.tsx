// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import { findPreset } from '../../shared/wall/presets';
import { mount, settle, stubResizeObserver, type Mounted } from '../console/mountForTest';
import { initI18n } from '../i18n';
import { connectWallStore } from '../stores/connectWallStore';
import { useWallStore } from '../stores/wallStore';
import { FakeBridge, reported } from '../testing/fakeBridge';
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

describe('the inbox on the console', () => {
  const street = { code: '500103001', level: 'street' as const, name: '解放碑街道' };

  async function showConsoleAt(unit: typeof street | null) {
    const bridge = new FakeBridge().withSampleUnits();
    useWallStore.setState({ layout: null, control: null });
    if (unit) bridge.helloOverrides = { role: 'console', unit, user: { username: 's500103001-duty', roles: ['duty'] } };
    bridge.helloState = reduceEvents(emptyWallState(), [
      reported(1, 'fire-1', 1, '解放碑商圈火情'),
      { seq: 2, ts: '2024-05-01T09:00:00.000+08:00', type: 'task.dispatched', taskId: 't1', incidentId: 'fire-1', state: 'dispatched', by: 'd500103-duty', fromUnit: '500103', toUnit: '500103001' },
    ]);
    const connection = connectWallStore(bridge, useWallStore);
    await connection.ready;
    view = await mount(<ConsoleScreen />, bridge);
    return { bridge, connection };
  }

  it('leads a street’s main column, above its incidents, with the task dispatched to it', async () => {
    const { connection } = await showConsoleAt(street);
    const main = view!.container.querySelector('.console__main')!;
    expect(main.firstElementChild!.querySelector('[data-testid="inbox"]')).not.toBeNull();
    expect(main.querySelector('[data-testid="inbox"] [data-testid="inbox-task"][data-task-id="t1"]')!.getAttribute('data-state')).toBe('dispatched');
    expect(view!.container.querySelector('.console__side [data-testid="inbox"]')).toBeNull();
    expect(view!.container.querySelector('[data-testid="inbox-banner"]')).toBeNull(); // the first snapshot rings nothing
    connection.stop();
  });

  it('sits beside the task list at the city, whose main column keeps its incident desk', async () => {
    const { connection } = await showConsoleAt(null); // the fake's hello: a city duty officer
    expect(view!.container.querySelector('.console__main')!.firstElementChild!.classList.contains('panel--desk')).toBe(true);
    expect(view!.container.querySelector('.console__side [data-testid="inbox"]')).not.toBeNull();
    expect(view!.container.querySelector('.console__side .panel--task-list')).not.toBeNull();
    connection.stop();
  });
});
