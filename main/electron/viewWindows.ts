import { BrowserWindow } from 'electron';
import { DisplayThumbnailSchema } from '../../shared/view/pushSchemas';
import type { BridgePush, BridgePushes, ViewRole } from '../../shared/view/viewChannel';
import type { DisplayThumbnail } from '../../shared/wall/control';
import { appViewUrl } from './appOrigin';
import type { HostedCore, ViewPort } from './hostedCore';
import type { ViewWindowSpec } from '../core/viewServing/viewPlan';


export interface ViewWindowsOptions {
  core: HostedCore;
  preloadPath: string;
  log: (line: string) => void;
  /** A renderer hung this long is killed and reloaded. */
  unresponsiveReloadMs?: number;
  /** The operator closed the console: main.ts ends the app. */
  onConsoleClosed: () => void;
}

interface ManagedView {
  spec: ViewWindowSpec;
  window: BrowserWindow;
  port: ElectronViewPort | null;
  reloadTimer: NodeJS.Timeout | null;
  hangTimer: NodeJS.Timeout | null;
  recentCrashes: number[];
}

const CRASH_WINDOW_MS = 60_000;
const MAX_RELOAD_DELAY_MS = 10_000;

/** The console's live miniature, as the browser shell takes it (`browser-shell/wallThumbnails.ts`). */
export const THUMBNAIL_INTERVAL_MS = 3_000;
const THUMBNAIL_WIDTH = 480;
/** JPEG quality; a picture too big for the push (DisplayThumbnailSchema) is encoded again at the fallback. */
const THUMBNAIL_QUALITIES = [50, 25];
/** A hung renderer never paints: give up on it for this round. */
const CAPTURE_TIMEOUT_MS = 2_500;
const THUMBNAIL_FAILURE_LOG_EVERY_MS = 60_000;

/**
 * The windows are views: one per wall display plus the console. A view that crashes, hangs, or
 * stops acknowledging is reloaded; when its page has loaded it attaches to the core again and
 * its `view:hello` brings back the whole state.
 */
export class ViewWindows {
  private readonly views = new Map<string, ManagedView>();
  private quitting = false;
  private capturing = false;
  private readonly thumbnailFailureLoggedAt = new Map<string, number>();

  constructor(private readonly options: ViewWindowsOptions) {}

  viewIdOfWebContents(webContentsId: number): string | undefined {
    for (const view of this.views.values()) {
      if (!view.window.isDestroyed() && view.window.webContents.id === webContentsId) return view.spec.viewId;
    }
    return undefined;
  }

  /** Safety net for the IPC path: a call from a window whose view is not attached attaches it. */
  ensureAttached(viewId: string): void {
    const view = this.views.get(viewId);
    if (view && !view.port && !view.window.isDestroyed()) this.attach(view);
  }

  /** Makes the open windows match `specs`: closes the unwanted, moves the kept, opens the new. */
  apply(specs: ViewWindowSpec[]): void {
    const wanted = new Map(specs.map((s) => [s.viewId, s]));
    for (const [viewId, view] of this.views) {
      if (wanted.has(viewId)) continue;
      this.views.delete(viewId);
      this.dispose(view);
      view.window.destroy();
    }
    for (const spec of specs) {
      const view = this.views.get(spec.viewId);
      if (!view) this.open(spec);
      else {
        view.spec = spec;
        if (spec.role === 'wall') view.window.setBounds(spec.bounds);
      }
    }
  }

  /** Kills a hung renderer and reloads it (core's `view-unresponsive`, or the hang timer). */
  recover(viewId: string, why: string): void {
    const view = this.views.get(viewId);
    if (!view || view.window.isDestroyed()) return;
    this.options.log(`view ${viewId}: ${why}; reloading`);
    this.detach(view);
    view.window.webContents.forcefullyCrashRenderer();
    this.scheduleReload(view);
  }

  /**
   * Captures each wall display's window small, one after another, and hands the pictures to
   * `publish` (the core pushes them to the consoles). A window reloading, crashed or not yet
   * attached is skipped; a failure is logged at most once a minute per display. A call while a
   * round is under way does nothing.
   */
  async captureThumbnails(publish: (thumbnail: DisplayThumbnail) => void): Promise<void> {
    if (this.capturing || this.quitting) return;
    this.capturing = true;
    try {
      for (const view of [...this.views.values()]) {
        if (view.spec.role !== 'wall' || !isShowingPage(view)) continue;
        try {
          publish(await withTimeout(thumbnailOf(view), CAPTURE_TIMEOUT_MS));
        } catch (error) {
          const now = Date.now();
          if (now - (this.thumbnailFailureLoggedAt.get(view.spec.displayId) ?? -Infinity) < THUMBNAIL_FAILURE_LOG_EVERY_MS) continue;
          this.thumbnailFailureLoggedAt.set(view.spec.displayId, now);
          this.options.log(`thumbnail of display ${view.spec.displayId} failed (logged once a minute): ${(error as Error).message}`);
        }
      }
    } finally {
      this.capturing = false;
    }
  }

  closeAll(): void {
    this.quitting = true;
    for (const view of this.views.values()) {
      this.dispose(view);
      if (!view.window.isDestroyed()) view.window.destroy();
    }
    this.views.clear();
  }

  private open(spec: ViewWindowSpec): void {
    const isWall = spec.role === 'wall';
    const window = new BrowserWindow({
      ...spec.bounds,
      frame: !isWall,
      show: false,
      backgroundColor: '#000000',
      autoHideMenuBar: true,
      resizable: !isWall,
      movable: !isWall,
      title: isWall ? `Wall ${spec.displayId}` : 'Command Wall console',
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        backgroundThrottling: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        preload: this.options.preloadPath,
      },
    });
    const view: ManagedView = { spec, window, port: null, reloadTimer: null, hangTimer: null, recentCrashes: [] };
    this.views.set(spec.viewId, view);
    this.watch(view);
    window.once('ready-to-show', () => window.show());
    void window.loadURL(appViewUrl(spec.role, spec.displayId, spec.viewId));
  }

  private watch(view: ManagedView): void {
    const { window } = view;
    const contents = window.webContents;
    const { log } = this.options;
    // Attach when the new document commits, before its scripts can call `view:hello`.
    contents.on('did-navigate', () => this.attach(view));
    contents.on('render-process-gone', (_event, details) => {
      this.detach(view);
      if (details.reason === 'clean-exit' || this.quitting) return;
      log(`view ${view.spec.viewId}: renderer gone (${details.reason}, exit ${details.exitCode})`);
      this.scheduleReload(view);
    });
    window.on('unresponsive', () => {
      if (view.hangTimer) return;
      const ms = this.options.unresponsiveReloadMs ?? 5_000;
      view.hangTimer = setTimeout(() => {
        view.hangTimer = null;
        this.recover(view.spec.viewId, `unresponsive for ${ms} ms`);
      }, ms);
    });
    window.on('responsive', () => clearTimer(view, 'hangTimer'));
    window.on('closed', () => {
      this.dispose(view);
      if (this.quitting || this.views.get(view.spec.viewId) !== view) return;
      this.views.delete(view.spec.viewId);
      // A wall window closed by hand comes back; closing the console ends the app.
      if (view.spec.role === 'console') this.options.onConsoleClosed();
      else setTimeout(() => !this.quitting && !this.views.has(view.spec.viewId) && this.open(view.spec), 1_000);
    });
  }

  private scheduleReload(view: ManagedView): void {
    if (view.reloadTimer || this.quitting) return;
    const now = Date.now();
    view.recentCrashes = [...view.recentCrashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    // Back off when a view keeps crashing, so a poisoned page cannot spin the machine.
    const delay = Math.min(500 * 2 ** (view.recentCrashes.length - 1), MAX_RELOAD_DELAY_MS);
    view.reloadTimer = setTimeout(() => {
      view.reloadTimer = null;
      if (!view.window.isDestroyed()) view.window.webContents.reload();
    }, delay);
  }

  private attach(view: ManagedView): void {
    this.detach(view);
    const port = new ElectronViewPort(view.spec, view.window, (reason) => {
      this.options.log(`view ${view.spec.viewId}: port closed by core (${reason})`);
      this.detach(view);
      this.scheduleReload(view);
    });
    view.port = port;
    this.options.core.attachView(port);
  }

  private detach(view: ManagedView): void {
    if (!view.port) return;
    view.port.closed = true;
    view.port = null;
    this.options.core.detachView(view.spec.viewId);
  }

  private dispose(view: ManagedView): void {
    clearTimer(view, 'reloadTimer');
    clearTimer(view, 'hangTimer');
    this.detach(view);
  }
}

/** The window shows its page: not destroyed, crashed, loading or waiting to reload, and attached. */
function isShowingPage(view: ManagedView): boolean {
  if (view.window.isDestroyed() || view.port === null || view.reloadTimer !== null) return false;
  const contents = view.window.webContents;
  return !contents.isDestroyed() && !contents.isCrashed() && !contents.isLoading();
}

async function thumbnailOf(view: ManagedView): Promise<DisplayThumbnail> {
  const picture = await view.window.webContents.capturePage();
  if (picture.isEmpty()) throw new Error('the window has not painted yet');
  const small = picture.resize({ width: THUMBNAIL_WIDTH, quality: 'good' });
  const { width, height } = small.getSize();
  for (const quality of THUMBNAIL_QUALITIES) {
    const dataUrl = `data:image/jpeg;base64,${small.toJPEG(quality).toString('base64')}`;
    const thumbnail = { displayId: view.spec.displayId, dataUrl, at: new Date().toISOString(), width, height };
    if (DisplayThumbnailSchema.safeParse(thumbnail).success) return thumbnail;
  }
  throw new Error(`the picture is too large for a thumbnail even at JPEG quality ${THUMBNAIL_QUALITIES.at(-1)}`);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no picture within ${ms} ms (renderer busy or hung)`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function clearTimer(view: ManagedView, key: 'reloadTimer' | 'hangTimer'): void {
  const timer = view[key];
  if (timer) clearTimeout(timer);
  view[key] = null;
}

/** Pushes to one window over IPC; silent once its renderer is gone or the port is closed. */
class ElectronViewPort implements ViewPort {
  readonly id: string;
  readonly role: ViewRole;
  readonly displayId: string;
  closed = false;

  constructor(
    spec: ViewWindowSpec,
    private readonly window: BrowserWindow,
    private readonly onClose: (reason: string) => void,
  ) {
    this.id = spec.viewId;
    this.role = spec.role;
    this.displayId = spec.displayId;
  }

  send<K extends BridgePush>(channel: K, payload: BridgePushes[K]): void {
    if (this.closed || this.window.isDestroyed()) return;
    const contents = this.window.webContents;
    if (contents.isDestroyed() || contents.isCrashed()) return;
    contents.send(channel, payload);
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(reason);
  }
}
