// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ControlState } from '../../shared/wall/control';
import type { LayoutState } from '../../shared/wall/layoutState';
import { findPreset } from '../../shared/wall/presets';
import { BridgeCallError } from '../bridge/webSocketBridge';
import { initI18n } from '../i18n';
import { useCameraDirectory } from '../panels/cameras/cameraDirectory';
import { useWallStore } from '../stores/wallStore';
import { FakeBridge } from '../testing/fakeBridge';
import { CameraSearch } from './CameraSearch';
import { HandoverPrompt } from './ControlBar';
import { byText, dataTransfer, drag, key, mount, settle, stubResizeObserver, type Mounted } from './mountForTest';
import { PanelPalette } from './PanelPalette';
import { usePlacement } from './placement';
import { WallDeskPanel } from './WallDeskPanel';

const daily = findPreset('daily')!.layout;
const layout: LayoutState = {
  layout: { ...daily, cells: daily.cells.map((c) => (c.id === 'cameras' ? { ...c, panel: { kind: 'cameras', settings: { grid: 4, cameraIds: ['cam-1', 'cam-2', 'cam-3'] } } } : c)) },
  mode: 'preset',
  revision: 5,
  canvas: {
    width: 3840,
    height: 1080,
    slices: [
      { displayId: '1', x: 0, y: 0, width: 1920, height: 1080 },
      { displayId: '2', x: 1920, y: 0, width: 1920, height: 1080 },
    ],
  },
};
const since = '2024-05-01T08:00:00.000Z';
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const heldBy = (viewId: string, desk: string) => ({ viewId, desk, since });
const conflict = () => new BridgeCallError('conflict', 'display 1 is controlled by 席位 A');

let bridge: FakeBridge;
let view: Mounted | null = null;

function showConsole(control: ControlState) {
  useWallStore.setState({
    ready: true,
    session: { viewId: 'console-b', role: 'console', displayId: '1', user: null, unit: { code: '500000', level: 'city', name: '重庆市' }, hubUrl: '', desk: '席位 B' },
    layout,
    control,
    thumbnails: { '1': { displayId: '1', dataUrl: 'data:image/jpeg;base64,AAAA', at: inSeconds(-3), width: 480, height: 270 } },
  });
}

const freeControl: ControlState = { revision: 1, displays: [{ displayId: '1', holder: null, request: null }, { displayId: '2', holder: null, request: null }] };

beforeAll(() => {
  initI18n('zh-CN');
  stubResizeObserver(960); // 3840 canvas px → a quarter
});

beforeEach(() => {
  bridge = new FakeBridge();
  bridge.layoutState = layout;
  bridge.controlState = freeControl;
  useCameraDirectory.setState({ status: 'ready', cameras: [], byId: new Map([['cam-1', { id: 'cam-1', name: '解放碑 纪念碑', unit: '500103', location: [106.57, 29.55], hls: 'x' }]]), error: null });
  usePlacement.setState({ picked: null, pickedFrom: null, announcement: null });
});

afterEach(() => {
  view?.unmount();
  view = null;
});

const cellTarget = (cellId: string) => view!.container.querySelector<HTMLElement>(`[data-mini-cell="${cellId}"] [data-drop-target="cell"]`)!;
const slot = (cellId: string, n: number) => view!.container.querySelector<HTMLElement>(`[data-mini-cell="${cellId}"] [data-slot="${n}"]`)!;
const status = () => view!.container.querySelector('[data-testid="placement-status"]')!.textContent;
const alert = () => view!.container.querySelector('[data-testid="placement-error"]')!.textContent;

describe('the live miniature', () => {
  it('draws both displays to scale with holder and latest picture, every cell labelled, camera slots by name', async () => {
    showConsole({ revision: 1, displays: [{ displayId: '1', holder: heldBy('console-a', '席位 A'), request: null }, { displayId: '2', holder: heldBy('console-b', '席位 B'), request: null }] });
    view = await mount(<WallDeskPanel />, bridge);
    const displays = [...view.container.querySelectorAll<HTMLElement>('[data-display-id]')];
    expect(displays.map((d) => [d.dataset.displayId, d.dataset.holding, d.style.left, d.style.width])).toEqual([
      ['1', 'other', '0px', '480px'],
      ['2', 'mine', '480px', '480px'],
    ]);
    expect(displays[0]!.textContent).toContain('席位 A 控制');
    expect(displays[0]!.textContent).toMatch(/画面 [34] 秒前/);
    expect(displays[0]!.querySelector('img')?.getAttribute('src')).toBe('data:image/jpeg;base64,AAAA');
    expect(displays[1]!.textContent).toContain('本席位控制');
    expect(displays[1]!.textContent).toContain('暂无画面');
    const labels = [...view.container.querySelectorAll('[data-mini-cell]')].map((c) => c.querySelector('.mini-cell__label')!.textContent);
    expect(labels).toEqual(['态势概览', '视频 2×2', '事件快报', '指标 · 全部板块', '事件列表', '任务动态']);
    expect([0, 1, 2, 3].map((n) => slot('cameras', n).textContent)).toEqual(['解放碑 纪念碑', 'cam-2', 'cam-3', '空']);
  });

  it('follows the store: a new layout, a new holder, a new picture', async () => {
    showConsole(freeControl);
    view = await mount(<WallDeskPanel />, bridge);
    await settle(() =>
      useWallStore.setState({
        layout: { ...layout, revision: 6, layout: findPreset('emergency')!.layout },
        control: { revision: 2, displays: [{ displayId: '1', holder: null, request: null }, { displayId: '2', holder: heldBy('console-a', '席位 A'), request: null }] },
        thumbnails: { ...useWallStore.getState().thumbnails, '2': { displayId: '2', dataUrl: 'data:image/jpeg;base64,BBBB', at: inSeconds(0), width: 480, height: 270 } },
      }),
    );
    expect([...view.container.querySelectorAll<HTMLElement>('[data-mini-cell]')].map((c) => c.dataset.miniCell)).toEqual(['cameras', 'indicators', 'tasks', 'incidents']);
    expect(view.container.querySelector('[data-display-id="2"]')!.textContent).toContain('席位 A 控制');
    expect(view.container.querySelector('[data-display-id="2"] img')?.getAttribute('src')).toBe('data:image/jpeg;base64,BBBB');
  });
});

describe('putting panels and cameras on the wall', () => {
  it('drags a palette panel onto a cell', async () => {
    showConsole(freeControl);
    view = await mount(<><PanelPalette /><WallDeskPanel /></>, bridge);
    const transfer = dataTransfer();
    drag(byText(view.container, '[data-palette-entry]', '事件快报'), 'dragstart', transfer);
    const over = drag(cellTarget('tasks'), 'dragover', transfer);
    expect(over.defaultPrevented).toBe(true); // the cell accepts it
    await settle(() => drag(cellTarget('tasks'), 'drop', transfer));
    expect(bridge.layoutEdits).toEqual([{ call: 'setCell', cellId: 'tasks', panel: { kind: 'incidents', settings: { view: 'ticker' } } }]);
    expect(status()).toBe('已将 事件快报 放入 单元格「任务动态」');
  });

  it('drags a found camera onto the slot under the drop, and refuses it on a cell without video', async () => {
    showConsole(freeControl);
    bridge.query = async (query) => {
      if (query.kind === 'cameras') return [{ id: 'cam-77', name: '七星岗 东口', unit: '500103001', location: [106.56, 29.55], hls: 'x' }];
      if (query.kind === 'unit') return { code: query.code, name: '七星岗街道', level: 'street', parent: '500103', centroid: [106.56, 29.55] };
      return [];
    };
    view = await mount(<><CameraSearch /><WallDeskPanel /></>, bridge);
    const name = view.container.querySelector<HTMLInputElement>('[data-testid="camera-search-name"]')!;
    await settle(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(name, '七星岗');
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(() => view!.container.querySelector<HTMLButtonElement>('[data-testid="camera-search-submit"]')!.click());
    const result = view.container.querySelector<HTMLElement>('[data-camera-result="cam-77"]')!;
    expect(result.textContent).toContain('七星岗 东口');
    const transfer = dataTransfer();
    drag(result, 'dragstart', transfer);
    expect(drag(cellTarget('indicators'), 'dragover', transfer).defaultPrevented).toBe(false);
    expect(drag(slot('cameras', 3), 'dragover', transfer).defaultPrevented).toBe(true);
    await settle(() => drag(slot('cameras', 3), 'drop', transfer));
    expect(bridge.layoutEdits).toEqual([{ call: 'placeCamera', cellId: 'cameras', cameraId: 'cam-77', slot: 3 }]);
  });

  it('searches by district then street, and near a typed point, listing unit and distance', async () => {
    showConsole(freeControl);
    const asked: unknown[] = [];
    const unit = (code: string, name: string, level: 'district' | 'street') => ({ code, name, level, parent: level === 'district' ? '500000' : code.slice(0, 6), centroid: [106.5, 29.5] });
    bridge.query = async (query) => {
      asked.push(query);
      if (query.kind === 'children') return query.code === '500000' ? [unit('500103', '渝中区', 'district')] : [unit('500103001', '七星岗街道', 'street')];
      if (query.kind === 'unit') return unit(query.code, '七星岗街道', 'street');
      return [{ id: 'cam-5', name: '七星岗 5号', unit: '500103001', location: [106.56, 29.55], hls: 'x' }];
    };
    view = await mount(<CameraSearch />, bridge);
    const choose = async (testId: string, value: string) =>
      settle(() => {
        const select = view!.container.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`)!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await choose('camera-search-district', '500103');
    await choose('camera-search-street', '500103001');
    await choose('camera-search-near', 'typed');
    const point = view.container.querySelector<HTMLInputElement>('[data-testid="camera-search-point"]')!;
    await settle(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(point, '106.55,29.55');
      point.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await settle(() => view!.container.querySelector<HTMLButtonElement>('[data-testid="camera-search-submit"]')!.click());
    expect(asked).toContainEqual({ kind: 'cameras', limit: 50, unit: '500103001', near: [106.55, 29.55] });
    const result = view.container.querySelector('[data-camera-result="cam-5"]')!;
    expect(result.textContent).toContain('七星岗街道');
    expect(result.textContent).toMatch(/· 9\d\d 米$/); // 0.01° of longitude at 29.55° N ≈ 968 m
  });

  it('does the same by keyboard: pick, move between cells with the arrows, place; Escape drops the pick', async () => {
    showConsole(freeControl);
    view = await mount(<><PanelPalette /><WallDeskPanel /></>, bridge);
    const ticker = byText<HTMLButtonElement>(view.container, '[data-palette-entry]', '事件快报');
    await settle(() => ticker.click()); // Enter or Space clicks a focused button
    expect(ticker.getAttribute('aria-pressed')).toBe('true');
    expect(status()).toContain('已选取 事件快报');
    expect(document.activeElement).toBe(cellTarget('overview'));
    await settle(() => key(document.activeElement!, 'ArrowRight'));
    expect(document.activeElement).toBe(cellTarget('cameras'));
    await settle(() => key(document.activeElement!, 'ArrowLeft'));
    await settle(() => key(document.activeElement!, 'ArrowLeft'));
    expect(document.activeElement).toBe(cellTarget('tasks')); // wraps round to the last
    await settle(() => (document.activeElement as HTMLElement).click());
    expect(bridge.layoutEdits).toEqual([{ call: 'setCell', cellId: 'tasks', panel: { kind: 'incidents', settings: { view: 'ticker' } } }]);
    expect(usePlacement.getState().picked).toBeNull();

    await settle(() => ticker.click());
    await settle(() => key(document, 'Escape'));
    expect(usePlacement.getState().picked).toBeNull();
    expect(status()).toBe('已取消放置');
    expect(document.activeElement).toBe(ticker);
  });

  it('makes the slots the keyboard’s targets while a camera is picked', async () => {
    showConsole(freeControl);
    view = await mount(<WallDeskPanel />, bridge);
    expect(slot('cameras', 0).tabIndex).toBe(-1);
    await settle(() => usePlacement.getState().pick({ type: 'camera', cameraId: 'cam-9', name: '九号' }, null));
    expect(slot('cameras', 0).tabIndex).toBe(0);
    slot('cameras', 1).focus();
    await settle(() => slot('cameras', 1).click());
    expect(bridge.layoutEdits).toEqual([{ call: 'placeCamera', cellId: 'cameras', cameraId: 'cam-9', slot: 1 }]);
    // A camera is not put into a cell without video.
    await settle(() => usePlacement.getState().pick({ type: 'camera', cameraId: 'cam-9', name: '九号' }, null));
    await settle(() => cellTarget('indicators').click());
    expect(alert()).toBe('摄像机只能放入视频单元格');
    expect(bridge.layoutEdits).toHaveLength(1);
  });

  it('says who holds the display when main refuses a drop', async () => {
    showConsole({ revision: 3, displays: [{ displayId: '1', holder: heldBy('console-a', '席位 A'), request: null }, { displayId: '2', holder: null, request: null }] });
    view = await mount(<><PanelPalette /><WallDeskPanel /></>, bridge);
    bridge.refuseNextCall(conflict());
    const transfer = dataTransfer();
    drag(byText(view.container, '[data-palette-entry]', '任务态势'), 'dragstart', transfer);
    await settle(() => drag(cellTarget('overview'), 'drop', transfer));
    expect(alert()).toBe('操作被拒绝：显示屏 1 由 席位 A 控制。可在“大屏控制”中请求移交。');
  });
});

describe('control of the displays', () => {
  it('takes a free display, releases its own, asks for another desk’s, and shows its own request counting down', async () => {
    showConsole({
      revision: 2,
      displays: [
        { displayId: '1', holder: heldBy('console-a', '席位 A'), request: null },
        { displayId: '2', holder: heldBy('console-b', '席位 B'), request: null },
        { displayId: '3', holder: null, request: null },
      ],
    });
    view = await mount(<WallDeskPanel />, bridge);
    const row = (id: string) => view!.container.querySelector<HTMLElement>(`[data-control-display="${id}"]`)!;
    await settle(() => row('1').querySelector<HTMLButtonElement>('[data-control-action="request"]')!.click());
    await settle(() => row('2').querySelector<HTMLButtonElement>('[data-control-action="release"]')!.click());
    await settle(() => row('3').querySelector<HTMLButtonElement>('[data-control-action="take"]')!.click());
    await settle(() => view!.container.querySelector<HTMLButtonElement>('[data-control-action="take-all"]')!.click());
    expect(bridge.controlCalls).toEqual([
      { call: 'request', displayIds: ['1'] },
      { call: 'release', displayIds: ['2'] },
      { call: 'take', displayIds: ['3'] },
      { call: 'take', displayIds: ['3'] },
    ]);
    await settle(() => useWallStore.setState({ control: { revision: 3, displays: [{ displayId: '1', holder: heldBy('console-a', '席位 A'), request: { viewId: 'console-b', desk: '席位 B', at: since, grantsAt: inSeconds(12) } }] } }));
    expect(row('1').textContent).toMatch(/已请求 席位 A 移交 · 1[12] 秒后自动移交/);
    expect(row('1').querySelector('[data-control-action="request"]')).toBeNull();
  });

  it('names the holder when taking is refused', async () => {
    showConsole({ revision: 2, displays: [{ displayId: '1', holder: null, request: null }] });
    view = await mount(<WallDeskPanel />, bridge);
    bridge.refuseNextCall(conflict());
    // Between this console's last push and the click, desk A took it.
    await settle(() => useWallStore.setState({ control: { revision: 3, displays: [{ displayId: '1', holder: heldBy('console-a', '席位 A'), request: null }] } }));
    await settle(() => view!.container.querySelector<HTMLButtonElement>('[data-control-action="request"]')!.click());
    expect(alert()).toContain('席位 A');
  });

  it('prompts the holder with the desk, the displays and the countdown; hand over and keep answer main', async () => {
    showConsole({ revision: 4, displays: [{ displayId: '2', holder: heldBy('console-b', '席位 B'), request: { viewId: 'console-c', desk: '席位 C', at: since, grantsAt: inSeconds(18) } }] });
    view = await mount(<HandoverPrompt />, bridge);
    const prompt = view.container.querySelector<HTMLElement>('[data-testid="handover-prompt"]')!;
    expect(prompt.querySelector('[role="alert"]')!.textContent).toBe('席位 C 请求接管显示屏 2');
    expect(prompt.textContent).toMatch(/1[78] 秒后自动移交/);
    await settle(() => prompt.querySelector<HTMLButtonElement>('[data-handover="keep"]')!.click());
    await settle(() => prompt.querySelector<HTMLButtonElement>('[data-handover="grant"]')!.click());
    expect(bridge.controlCalls).toEqual([
      { call: 'answer', grant: false },
      { call: 'answer', grant: true },
    ]);
    // The desk that asked sees no prompt.
    await settle(() => useWallStore.setState({ session: { ...useWallStore.getState().session!, viewId: 'console-c' } }));
    expect(view.container.querySelector('[data-testid="handover-prompt"]')).toBeNull();
  });
});
