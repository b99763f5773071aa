// The packaged shape of the app in real Electron: windows on app://, window.wall from the
// preload, no Node in the page, navigation refused. Runs only where the Electron binary is
// installed (it is never downloaded); elsewhere it is skipped and says why.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { WallBridge } from '../../shared/view/bridge';
import { findElectronBinary } from '../../main/electron/electronBinary';
import { REPO_ROOT, startTestHub, tempDir, type TestHub } from '../support/hub';
import { waitUntil } from '../support/ports';

const electronBinary = findElectronBinary(REPO_ROOT);
const SKIP_REASON = 'Electron binary not installed; skipped';
if (!electronBinary) console.log(SKIP_REASON);

let hub: TestHub | undefined;
let app: ElectronApplication | undefined;
let wallDir: string | undefined;

afterAll(async () => {
  await app?.close();
  await hub?.close();
  if (wallDir) fs.rmSync(wallDir, { recursive: true, force: true });
});

async function firstWallWindow(electron: ElectronApplication): Promise<Page> {
  let wall: Page | undefined;
  await waitUntil(() => (wall = electron.windows().find((w) => w.url().includes('role=wall'))) !== undefined, 'a wall window', 30_000);
  return wall!;
}

describe('Electron shell', () => {
  it('opens the views on app:// with window.wall and nothing of Node', async (context) => {
    if (!electronBinary) return context.skip(SKIP_REASON);
    execFileSync(process.execPath, ['scripts/build.mjs', '--electron'], { cwd: REPO_ROOT, stdio: 'inherit' });
    hub = await startTestHub();
    wallDir = tempDir('electron-wall-');
    app = await _electron.launch({
      executablePath: electronBinary,
      args: [REPO_ROOT],
      env: { ...(process.env as Record<string, string>), WALL_HUB_URL: hub.url, WALL_USERNAME: 'city-duty', WALL_PASSWORD: 'demo', WALL_DATA_DIR: wallDir },
    });
    const wall = await firstWallWindow(app);
    expect(wall.url()).toMatch(/^app:\/\/views\/index\.html\?/);
    await waitUntil(() => wall.evaluate(() => document.body.dataset.ready === '1'), 'the wall view ready', 30_000);

    const page = await wall.evaluate(() => ({
      shell: (window as unknown as { wall?: WallBridge }).wall?.shell,
      bridgeKeys: Object.keys((window as unknown as { wall?: WallBridge }).wall ?? {}).sort(),
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
    }));
    expect(page).toEqual({
      shell: 'electron',
      bridgeKeys: ['ackUpdate', 'controlPlayer', 'hello', 'listOutbox', 'onLinkStatus', 'onOutbox', 'onUpdate', 'query', 'shell', 'submitCommand'],
      hasRequire: false,
      hasProcess: false,
    });

    // Navigation off app:// is refused; the view stays where it was.
    await wall.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(wall.url()).toMatch(/^app:\/\//);

    // A path escaping the renderer folder is not served.
    const escaped = await wall.evaluate(async () => (await fetch('app://views/..%2f..%2fpackage.json')).status);
    expect(escaped).toBe(404);
  }, 120_000);
});
