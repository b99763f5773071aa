// Electron entry (bundled to dist/electron/main.cjs by scripts/build.mjs). Config arrives in the
// environment from scripts/start.mjs; the wall core does the work, this file only hosts it.
import path from 'node:path';
import { app, ipcMain, screen, session, type Display } from 'electron';
import { loadWallConfig } from '../core/wallConfig';
import { createWallCore } from '../core/wallCore';
import { registerAppScheme, serveAppProtocol } from './appProtocol';
import { registerBridgeIpc } from './bridgeIpc';
import { buildContentSecurityPolicy } from '../core/viewServing/contentSecurityPolicy';
import { guardAllWebContents, hardenSession } from './sessionHardening';
import { chooseWallDisplays, readWallProfile, toWallProfile, type ScreenDisplay } from '../core/viewServing/wallDisplays';
import { planViewWindows } from '../core/viewServing/viewPlan';
import { THUMBNAIL_INTERVAL_MS, ViewWindows } from './viewWindows';

const log = (line: string): void => console.log(`[electron] ${line}`);

registerAppScheme();
// Walls never get a user gesture: alert tones (new task, overdue) must sound anyway.
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
if (!app.requestSingleInstanceLock()) {
  log('another instance owns this wall; exiting');
  app.quit();
} else {
  main().catch((error: unknown) => {
    console.error('[electron] start failed:', error);
    app.exit(1);
  });
}

async function main(): Promise<void> {
  guardAllWebContents(app, log);
  await app.whenReady();

  const config = loadWallConfig(process.env);
  const core = createWallCore(config);
  const hubUrl = config.hubUrl;
  // __dirname is dist/electron in the bundle, inside app.asar when packaged.
  const rendererDir = path.join(__dirname, '..', 'renderer');
  const preloadPath = path.join(__dirname, 'preload.cjs');

  const ses = session.defaultSession;
  hardenSession(ses, log);
  serveAppProtocol(ses, rendererDir, buildContentSecurityPolicy({ hubOrigin: hubUrl, mediaOrigins: config.mediaOrigins ?? [] }));

  const windows = new ViewWindows({ core, preloadPath, log, onConsoleClosed: () => app.quit() });
  const unregisterIpc = registerBridgeIpc(ipcMain, core, windows, log);
  core.on('view-unresponsive', (view) => windows.recover(view.viewId, `stopped acknowledging updates (${view.reason})`));
  await core.start();

  const profile = readWallProfile(process.env.WALL_PROFILE, log);
  const placeWindows = (): void => {
    const screens = screen.getAllDisplays().map((d) => toScreenDisplay(d, screen.getPrimaryDisplay().id));
    const operator = screens.find((s) => s.primary) ?? screens[0];
    if (!operator) return;
    const wall = chooseWallDisplays(screens, profile);
    // Hot-plug: the canvas is planned over the displays present now; a removed display's cells
    // spread over the others and come back with it.
    core.setWallProfile(toWallProfile(wall, profile));
    windows.apply(planViewWindows(wall, operator));
  };
  placeWindows();
  const onScreensChanged = (change: string) => (): void => {
    log(`screens changed (${change}); placing windows again`);
    placeWindows();
  };
  screen.on('display-added', onScreensChanged('display added'));
  screen.on('display-removed', onScreensChanged('display removed'));
  screen.on('display-metrics-changed', onScreensChanged('display moved or resized'));

  // the console's live miniature: wall pictures only while a console is there to see them
  const thumbnailTimer = setInterval(() => {
    if (core.consolesAttached() > 0) void windows.captureThumbnails((thumbnail) => core.publishThumbnail(thumbnail));
  }, THUMBNAIL_INTERVAL_MS);

  app.on('second-instance', () => log('a second instance was started and refused'));
  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    clearInterval(thumbnailTimer);
    windows.closeAll();
    unregisterIpc();
    void core
      .stop()
      .catch((error: unknown) => console.error('[electron] core stop failed:', error))
      .finally(() => app.quit());
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

function toScreenDisplay(display: Display, primaryId: number): ScreenDisplay {
  return { id: String(display.id), bounds: display.bounds, primary: display.id === primaryId };
}
