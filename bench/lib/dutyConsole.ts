// One centre's duty console as the hall runs it: a wall core logged in to the hub as the duty
// officer (WALL_* settings, main/core/wallConfig.ts), its browser shell serving the built views,
// and the console view open in a Chromium page (the caller's browser, its own context).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startBrowserShell } from '../../main/browser-shell/browserShell';
import { silentLogger } from '../../main/core/logger';
import { loadWallConfig } from '../../main/core/wallConfig';
import { createWallCore, type WallCore } from '../../main/core/wallCore';
import { waitUntil } from '../../tests/support/ports';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Headless Chromium as the tests run it, with no throttling of pages that are not in front. */
export const CONSOLE_CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
};

export interface DutyConsole {
  username: string;
  core: WallCore;
  page: Page;
  close(): Promise<void>;
}

export async function openDutyConsole(options: { hubUrl: string; username: string; password: string; browser: Browser }): Promise<DutyConsole> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `bench-console-${options.username}-`));
  const undo: (() => Promise<unknown>)[] = [() => rm(dataDir, { recursive: true, force: true })];
  const close = async () => {
    for (const step of undo.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const config = loadWallConfig({ WALL_HUB_URL: options.hubUrl, WALL_USERNAME: options.username, WALL_PASSWORD: options.password, WALL_DATA_DIR: dataDir });
    const core = createWallCore({ ...config, logger: silentLogger });
    await core.start();
    undo.push(() => core.stop());
    const shell = await startBrowserShell({ core, hubUrl: options.hubUrl, rendererDir: path.join(ROOT, 'dist/renderer'), openWindows: false, log: () => undefined });
    undo.push(() => shell.close());
    const context = await options.browser.newContext({ viewport: { width: 1600, height: 1000 } });
    undo.push(() => context.close());
    // No video here: a camera preview would have the hub encode clips and take the CPU being measured.
    await context.route(`${options.hubUrl}/hls/**`, (route) => route.abort());
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`${options.username} console: ${error.message}`));
    await page.goto(shell.viewUrl('console', '1'));
    await waitUntil(async () => (await page.evaluate('document.body.dataset.ready')) === '1', `${options.username}'s console ready`, 60_000, 100);
    return { username: options.username, core, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
