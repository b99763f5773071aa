// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { reduceEvents } from '../../shared/state/reduceEvents';
import { emptyWallState } from '../../shared/state/wallState';
import type { City3dPanelSettings } from '../../shared/wall/panels';
import { findPreset } from '../../shared/wall/presets';
import { mount, settle, stubResizeObserver, type Mounted } from '../console/mountForTest';
import { initI18n } from '../i18n';
import { connectWallStore, type WallStoreConnection } from '../stores/connectWallStore';
import { useWallStore } from '../stores/wallStore';
import { FakeBridge, reported, SAMPLE_MAP } from '../testing/fakeBridge';
import type { SceneCanvasProps } from './SceneCanvas';

// The WebGL canvas cannot run in jsdom: a stand-in records what the panel hands it.
const drawn: SceneCanvasProps[] = [];
vi.mock('./SceneCanvas', () => ({
  SceneCanvas: (props: SceneCanvasProps) => {
    drawn.push(props);
    return <div data-testid="scene-canvas" />;
  },
}));
const { City3dPanel } = await import('./index');

const canvas = {
  width: 3840,
  height: 1080,
  slices: [
    { displayId: 'left', x: 0, y: 0, width: 1920, height: 1080 },
    { displayId: 'right', x: 1920, y: 0, width: 1920, height: 1080 },
  ],
};

let view: Mounted | null = null;
let connection: WallStoreConnection | null = null;
let bridge: FakeBridge;
beforeAll(() => {
  initI18n('zh-CN');
  stubResizeObserver(1920);
});
beforeEach(() => {
  drawn.length = 0;
  window.history.replaceState(null, '', '/?role=wall&display=right');
});
afterEach(() => {
  view?.unmount();
  view = null;
  connection?.stop();
  connection = null;
});

async function show(settings: City3dPanelSettings): Promise<HTMLElement> {
  bridge = new FakeBridge().withSampleUnits().withSampleMap();
  const layout = findPreset('city')!.layout;
  bridge.layoutState = { layout, mode: 'preset', presetId: 'city', revision: 1, canvas };
  bridge.helloState = reduceEvents(emptyWallState(), [reported(1, 'i-1', 1, '解放碑火情'), reported(2, 'i-2', 2)]);
  connection = connectWallStore(bridge, useWallStore, { log: () => {} });
  await connection.ready;
  view = await mount(<City3dPanel settings={settings} cellId="scene" />, bridge);
  await settle();
  await settle();
  return view.container;
}

const last = () => drawn[drawn.length - 1]!;
const legendCounts = (root: HTMLElement) => [...root.querySelectorAll<HTMLElement>('.scene3d__legend li')].map((li) => `${li.querySelector('.scene3d__legend-text')!.textContent}:${li.dataset.legendAreas}`);

describe('the 3D city panel', () => {
  it("draws the city's districts, this display's slice of the cell, coloured by open incidents with a legend", async () => {
    const root = await show({ colorBy: 'incidents' });
    expect(root.querySelector('.scene3d')?.getAttribute('data-scene-status')).toBe('ready');
    expect(last().areas.map((a) => a.code)).toEqual(['500103', '500106']);
    expect(last().level).toBe('city');
    // The right display draws the right part of the full-width cell, from the cell's corner.
    expect(last().view).toMatchObject({ fullWidth: 3828, x: 1914, width: 1914 });
    expect(last().colourOf('500103').rank).toBe(1);
    expect(last().colourOf('500106').rank).toBe(0);
    expect(legendCounts(root)).toEqual(['无:1', '1–2 起:1', '3–5 起:0', '6–10 起:0', '11 起以上:0']);
    expect(root.querySelector('.scene3d__legend-title')?.textContent).toBe('未结事件数');
    expect([...root.querySelectorAll('[data-area-label]')].map((l) => l.textContent)).toEqual(['渝中区', '沙坪坝区']);
    expect(root.querySelector('[data-scene-crumb="500000"]')?.textContent).toBe('重庆市');
    expect(root.querySelector('[data-scene-back]')).toBeNull();
  });

  it('opens a district when one is clicked: the cell’s unit changes through setCell, stamped for a shared flight', async () => {
    await show({ colorBy: 'incidents', view: { target: [0, 0], distanceM: 9000, headingDeg: 0, pitchDeg: 50 } });
    await settle(() => last().onSelectArea!(SAMPLE_MAP.areas['500000']![0]!));
    expect(bridge.layoutEdits).toHaveLength(1);
    const edit = bridge.layoutEdits[0]!;
    expect(edit).toMatchObject({ call: 'setCell', cellId: 'scene', panel: { kind: 'city3d', settings: { colorBy: 'incidents', unit: '500103' } } });
    const settings = (edit as { panel: { settings: City3dPanelSettings } }).panel.settings;
    expect(settings.view).toBeUndefined();
    expect(Math.abs(Date.parse(settings.since!) - Date.now())).toBeLessThan(5000);
  });

  it("shows a street's buildings inside its outline, with the breadcrumb back up", async () => {
    const root = await show({ colorBy: 'incidents', unit: '500103001' });
    expect(last().level).toBe('street');
    expect(last().buildings).toHaveLength(6);
    expect(last().outline?.code).toBe('500103001');
    expect(last().onSelectArea).toBeUndefined();
    expect([...root.querySelectorAll('[data-scene-crumb]')].map((c) => c.textContent)).toEqual(['重庆市', '渝中区', '解放碑街道']);
    await settle(() => root.querySelector<HTMLButtonElement>('[data-scene-back]')!.click());
    expect(bridge.layoutEdits[0]).toMatchObject({ panel: { settings: { unit: '500103' } } });
    await settle(() => root.querySelector<HTMLButtonElement>('button[data-scene-crumb="500000"]')!.click());
    expect(bridge.layoutEdits[1]).toMatchObject({ panel: { settings: { unit: '500000' } } });
  });

  it('flies to an incident clicked on the map, names it, and lets it go', async () => {
    await show({ colorBy: 'incidents', unit: '500103' });
    await settle(() => last().onFocusIncident('i-1'));
    expect(bridge.layoutEdits[0]).toMatchObject({ panel: { settings: { unit: '500103', focusIncidentId: 'i-1' } } });
    view!.unmount();
    view = await mount(<City3dPanel settings={{ colorBy: 'incidents', unit: '500103', focusIncidentId: 'i-1' }} cellId="scene" />, bridge);
    await settle();
    expect(view.container.querySelector('.scene3d__focus')?.textContent).toContain('聚焦：解放碑火情');
    expect(last().focusIncidentId).toBe('i-1');
    await settle(() => view!.container.querySelector<HTMLButtonElement>('[data-scene-clear-focus]')!.click());
    const settings = (bridge.layoutEdits[1] as { panel: { settings: City3dPanelSettings } }).panel.settings;
    expect(settings.focusIncidentId).toBeUndefined();
    expect(settings.unit).toBe('500103');
  });

  it('frames the unit again from the breadcrumb after an officer moved the camera', async () => {
    const root = await show({ colorBy: 'incidents', unit: '500103', view: { target: [10, 20], distanceM: 900, headingDeg: 15, pitchDeg: 30 } });
    await settle(() => root.querySelector<HTMLButtonElement>('button[data-scene-crumb="500103"]')!.click());
    const settings = (bridge.layoutEdits[0] as { panel: { settings: City3dPanelSettings } }).panel.settings;
    expect(settings).not.toHaveProperty('view');
    expect(settings.unit).toBe('500103');
  });

  it('says so when main refuses the change (another desk holds the display)', async () => {
    const root = await show({ colorBy: 'incidents' });
    bridge.refuseNextCall(new Error('display right: 值班台 2 holds it'));
    await settle(() => last().onSelectArea!(SAMPLE_MAP.areas['500000']![1]!));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('未能切换：display right: 值班台 2 holds it');
  });
});
