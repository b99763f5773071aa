// The real hub, the real wall core and the browser shell on a two-display wall profile
// (2 × 1920×1080 side by side), with its views in Debian's Chromium: what the layout tests drive.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHub, type RunningHub } from '../../hub/server';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browserShell';
import { silentLogger } from '../../main/core/logger';
import { loadWallConfig } from '../../main/core/wallConfig';
import { createWallCore, type WallCore } from '../../main/core/wallCore';
import type { WallDisplay } from '../../main/core/viewServing/wallDisplays';
import { REPO_ROOT, SHARED_CLIPS_DIR, tempDir } from '../support/hub';
import { waitUntil } from '../support/ports';

export const TWO_DISPLAYS: WallDisplay[] = [
  { id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  { id: '2', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
];

export interface LayoutWall {
  hub: RunningHub;
  core: WallCore;
  shell: BrowserShell;
  browser: Browser;
  page(viewId: 'wall-1' | 'wall-2' | 'console'): Page;
  /** The layout id a page shows once it is ready (`<body data-layout>`), or null. */
  shownLayout(viewId: 'wall-1' | 'wall-2' | 'console'): Promise<string | null>;
  close(): Promise<void>;
}

/** One wall installation (core + browser shell + its views) logged in to a hub as one centre. */
export interface WallInstance {
  core: WallCore;
  shell: BrowserShell;
  page(viewId: string): Page;
  /** The layout id a page shows once it is ready (`<body data-layout>`), or null. */
  shownLayout(viewId: string): Promise<string | null>;
  close(): Promise<void>;
}

export interface WallInstanceOptions {
  hubUrl: string;
  browser: Browser;
  /** The centre's account (demo password). Default `city-duty`. */
  username?: string;
  displays?: WallDisplay[];
  /** See `startLayoutWall`. */
  video?: boolean;
}

/**
 * A wall core and browser shell for one centre, its views in `browser`: several of them on one
 * hub are several centres' halls (the city's, a district's, a street's).
 */
export async function startWallInstance(options: WallInstanceOptions): Promise<WallInstance> {
  const wallDir = tempDir('wall-instance-');
  const config = loadWallConfig({ WALL_HUB_URL: options.hubUrl, WALL_USERNAME: options.username ?? 'city-duty', WALL_PASSWORD: 'demo', WALL_DATA_DIR: wallDir });
  const core = createWallCore({ ...config, logger: silentLogger });
  await core.start();
  const displays = options.displays ?? TWO_DISPLAYS;
  const shell = await startBrowserShell({
    core,
    hubUrl: options.hubUrl,
    rendererDir: path.join(REPO_ROOT, 'dist/renderer'),
    displays,
    openWindows: true,
    browser: options.browser,
    log: () => {},
  });
  const viewIds = [...displays.map((d) => `wall-${d.id}`), 'console'];
  if (!options.video) {
    for (const viewId of viewIds) {
      await shell.windows?.pageOf(viewId)?.context().route(`${options.hubUrl}/hls/**`, (route) => route.abort());
    }
  }
  const page = (viewId: string): Page => {
    const found = shell.windows?.pageOf(viewId);
    if (!found) throw new Error(`no page for ${viewId}`);
    return found;
  };
  const shownLayout = async (viewId: string): Promise<string | null> => {
    const p = shell.windows?.pageOf(viewId);
    if (!p || p.isClosed()) return null;
    return p.evaluate(() => (document.body.dataset.ready === '1' ? (document.body.dataset.layout ?? null) : null));
  };
  for (const viewId of viewIds) {
    await waitUntil(async () => (await shownLayout(viewId)) !== null, `${viewId} showing a layout`, 60_000, 100);
  }
  return {
    core,
    shell,
    page,
    shownLayout,
    async close() {
      await shell.close().catch(() => {});
      await core.stop().catch(() => {});
      fs.rmSync(wallDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium for the views; `webgl` renders through SwiftShader (no GPU here) for the 3D scene. */
export const launchChromium = (options: { webgl?: boolean } = {}) =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', ...(options.webgl ? ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'] : ['--disable-gpu']), '--autoplay-policy=no-user-gesture-required'],
  });

/**
 * `video: false` (the default) answers the views' HLS requests with an error: the layout tests
 * need camera cells and their ids, not decoded video, and on a 2-core machine sixteen software
 * decoders would starve the end-to-end files running beside them. `npm run screenshots` plays it.
 */
export async function startLayoutWall(options: { simulator: boolean; seed?: number; video?: boolean }): Promise<LayoutWall> {
  const hubDir = tempDir('wall-layout-hub-');
  const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: hubDir, demo: true, simulator: options.simulator, seed: options.seed ?? 7, logger: false, hlsEager: false, clipsDir: SHARED_CLIPS_DIR });
  const browser = await launchChromium();
  const wall = await startWallInstance({ hubUrl: hub.url, browser, ...(options.video !== undefined ? { video: options.video } : {}) });
  return {
    hub,
    core: wall.core,
    shell: wall.shell,
    browser,
    page: wall.page,
    shownLayout: wall.shownLayout,
    async close() {
      await wall.close();
      await browser.close().catch(() => {});
      await hub.close().catch(() => {});
      fs.rmSync(hubDir, { recursive: true, force: true });
    },
  };
}

/**
 * Records, inside a page, when `<body data-layout>` next becomes `layoutId` (epoch ms: the pages
 * and the test share the machine's clock). `attempt` tells repeated watches of one id apart.
 */
export async function watchLayout(page: Page, layoutId: string, attempt = 0): Promise<() => Promise<number | null>> {
  const key = `${layoutId}#${attempt}`;
  await page.evaluate(
    ({ target, key }) => {
      const w = window as unknown as { layoutSeenAt?: Record<string, number> };
      const seen = (w.layoutSeenAt ??= {});
      const observer = new MutationObserver(() => {
        if (document.body.dataset.layout !== target) return;
        seen[key] = Date.now();
        observer.disconnect();
      });
      observer.observe(document.body, { attributes: true, attributeFilter: ['data-layout'] });
    },
    { target: layoutId, key },
  );
  return () => page.evaluate((k) => (window as unknown as { layoutSeenAt?: Record<string, number> }).layoutSeenAt?.[k] ?? null, key);
}
