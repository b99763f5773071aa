import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { DisplayBounds } from '../core/viewServing/wallDisplays';

export interface ChromiumViewTarget {
  viewId: string;
  url: string;
  bounds: DisplayBounds;
  /** Wall views go full screen on their display; the console stays an ordinary window. */
  fullscreen: boolean;
}

export interface ChromiumViewsOptions {
  /** A browser to open the views in (tests inject one); otherwise Chromium is launched and owned. */
  browser?: Browser;
  chromiumPath?: string;
  headless?: boolean;
  log: (line: string) => void;
}

interface WatchedView {
  target: ChromiumViewTarget;
  context: BrowserContext;
  page: Page | null;
  recoveries: number;
  recentCrashes: number[];
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const CRASH_WINDOW_MS = 60_000;
const MAX_REOPEN_DELAY_MS = 10_000;

/**
 * The browser shell's views as Chromium pages, each in its own context, with the watchdog Electron
 * has in `ViewWindows`: a page that crashes or is closed is replaced by a fresh one, which
 * connects again and gets the whole state from `view:hello`.
 */
export class ChromiumViews {
  private readonly views = new Map<string, WatchedView>();
  private closing = false;

  private constructor(
    private readonly browser: Browser,
    private readonly ownsBrowser: boolean,
    private readonly headless: boolean,
    private readonly log: (line: string) => void,
  ) {}

  static async open(targets: ChromiumViewTarget[], options: ChromiumViewsOptions): Promise<ChromiumViews> {
    const headless = options.headless ?? true;
    const browser =
      options.browser ??
      (await chromium.launch({
        executablePath: options.chromiumPath ?? DEFAULT_CHROMIUM_PATH,
        headless,
        args: [
          '--no-sandbox',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--autoplay-policy=no-user-gesture-required',
          '--hide-crash-restore-bubble',
          // Views must keep drawing when covered or unfocused, like Electron's backgroundThrottling: false.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
          ...(headless ? ['--disable-gpu', '--enable-unsafe-swiftshader'] : []),
        ],
      }));
    const views = new ChromiumViews(browser, !options.browser, headless, options.log);
    for (const target of targets) await views.add(target);
    return views;
  }

  /** The page currently showing a view (a new one after each recovery). */
  pageOf(viewId: string): Page | undefined {
    return this.views.get(viewId)?.page ?? undefined;
  }

  recoveries(viewId: string): number {
    return this.views.get(viewId)?.recoveries ?? 0;
  }

  /** Replaces a view's page (the core saw it stop acknowledging). */
  recover(viewId: string, why: string): void {
    const view = this.views.get(viewId);
    if (view?.page) this.replace(view, view.page, why);
  }

  async close(): Promise<void> {
    this.closing = true;
    const contexts = [...this.views.values()].map((v) => v.context.close().catch(() => undefined));
    this.views.clear();
    await Promise.all(contexts);
    if (this.ownsBrowser) await this.browser.close().catch(() => undefined);
  }

  private async add(target: ChromiumViewTarget): Promise<void> {
    const viewport = this.headless ? { width: target.bounds.width, height: target.bounds.height } : null;
    const context = await this.browser.newContext({ viewport });
    const view: WatchedView = { target, context, page: null, recoveries: 0, recentCrashes: [] };
    this.views.set(target.viewId, view);
    await this.openPage(view);
  }

  private async openPage(view: WatchedView): Promise<void> {
    if (this.closing) return;
    const page = await view.context.newPage();
    view.page = page;
    page.on('crash', () => this.replace(view, page, 'renderer crashed'));
    page.on('close', () => this.replace(view, page, 'window closed'));
    if (!this.headless) await this.place(page, view.target);
    await page.goto(view.target.url).catch((error: Error) => this.log(`view ${view.target.viewId}: load failed: ${error.message}`));
  }

  private replace(view: WatchedView, page: Page, why: string): void {
    if (this.closing || view.page !== page) return;
    view.page = null;
    view.recoveries += 1;
    const now = Date.now();
    view.recentCrashes = [...view.recentCrashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    // The first recovery is immediate; a view that keeps dying backs off.
    const n = view.recentCrashes.length;
    const delay = n <= 1 ? 0 : Math.min(500 * 2 ** (n - 2), MAX_REOPEN_DELAY_MS);
    this.log(`view ${view.target.viewId}: ${why}; opening it again${delay ? ` in ${delay} ms` : ''}`);
    void page.close().catch(() => undefined);
    setTimeout(() => {
      this.openPage(view).catch((error: Error) => this.log(`view ${view.target.viewId}: reopen failed: ${error.message}`));
    }, delay);
  }

  /** Puts a visible window on its display (CDP), full screen for wall views. */
  private async place(page: Page, target: ChromiumViewTarget): Promise<void> {
    try {
      const cdp = await page.context().newCDPSession(page);
      const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
      const { x, y, width, height } = target.bounds;
      await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: x, top: y, width, height, windowState: 'normal' } });
      if (target.fullscreen) await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'fullscreen' } });
      await cdp.detach();
    } catch (error) {
      this.log(`view ${target.viewId}: could not place window: ${(error as Error).message}`);
    }
  }
}
