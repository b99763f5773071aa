import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import type { ViewRole } from '../../shared/view/viewChannel';
import { buildContentSecurityPolicy } from '../core/viewServing/contentSecurityPolicy';
import { planViewWindows, viewIdFor, type ViewWindowSpec } from '../core/viewServing/viewPlan';
import { DEFAULT_DISPLAY_BOUNDS, toWallProfile, type WallDisplay } from '../core/viewServing/wallDisplays';
import { ChromiumViews } from './chromiumViews';
import { isOwnLoopbackHost, isOwnLoopbackOrigin } from './loopbackOrigin';
import { serveRendererRequest } from './rendererHttp';
import { VIEW_SOCKET_PATH, ViewSocketServer, type ShellCore, type ViewSocketStats } from './viewSocket';
import { WallThumbnails, type ThumbnailStats } from './wallThumbnails';

export interface BrowserShellOptions {
  /** The wall core, created and started by the caller (scripts/start.mjs, a test). */
  core: ShellCore;
  /** The hub the views load HLS from: its origin goes into the CSP. */
  hubUrl: string;
  /** Camera platforms' origins the views may also load HLS from (`WallConfig.mediaOrigins`). */
  mediaOrigins?: string[];
  /** Loopback only: the view socket is not meant for other machines. */
  host?: '127.0.0.1';
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer (`dist/renderer`). */
  rendererDir: string;
  /** Wall displays (with their bezels, when known); default one 1920×1080 display with id "1". The core plans its canvas from them. */
  displays?: WallDisplay[];
  /** Open the views in Chromium and keep them alive (the watchdog). */
  openWindows: boolean;
  chromiumPath?: string;
  /** Default: headless when there is no DISPLAY. */
  headless?: boolean;
  /** Open the views in this browser instead of launching Chromium (tests). */
  browser?: Browser;
  log?: (line: string) => void;
}

export interface BrowserShell {
  url: string;
  viewUrl(role: ViewRole, displayId: string): string;
  /** The views this shell hosts: one per wall display plus the console. */
  views: ViewWindowSpec[];
  /** The Chromium windows and their watchdog, when `openWindows`. */
  windows: ChromiumViews | null;
  stats(): ViewSocketStats;
  /** The console's wall thumbnails: what was captured (all zero without windows or a console). */
  thumbnailStats(): ThumbnailStats;
  close(): Promise<void>;
}

/**
 * The wall core hosted in plain Node where no Electron binary exists: the built renderer over
 * HTTP, the bridge over a WebSocket, the views as Chromium pages. Same calls, same checks, same
 * CSP and recovery as the Electron shell.
 */
export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const log = options.log ?? ((line: string) => console.log(`[browser-shell] ${line}`));
  const displays = options.displays?.length ? options.displays : [{ id: '1', bounds: DEFAULT_DISPLAY_BOUNDS }];
  options.core.setWallProfile?.(toWallProfile(displays));
  const sockets = new ViewSocketServer(options.core, log);
  let port = 0;
  let csp = '';
  const server = http.createServer((request, response) =>
    serveRendererRequest(request, response, { rendererDir: options.rendererDir, contentSecurityPolicy: () => csp, port: () => port }),
  );
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const allowed = isOwnLoopbackHost(request.headers.host, port) && isOwnLoopbackOrigin(request.headers.origin, port);
    if (path !== VIEW_SOCKET_PATH || !allowed) {
      log(`upgrade refused: ${path} from origin ${request.headers.origin ?? '(none)'} host ${request.headers.host ?? '(none)'}`);
      socket.end(`HTTP/1.1 ${allowed ? '404 Not Found' : '403 Forbidden'}\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  csp = buildContentSecurityPolicy({
    hubOrigin: options.hubUrl,
    mediaOrigins: options.mediaOrigins ?? [],
    extraConnectSources: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`],
  });
  const url = `http://127.0.0.1:${port}`;
  const viewUrl = (role: ViewRole, displayId: string): string => {
    const query = new URLSearchParams({ role, display: displayId, view: viewIdFor(role, displayId) });
    return `${url}/index.html?${query.toString()}`;
  };
  const views = planViewWindows(displays, displays[0]!);

  let windows: ChromiumViews | null = null;
  if (options.openWindows) {
    const headless = options.headless ?? !process.env.DISPLAY;
    windows = await ChromiumViews.open(
      views.map((v) => ({ viewId: v.viewId, url: viewUrl(v.role, v.displayId), bounds: v.bounds, fullscreen: v.role === 'wall' })),
      { browser: options.browser, chromiumPath: options.chromiumPath, headless, log },
    );
  }
  // while a console is attached, each wall display's page is captured for its live miniature
  const { publishThumbnail, consolesAttached } = options.core;
  const thumbnails =
    windows && publishThumbnail && consolesAttached
      ? new WallThumbnails(
          { publishThumbnail: publishThumbnail.bind(options.core), consolesAttached: consolesAttached.bind(options.core) },
          views.filter((v) => v.role === 'wall').map((v) => ({ displayId: v.displayId, page: () => windows?.pageOf(v.viewId) })),
          log,
        )
      : null;
  thumbnails?.start();
  const offUnresponsive = options.core.on('view-unresponsive', (view) => {
    log(`view ${view.viewId} stopped acknowledging updates (${view.reason})`);
    windows?.recover(view.viewId, 'stopped acknowledging updates');
  });

  return {
    url,
    viewUrl,
    views,
    windows,
    stats: () => sockets.stats(),
    thumbnailStats: () => thumbnails?.stats() ?? { captures: 0, failures: 0, skipped: 0, captureMs: 0, slowestMs: 0 },
    async close() {
      thumbnails?.stop();
      offUnresponsive();
      await windows?.close();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
