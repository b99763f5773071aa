// `npm run screenshots:city`: the 3D city scene (preset 城市态势) on a two-display wall
// (2 × 1920×1080) with the demo hub and its simulator (fixed seed), driven as an officer at the
// wall would: the whole city, then a click on 渝中区, then a click on one of its streets. Each
// picture is both wall pages side by side, so a seam between the displays would show:
// docs/screenshots/city3d-city.png, city3d-district.png, city3d-street.png.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHub } from '../hub/server';
import { startBrowserShell } from '../main/browser-shell/browserShell';
import { createLogger } from '../main/core/logger';
import { loadWallConfig } from '../main/core/wallConfig';
import { createWallCore } from '../main/core/wallCore';
import { buildRenderer, rendererIsStale } from './build.mjs';
import { saveCanvas } from './stitchCanvas';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs/screenshots');
/** After a level is drawn: the camera flight (1.5 s), buildings and markers arriving. */
const settleMs = Number(process.env.SCREENSHOT_SETTLE_MS ?? 8000);
const DISTRICT = { code: '500103', name: '渝中区' };
/** The street to open: 解放碑 when the hub names one so and it can be clicked, else the first 渝中区 street labelled. */
const STREET_NAME = '解放碑';
const displays = [
  { id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  { id: '2', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
];
const WALLS = ['wall-1', 'wall-2'];

async function main(): Promise<void> {
  if (rendererIsStale()) await buildRenderer();
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-city-'));
  const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: path.join(dataDir, 'hub'), demo: true, simulator: true, seed: 7, logger: false, hlsEager: false, clipsDir: path.join(os.tmpdir(), 'command-wall-test-hls-clips') });
  const config = loadWallConfig({ WALL_HUB_URL: hub.url, WALL_DATA_DIR: path.join(dataDir, 'wall') });
  const core = createWallCore({ ...config, logger: createLogger({ level: 'warn' }) });
  await core.start();
  // WebGL through SwiftShader: no GPU on the machines this runs on.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--mute-audio'] });
  const shell = await startBrowserShell({ core, hubUrl: hub.url, rendererDir: path.join(root, 'dist/renderer'), displays, openWindows: true, browser, log: () => {} });
  const page = (viewId: string): Page => shell.windows!.pageOf(viewId)!;
  const walls = () => WALLS.map(page);

  try {
    for (const viewId of [...WALLS, 'console']) await page(viewId).context().route(`${hub.url}/hls/**`, (route) => route.abort());
    await page('console').waitForSelector('button[data-preset="city"]', { timeout: 60_000 });
    await page('console').click('button[data-preset="city"]');
    for (const wall of walls()) await wall.waitForFunction(() => document.body.dataset.layout === 'city', undefined, { timeout: 30_000 });

    await sceneShows(walls(), '500000');
    await save(browser, walls(), 'city3d-city.png');

    await clickArea(walls(), (label) => label.code === DISTRICT.code);
    await sceneShows(walls(), DISTRICT.code);
    await save(browser, walls(), 'city3d-district.png');

    // The district's camera, team and risk markers crowd its streets: off while choosing one, as an officer would, on again in the street.
    const crowding = ['cameras', 'teams', 'risks'];
    await switchLayers(walls(), crowding, false);
    const street = await clickArea(walls(), (label, all) => (all.some((l) => l.at !== null && l.name.includes(STREET_NAME)) ? label.name.includes(STREET_NAME) : label.visible));
    await sceneShows(walls(), street, { buildings: true });
    await switchLayers(walls(), crowding, true);
    await new Promise((r) => setTimeout(r, settleMs));
    await save(browser, walls(), 'city3d-street.png');
    console.log(`screenshots in ${path.relative(root, outDir)}`);
  } finally {
    await shell.close();
    await browser.close();
    await core.stop();
    await hub.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Both walls show `unit`'s scene, loaded, drawn at least once, and then settled. */
async function sceneShows(walls: Page[], unit: string, options: { buildings?: boolean } = {}): Promise<void> {
  for (const wall of walls) {
    await wall.waitForFunction(
      ({ unit, buildings }) => {
        const scene = document.querySelector<HTMLElement>('.scene3d');
        return scene?.dataset.sceneUnit === unit && scene.dataset.sceneStatus === 'ready' && Number(scene.dataset.sceneFrames ?? 0) > 0 && (!buildings || Number(scene.dataset.sceneBuildings ?? 0) > 0);
      },
      { unit, buildings: options.buildings ?? false },
      { timeout: 60_000 },
    );
  }
  await new Promise((r) => setTimeout(r, settleMs));
}

/** Switches scene layers through the layer manager (on whichever display shows it) and waits for both walls to follow. */
async function switchLayers(walls: Page[], layers: string[], on: boolean): Promise<void> {
  for (const layer of layers) {
    const switchSelector = `.layer-manager button[data-layer="${layer}"]`;
    let wall = await pageShowing(walls, switchSelector);
    if (!wall) {
      // The layer list folds away behind its disclosure button.
      const disclosure = await pageShowing(walls, '.layer-manager__disclosure');
      if (!disclosure) throw new Error('no layer manager on either display');
      await clickIn(disclosure, '.layer-manager__disclosure');
      wall = await pageShowing(walls, switchSelector);
      if (!wall) throw new Error(`no ${layer} switch`);
    }
    const checked = await wall.evaluate((selector) => document.querySelector(selector)?.getAttribute('aria-checked'), switchSelector);
    if (checked !== String(on)) await clickIn(wall, switchSelector);
    for (const w of walls) await w.waitForFunction(({ selector, on }) => document.querySelector(selector)?.getAttribute('aria-checked') === String(on), { selector: switchSelector, on }, { timeout: 10_000 });
  }
}

/** The wall page on whose display `selector` lies (the wall pages never scroll: a locator click would scroll one). */
async function pageShowing(walls: Page[], selector: string): Promise<Page | null> {
  for (const wall of walls) {
    const shown = await wall.evaluate((selector) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return !!r && r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
    }, selector);
    if (shown) return wall;
  }
  return null;
}

async function clickIn(wall: Page, selector: string): Promise<void> {
  const r = await wall.evaluate((selector) => {
    const rect = document.querySelector(selector)!.getBoundingClientRect();
    return [rect.left + rect.width / 2, rect.top + rect.height / 2] as const;
  }, selector);
  await wall.mouse.click(r[0], r[1]);
}

interface ShownLabel {
  code: string;
  name: string;
  visible: boolean;
  /** Centre in the page's pixels (null: not on this display, or under an overlay). */
  at: [number, number] | null;
}

/**
 * Clicks the first area `pick` chooses, where its label stands (the area's own point; labels let
 * clicks through to the canvas) on whichever display shows it: a real click through the scene's
 * picking, the cell's settings and main's layout push. Returns the area's code once the scene
 * shows it. An incident marker over the spot takes the click instead (the camera flies to the
 * incident, closer in): then it clicks the area again from there.
 */
async function clickArea(walls: Page[], pick: (label: ShownLabel, all: ShownLabel[]) => boolean): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = await clickLabel(walls, pick);
    const opened = await walls[0]!
      .waitForFunction((code) => document.querySelector<HTMLElement>('.scene3d')?.dataset.sceneUnit === code, code, { timeout: 4000 })
      .then(() => true)
      .catch(() => false);
    if (opened) return code;
    console.log(`a marker took the click on ${code}; clicking again from closer`);
    await new Promise((r) => setTimeout(r, 2000)); // the flight to the incident
  }
  throw new Error('the area never opened');
}

async function clickLabel(walls: Page[], pick: (label: ShownLabel, all: ShownLabel[]) => boolean): Promise<string> {
  for (const wall of walls) {
    const labels = await wall.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-area-label]')].map((el) => {
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        // On this display and not under the breadcrumb, legend or layer manager: the click reaches the canvas.
        const onScreen = r.width > 0 && x >= 0 && y >= 0 && x < window.innerWidth && y < window.innerHeight && document.elementFromPoint(x, y)?.tagName === 'CANVAS';
        return { code: el.dataset.areaLabel!, name: el.textContent ?? '', visible: el.style.visibility === 'visible', at: onScreen ? ([x, y] as [number, number]) : null };
      }),
    );
    const chosen = labels.filter((l) => l.at !== null).find((l) => pick(l, labels));
    if (!chosen) continue;
    await wall.mouse.click(chosen.at![0], chosen.at![1]);
    console.log(`clicked ${chosen.name} (${chosen.code})`);
    return chosen.code;
  }
  throw new Error('no area to click on either display');
}

/** Both wall pages side by side, into docs/screenshots. */
const save = (browser: Browser, walls: Page[], name: string) => saveCanvas(browser, walls, path.join(outDir, name), root);

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
