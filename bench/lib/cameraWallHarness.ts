// The camera wall end to end, for its e2e test and its benchmark: the real hub (loop-clip cameras,
// clips cached in the shared test dir), the real wall core, the browser shell serving the
// standalone camera page (built here with esbuild), and the camera list from the hub.
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CameraList, type Camera } from '../../shared/protocol/cameras';
import { startHub, type RunningHub } from '../../hub/server';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browserShell';
import { silentLogger } from '../../main/core/logger';
import { loadWallConfig } from '../../main/core/wallConfig';
import { createWallCore, type WallCore } from '../../main/core/wallCore';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Encoded loop clips shared with the other tests (tests/support/hub.ts SHARED_CLIPS_DIR). */
export const SHARED_CLIPS_DIR = path.join(tmpdir(), 'command-wall-test-hls-clips');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--autoplay-policy=no-user-gesture-required', '--mute-audio', '--enable-precise-memory-info'];

const page = (script: string) => `<!doctype html>
<html lang="zh-CN" translate="no"><head><meta charset="UTF-8" /><link rel="icon" href="data:," />
<link rel="stylesheet" href="./${script}.css" /><title>cameras</title></head>
<body><div id="root"></div><script type="module" src="./${script}.js"></script></body></html>`;

/**
 * `index.html`: the standalone camera cells (`renderer/panels/cameras/standaloneEntry.tsx`);
 * `plain.html`: N plain hls.js players with default settings (`bench/camerasPlainPage.ts`).
 */
export async function buildCameraWallPages(outDir: string): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: { wall: 'renderer/panels/cameras/standaloneEntry.tsx', plain: 'bench/camerasPlainPage.ts' },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(outDir, 'index.html'), page('wall'));
  fs.writeFileSync(path.join(outDir, 'plain.html'), page('plain'));
  if (!fs.existsSync(path.join(outDir, 'plain.css'))) fs.writeFileSync(path.join(outDir, 'plain.css'), '');
}

export interface CameraWallStack {
  hub: RunningHub;
  core: WallCore;
  shell: BrowserShell;
  /** Cameras in the duty officer's scope, in the hub's order. */
  cameras(limit: number): Promise<Camera[]>;
  /** The standalone camera page as the wall view `wall-1`. */
  wallUrl(params: Record<string, string>): string;
  plainUrl(): string;
  close(): Promise<void>;
}

export async function startCameraWallStack(log: (line: string) => void = () => undefined): Promise<CameraWallStack> {
  const dirs = await Promise.all(['camera-wall-hub-', 'camera-wall-core-', 'camera-wall-pages-'].map((prefix) => mkdtemp(path.join(tmpdir(), prefix))));
  const [hubDir, coreDir, pagesDir] = dirs as [string, string, string];
  const undo: (() => Promise<unknown>)[] = [() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))];
  const close = async () => {
    for (const step of undo.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    await buildCameraWallPages(pagesDir);
    const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: hubDir, demo: true, simulator: false, logger: false, hlsEager: true, clipsDir: SHARED_CLIPS_DIR });
    undo.push(() => hub.close());
    const config = loadWallConfig({ WALL_HUB_URL: hub.url, WALL_USERNAME: 'city-duty', WALL_PASSWORD: 'demo', WALL_DATA_DIR: coreDir });
    const core = createWallCore({ ...config, logger: silentLogger });
    await core.start();
    undo.push(() => core.stop());
    const shell = await startBrowserShell({ core, hubUrl: hub.url, rendererDir: pagesDir, openWindows: false, log });
    undo.push(() => shell.close());

    const token = await login(hub.url);
    const cameras = async (limit: number) => {
      const response = await fetch(`${hub.url}/api/v1/cameras?limit=${limit}`, { headers: { authorization: `Bearer ${token}` } });
      return CameraList.parse(await response.json());
    };
    // clips are encoded (or read from the cache) at start: wait until the hub serves video
    const [first] = await cameras(1);
    await waitFor(async () => (await fetch(first!.hls)).status === 200, 'the hub serving camera playlists', 180_000);

    const viewParams = { role: 'wall', display: '1', view: 'wall-1' };
    return {
      hub,
      core,
      shell,
      cameras,
      wallUrl: (params) => `${shell.url}/index.html?${new URLSearchParams({ ...viewParams, panel: 'cameras', ...params })}`,
      plainUrl: () => `${shell.url}/plain.html`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function login(hubUrl: string): Promise<string> {
  const response = await fetch(`${hubUrl}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'city-duty', password: 'demo' }),
  });
  if (!response.ok) throw new Error(`login: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Polls `check` until it holds; on timeout the error carries `lastState()` so a failure says what was seen. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs: number, everyMs = 250, lastState?: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      const seen = lastState ? await lastState().catch((error: unknown) => `unknown (${String(error)})`) : undefined;
      throw new Error(`timed out waiting for ${what}${seen ? `; last seen: ${seen}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
