// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { City3dPanelSettings } from '../../../shared/wall/panels';
import { mount, settle, type Mounted } from '../../console/mountForTest';
import { initI18n } from '../../i18n';
import { emptyWallState } from '../../../shared/state/wallState';
import { FakeBridge } from '../../testing/fakeBridge';
import { useWallStore } from '../../stores/wallStore';
import { LayerManager } from './LayerManager';
import { useSceneNotice } from './sceneNotice';
import { incidentView, taskView } from './testViews';

let view: Mounted | null = null;
beforeAll(() => initI18n('zh-CN'));
afterEach(() => {
  view?.unmount();
  view = null;
  useWallStore.setState({ wall: emptyWallState() });
});

const settings: City3dPanelSettings = { unit: '500000', colorBy: 'incidents', layers: { teams: true } };

async function show(bridge: FakeBridge, unit = '500000', overrides: Partial<City3dPanelSettings> = {}) {
  view = await mount(<LayerManager cellId="scene" settings={{ ...settings, ...overrides }} unit={unit} />, bridge);
  return view.container;
}

const layerSwitch = (root: HTMLElement, layer: string) => root.querySelector<HTMLButtonElement>(`[data-layer="${layer}"]`)!;

describe('LayerManager', () => {
  it('lists every layer with its state; those the level never draws are disabled', async () => {
    const root = await show(new FakeBridge());
    expect(layerSwitch(root, 'incidents').getAttribute('aria-checked')).toBe('true');
    expect(layerSwitch(root, 'teams').getAttribute('aria-checked')).toBe('true');
    expect(layerSwitch(root, 'risks').disabled).toBe(true);
    expect(layerSwitch(root, 'risks').textContent).toContain('本级不显示');
    expect(layerSwitch(root, 'cameras').getAttribute('aria-checked')).toBe('false');
  });

  it('a switch sets the cell’s layers through setCell, keeping the other settings', async () => {
    const bridge = new FakeBridge();
    const root = await show(bridge, '500000', { focusIncidentId: 'inc-9' });
    await settle(() => layerSwitch(root, 'incidents').click());
    expect(bridge.layoutEdits).toEqual([
      { call: 'setCell', cellId: 'scene', panel: { kind: 'city3d', settings: { unit: '500000', colorBy: 'incidents', focusIncidentId: 'inc-9', layers: { teams: true, incidents: false } } } },
    ]);
  });

  it('says when the switch was refused', async () => {
    const bridge = new FakeBridge();
    bridge.refuseNextCall(new Error('display 1 is controlled by desk B'));
    const root = await show(bridge);
    await settle(() => layerSwitch(root, 'tasks').click());
    expect(root.querySelector('[role="status"]')!.textContent).toContain('display 1 is controlled by desk B');
  });

  it('explains what is drawn: the severities and task states on the scene, the risk levels of the level', async () => {
    useWallStore.setState({
      wall: {
        ...emptyWallState(),
        incidents: {
          a: incidentView('a', { severity: 1 }),
          b: incidentView('b', { severity: 3 }),
          closed: incidentView('closed', { severity: 2, status: 'closed' }),
          elsewhere: incidentView('elsewhere', { severity: 4, units: ['500000', '500112'] }),
        },
        tasks: { t: taskView('t', { state: 'accepted', fromUnit: '500103', toUnit: '500103003' }) },
      },
    });
    const root = await show(new FakeBridge(), '500103');
    const legend = (layer: string) => root.querySelector<HTMLElement>(`[data-legend="${layer}"]`);
    expect(legend('incidents')!.textContent).toBe('事件Ⅰ级Ⅲ级');
    expect(legend('incidents')!.querySelectorAll('svg path')).toHaveLength(2);
    expect(legend('tasks')!.textContent).toBe('任务已签收');
    expect(legend('risks')!.textContent).toContain('重大风险');
    expect(legend('risks')!.textContent).not.toContain('较大风险'); // a district shows 重大 only
    expect(legend('cameras')).toBeNull(); // a district's cameras are on request
    expect(legend('teams')!.textContent).toContain('队伍驻地');
  });

  it('leaves out the incident and task groups when nothing of theirs is drawn', async () => {
    const root = await show(new FakeBridge(), '500103');
    expect(root.querySelector('[data-legend="incidents"]')).toBeNull();
    expect(root.querySelector('[data-legend="tasks"]')).toBeNull();
  });

  it('shows the outcome of a camera click', async () => {
    const root = await show(new FakeBridge());
    await settle(() => useSceneNotice.getState().show('noCameraCell', { name: '解放碑01' }));
    expect(root.querySelector('[role="status"]')!.textContent).toBe('当前布局没有摄像头窗口，无法打开 解放碑01');
  });
});
