// The indicator board as a person at the wall sees it: the real hub (demo data, simulator
// publishing all 1,500 indicators every second), the real wall core, the browser shell, and the
// built views (tests/support/globalSetup.ts builds dist/renderer) opening one board full-screen
// through main.tsx's `?panel=indicators&settings=<JSON>`, in Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIndicators } from '../../hub/catalog/indicators';
import { startHub, type RunningHub } from '../../hub/server';
import { valuePast } from '../../hub/simulator/indicatorSampler';
import { startBrowserShell, type BrowserShell } from '../../main/browser-shell/browserShell';
import { silentLogger } from '../../main/core/logger';
import { loadWallConfig } from '../../main/core/wallConfig';
import { createWallCore, type WallCore } from '../../main/core/wallCore';
import { REPO_ROOT, tempDir } from '../support/hub';
import { waitUntil } from '../support/ports';

// Screenshots go to tests/.artifacts; `UPDATE_SCREENSHOTS=1` refreshes the one in docs/.
const shotDir = process.env.UPDATE_SCREENSHOTS ? path.join(REPO_ROOT, 'docs/screenshots') : path.join(REPO_ROOT, 'tests/.artifacts/screenshots');
const BOARD = 'ecology';

let hub: RunningHub;
let core: WallCore;
let browser: Browser;
let shell: BrowserShell;
let page: Page;
const dirs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const rendererDir = path.join(REPO_ROOT, 'dist/renderer');
  const hubDir = tempDir('indicator-board-hub-');
  const wallDir = tempDir('indicator-board-wall-');
  dirs.push(hubDir, wallDir);
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: hubDir, demo: true, simulator: true, seed: 7, logger: false, hlsEager: false });
  const config = loadWallConfig({ WALL_HUB_URL: hub.url, WALL_USERNAME: 'city-duty', WALL_PASSWORD: 'demo', WALL_DATA_DIR: wallDir });
  core = createWallCore({ ...config, logger: silentLogger });
  await core.start();
  shell = await startBrowserShell({ core, hubUrl: hub.url, rendererDir, openWindows: false, log: () => undefined });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  const settings = encodeURIComponent(JSON.stringify({ board: BOARD }));
  await page.goto(`${shell.url}/index.html?role=wall&display=1&view=indicators-e2e&panel=indicators&settings=${settings}`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await shell?.close();
  await core?.stop();
  await hub?.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Value text of the first `n` tiles in the normal band (on screen), by indicator id. */
async function firstValues(n: number): Promise<Record<string, string>> {
  return page.evaluate((count) => {
    const tiles = [...document.querySelectorAll<HTMLElement>('.ind-band--rest [data-indicator-id]')].slice(0, count);
    return Object.fromEntries(tiles.map((t) => [t.dataset.indicatorId!, t.querySelector('[data-role="value"]')!.textContent!]));
  }, n);
}

/** Appends samples stamped in the future: the reducer keeps the newest `at`, so the simulator's own samples cannot overwrite them. */
async function holdIndicator(id: string, value: number): Promise<void> {
  await hub.appendSystemEvent({ type: 'indicator.samples', samples: [{ id, value, at: new Date(Date.now() + 120_000).toISOString() }] });
}

describe('indicator board (real hub, core, shell)', () => {
  const catalog = loadIndicators(1).filter((i) => i.board === BOARD);

  it('shows the whole board with values that change every second', async () => {
    await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('生态景观 · 体征指标');
    await waitUntil(async () => Object.values(await firstValues(12)).every((v) => v !== '–'), 'tiles showing values', 20_000, 100);
    // The whole board is counted; one page of whole tiles is on screen, the rest paged.
    await expect(page.getByText(`指标 ${catalog.length}`).count()).resolves.toBe(1);
    const onScreen = await page.locator('[data-indicator-id]').count();
    expect(onScreen).toBeGreaterThanOrEqual(40);
    await expect(page.locator('.ind-band--rest .ind-band__page').textContent()).resolves.toMatch(new RegExp(`^第 1/${Math.ceil(catalog.length / onScreen)} 页$`));
    const first = await firstValues(12);
    let changed = 0;
    await waitUntil(async () => {
      const now = await firstValues(12);
      changed = Object.keys(first).filter((id) => now[id] !== undefined && now[id] !== first[id]).length;
      return changed >= 3;
    }, 'values moving between two reads', 10_000, 250);
    expect(changed).toBeGreaterThanOrEqual(3);
    // A tile names its indicator in Chinese, with its measure.
    const tile = page.locator(`[data-indicator-id="${Object.keys(first)[0]}"]`);
    const definition = catalog.find((i) => i.id === Object.keys(first)[0])!;
    await expect(tile.locator('.ind-tile__metric').textContent()).resolves.toBe(definition.name.split(' ').pop());
    if (definition.measure) await expect(tile.locator('.ind-tile__measure').textContent()).resolves.toBe(definition.measure);
  });

  it('moves an indicator pushed past its alarm threshold to the top, with the alarm icon and word', async () => {
    const target = catalog[catalog.length - 1]!; // last in catalog order: off screen until it alarms
    const alarmsBefore = Number((await page.getByTestId('count-alarm').textContent())?.match(/\d+/)?.[0]);
    await holdIndicator(target.id, valuePast(target, true));
    const tile = page.locator(`.ind-band--attention [data-indicator-id="${target.id}"]`);
    await tile.waitFor({ timeout: 10_000 });
    await expect(tile.getAttribute('data-state')).resolves.toBe('alarm');
    await expect(tile.locator('.ind-state').textContent()).resolves.toBe('告警');
    await expect(tile.locator('[data-icon="alarm"]').count()).resolves.toBe(1);
    // The tile mounts first; its value is written on the next animation frame.
    await waitUntil(async () => (await tile.locator('[data-role="value"]').textContent()) !== '–', 'the alarm value written', 2_000, 50);
    expect(await tile.isVisible()).toBe(true);
    await waitUntil(async () => Number((await page.getByTestId('count-alarm').textContent())?.match(/\d+/)?.[0]) === alarmsBefore + 1, 'alarm count up by one', 5_000, 100);
  });

  it('flags an indicator whose samples stopped, while the rest keep moving', async () => {
    const [stoppedId] = Object.keys(await firstValues(1));
    const definition = catalog.find((i) => i.id === stoppedId)!;
    const normal = definition.thresholds.direction === 'above' ? definition.thresholds.warn - 1 : definition.thresholds.warn + 1;
    await holdIndicator(stoppedId!, normal);
    const tile = page.locator(`[data-indicator-id="${stoppedId}"]`);
    const badge = tile.locator('[data-role="stale"]');
    await badge.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await badge.textContent()).toMatch(/^数据停滞 1\d s$/);
    await expect(tile.getAttribute('data-stale')).resolves.toBe('true');
    // Its neighbours are fresh.
    const neighbour = page.locator('.ind-band--rest [data-indicator-id]').nth(1);
    await expect(neighbour.getAttribute('data-stale')).resolves.toBe('false');
    await page.screenshot({ path: path.join(fs.mkdirSync(shotDir, { recursive: true }) ?? shotDir, `indicators-${BOARD}.png`) });
  }, 60_000);

  it('has no serious or critical accessibility findings, and no page errors', async () => {
    await page.evaluate(fs.readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      return (await axe.run()).violations;
    });
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    expect(serious).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
