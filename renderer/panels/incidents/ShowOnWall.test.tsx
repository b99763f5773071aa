// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reduceEvents } from '../../../shared/state/reduceEvents';
import { emptyWallState } from '../../../shared/state/wallState';
import { findPreset } from '../../../shared/wall/presets';
import { DEFAULT_CANVAS } from '../../../shared/wall/profile';
import { BridgeCallError } from '../../bridge/webSocketBridge';
import { mount, settle, type Mounted } from '../../console/mountForTest';
import { initI18n } from '../../i18n';
import { useWallStore } from '../../stores/wallStore';
import { FakeBridge, reported } from '../../testing/fakeBridge';
import { IncidentDeskPanel } from './index';

let view: Mounted | null = null;
beforeAll(() => initI18n('zh-CN'));
afterEach(() => {
  view?.unmount();
  view = null;
});

const layoutOf = (focusIncidentId?: string) => ({
  layout: findPreset('daily')!.layout,
  ...(focusIncidentId ? { mode: 'focus' as const, focusIncidentId } : { mode: 'preset' as const, presetId: 'daily' }),
  revision: 1,
  canvas: DEFAULT_CANVAS,
});

function showIncidents() {
  useWallStore.setState({
    wall: reduceEvents(emptyWallState(), [reported(1, 'fire-1', 1, '解放碑商圈人群聚集'), reported(2, 'tree-2', 4, '行道树倒伏')]),
    layout: layoutOf(),
    session: { viewId: 'console-b', role: 'console', displayId: '1', user: null, unit: null, hubUrl: '', desk: '席位 B' },
    control: { revision: 1, displays: [{ displayId: '1', holder: { viewId: 'console-a', desk: '席位 A', since: '2024-05-01T08:00:00.000Z' }, request: null }] },
  });
}

const row = (id: string) => view!.container.querySelector<HTMLElement>(`[data-incident-id="${id}"]`)!;

describe('show on wall, from the console’s incident list', () => {
  it('asks main to focus the wall on the row’s incident, and marks the row the wall is focused on', async () => {
    showIncidents();
    const bridge = new FakeBridge();
    bridge.layoutState = layoutOf('tree-2');
    view = await mount(<IncidentDeskPanel />, bridge);
    expect(row('fire-1').dataset.onWall).toBeUndefined();
    await settle(() => row('tree-2').querySelector<HTMLButtonElement>('[data-testid="show-on-wall"]')!.click());
    expect(bridge.layoutEdits).toEqual([{ call: 'focusIncident', incidentId: 'tree-2' }]);
    await settle(() => useWallStore.setState({ layout: layoutOf('tree-2') }));
    expect(row('tree-2').dataset.onWall).toBe('true');
    expect(row('tree-2').textContent).toContain('大屏聚焦中');
    expect(row('tree-2').querySelector('[data-testid="show-on-wall"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(row('fire-1').dataset.onWall).toBeUndefined();
  });

  it('keeps the severity filter, and says who holds the wall when main refuses', async () => {
    showIncidents();
    const bridge = new FakeBridge();
    bridge.refuseNextCall(new BridgeCallError('conflict', 'display 1 is controlled by 席位 A'));
    view = await mount(<IncidentDeskPanel />, bridge);
    await settle(() => view!.container.querySelector<HTMLButtonElement>('[data-testid="filter-severity-1"]')!.click());
    expect([...view.container.querySelectorAll<HTMLElement>('[data-incident-id]')].map((r) => r.dataset.incidentId)).toEqual(['fire-1']);
    await settle(() => row('fire-1').querySelector<HTMLButtonElement>('[data-testid="show-on-wall"]')!.click());
    expect(view.container.querySelector('[data-testid="incident-focus-error"]')!.textContent).toBe('操作被拒绝：显示屏 1 由 席位 A 控制。可在“大屏控制”中请求移交。');
  });
});
