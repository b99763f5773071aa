import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ViewPort } from './hostedCore';
import type { ViewWindowSpec } from '../core/viewServing/viewPlan';

// A BrowserWindow stand-in: the recovery logic runs for real, Electron does not.
const created: FakeWindow[] = [];
class FakeContents extends EventEmitter {
  static nextId = 1;
  id = FakeContents.nextId++;
  sent: [string, unknown][] = [];
  reloads = 0;
  crashedByUs = 0;
  crashed = false;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  reload() {
    this.reloads += 1;
    this.crashed = false;
  }
  forcefullyCrashRenderer() {
    this.crashedByUs += 1;
  }
  isDestroyed() {
    return false;
  }
  isCrashed() {
    return this.crashed;
  }
}
class FakeWindow extends EventEmitter {
  webContents = new FakeContents();
  url = '';
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    created.push(this);
  }
  loadURL(url: string) {
    this.url = url;
    return Promise.resolve();
  }
  show() {}
  setBounds() {}
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
}
vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { ViewWindows } = await import('./viewWindows');

const wall: ViewWindowSpec = { viewId: 'wall-2', role: 'wall', displayId: '2', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
const consoleSpec: ViewWindowSpec = { viewId: 'console', role: 'console', displayId: '1', bounds: { x: 160, y: 40, width: 1600, height: 1000 } };

function setup() {
  const attached = new Map<string, ViewPort>();
  const detached: string[] = [];
  const core = {
    attachView: (port: ViewPort) => void attached.set(port.id, port),
    detachView: (id: string) => void (detached.push(id), attached.delete(id)),
    handleCall: async () => undefined,
    on: () => () => undefined,
  };
  const consoleClosed = vi.fn();
  const windows = new ViewWindows({ core, preloadPath: '/app/preload.cjs', log: () => undefined, onConsoleClosed: consoleClosed });
  windows.apply([wall, consoleSpec]);
  const [wallWindow, consoleWindow] = created.slice(-2) as [FakeWindow, FakeWindow];
  return { windows, attached, detached, wallWindow, consoleWindow, consoleClosed };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ViewWindows', () => {
  it('opens a borderless, sandboxed wall window on its display and a framed console', () => {
    const { wallWindow, consoleWindow } = setup();
    expect(wallWindow.url).toBe('app://views/index.html?role=wall&display=2&view=wall-2');
    expect(wallWindow.options).toMatchObject({ x: 1920, y: 0, width: 1920, height: 1080, frame: false });
    expect(wallWindow.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, backgroundThrottling: false, preload: '/app/preload.cjs' });
    expect(consoleWindow.options).toMatchObject({ frame: true });
  });

  it('attaches a view when its page commits and pushes to that window', () => {
    const { windows, attached, wallWindow } = setup();
    wallWindow.webContents.emit('did-navigate');
    expect(windows.viewIdOfWebContents(wallWindow.webContents.id)).toBe('wall-2');
    attached.get('wall-2')!.send('outbox:changed', []);
    expect(wallWindow.webContents.sent).toEqual([['outbox:changed', []]]);
  });

  it('reloads a crashed view, then attaches it again; pushes in between go nowhere', () => {
    const { attached, detached, wallWindow } = setup();
    wallWindow.webContents.emit('did-navigate');
    const oldPort = attached.get('wall-2')!;
    wallWindow.webContents.crashed = true;
    wallWindow.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(detached).toEqual(['wall-2']);
    oldPort.send('outbox:changed', []);
    expect(wallWindow.webContents.sent).toEqual([]);
    vi.advanceTimersByTime(499);
    expect(wallWindow.webContents.reloads).toBe(0);
    vi.advanceTimersByTime(1);
    expect(wallWindow.webContents.reloads).toBe(1);
    wallWindow.webContents.emit('did-navigate');
    expect(attached.get('wall-2')).not.toBe(oldPort);
  });

  it('backs off when a view keeps crashing', () => {
    const { wallWindow } = setup();
    for (const expectedDelay of [500, 1000, 2000]) {
      wallWindow.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
      const before = wallWindow.webContents.reloads;
      vi.advanceTimersByTime(expectedDelay - 1);
      expect(wallWindow.webContents.reloads).toBe(before);
      vi.advanceTimersByTime(1);
      expect(wallWindow.webContents.reloads).toBe(before + 1);
    }
  });

  it('kills and reloads a view hung for 5 s, but not one that recovers in time', () => {
    const { wallWindow } = setup();
    wallWindow.emit('unresponsive');
    vi.advanceTimersByTime(4_000);
    wallWindow.emit('responsive');
    vi.advanceTimersByTime(10_000);
    expect(wallWindow.webContents.crashedByUs).toBe(0);

    wallWindow.emit('unresponsive');
    vi.advanceTimersByTime(5_000);
    expect(wallWindow.webContents.crashedByUs).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(wallWindow.webContents.reloads).toBe(1);
  });

  it('reopens a wall window closed by hand; closing the console ends the app', () => {
    const { wallWindow, consoleWindow, consoleClosed } = setup();
    const count = created.length;
    wallWindow.emit('closed');
    vi.advanceTimersByTime(1_000);
    expect(created.length).toBe(count + 1);
    expect(created.at(-1)!.url).toContain('view=wall-2');
    consoleWindow.emit('closed');
    expect(consoleClosed).toHaveBeenCalledOnce();
  });
});
