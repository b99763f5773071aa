// A 16-tile camera cell on the real hub, core and browser shell, in Debian's Chromium: every tile
// plays its live camera; a camera a trainer takes offline with the hub's test control
// (`POST /api/v1/cameras/:id/feed`: its playlist freezes and a `camera.status` event reaches the
// wall) shows 离线 within seconds, and comes back to 直播 by itself when its feed is live again; a
// camera whose stream stops with no word from the platform (`stalled`: the playlist freezes, no
// event) shows 卡顿 from the stream alone and recovers by itself when segments flow again.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../shared/protocol/cameras';
import { LoginResponse } from '../../shared/protocol/auth';
import { CHROMIUM_ARGS, startCameraWallStack, waitFor, type CameraWallStack } from '../../bench/lib/cameraWallHarness';

interface TileSample {
  camera: string;
  health: string;
  currentTime: number;
  videoHeight: number;
}

let stack: CameraWallStack;
let browser: Browser;
let page: Page;
let cameras: Camera[];
let trainerToken: string;

beforeAll(async () => {
  stack = await startCameraWallStack();
  cameras = await stack.cameras(16);
  const login = await fetch(`${stack.hub.url}/api/v1/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'trainer', password: 'demo' }),
  });
  trainerToken = LoginResponse.parse(await login.json()).token;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(stack.wallUrl({ grid: '16', cameras: cameras.map((c) => c.id).join(',') }));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** The hub's test control, as a trainer in demo mode. */
async function setFeed(cameraId: string, state: 'offline' | 'live' | 'stalled'): Promise<void> {
  const response = await fetch(`${stack.hub.url}/api/v1/cameras/${encodeURIComponent(cameraId)}/feed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${trainerToken}` },
    body: JSON.stringify({ state }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

const sampleTiles = () =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.camera-tile')].map((tile) => {
      const video = tile.querySelector('video')!;
      return { camera: tile.dataset.camera ?? '', health: tile.dataset.health ?? '', currentTime: video.currentTime, videoHeight: video.videoHeight };
    }),
  ) as Promise<TileSample[]>;

const healthOf = async (cameraId: string) => (await sampleTiles()).find((tile) => tile.camera === cameraId)?.health;

describe('camera wall', () => {
  it('plays 16 live cameras in one cell, each tile at a small rendition, every clock advancing', async () => {
    const healthCounts = async () => {
      const counts = new Map<string, number>();
      for (const tile of await sampleTiles()) counts.set(tile.health, (counts.get(tile.health) ?? 0) + 1);
      return [...counts].map(([health, n]) => `${n} ${health}`).join(', ');
    };
    await waitFor(async () => (await sampleTiles()).filter((t) => t.health === 'live').length === 16, '16 tiles live', 45_000, 250, healthCounts);
    const before = await sampleTiles();
    expect(before.map((t) => t.camera)).toEqual(cameras.map((c) => c.id));
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const after = await sampleTiles();
    const advanced = after.map((t, i) => t.currentTime - before[i]!.currentTime);
    console.log(`advanced over 6 s: ${advanced.map((s) => s.toFixed(1)).join(' ')}; heights ${after.map((t) => t.videoHeight).join(' ')}`);
    for (const [i, seconds] of advanced.entries()) expect(seconds, `tile ${i} (${after[i]!.camera})`).toBeGreaterThan(3.5);
    // a 320×180 tile gets the 180p rendition, not 720p
    for (const tile of after) expect(tile.videoHeight).toBeLessThanOrEqual(360);
    const names = await page.locator('.camera-tile__name').allTextContents();
    expect(names).toEqual(cameras.map((c) => c.name));
    expect(await page.locator('.camera-tile .camera-health--live').first().textContent()).toMatch(/直播.*落后 \d+ s/);
  }, 90_000);

  it('shows 卡顿 on a tile whose stream stops with no word from the platform, and returns to 直播 by itself when it resumes', async () => {
    const stalling = cameras[1]!.id;
    await waitFor(async () => (await healthOf(stalling)) === 'live', 'the tile live', 30_000);
    await setFeed(stalling, 'stalled');
    const stoppedAt = Date.now();
    await waitFor(async () => (await healthOf(stalling)) === 'stalled', 'the tile stalled', 20_000);
    console.log(`stalled shown ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s after the stream stopped`);
    expect(await page.locator(`.camera-tile[data-camera="${stalling}"] .camera-health`).textContent()).toContain('卡顿');
    // while the stream stays stopped the tile keeps saying so, through the manager's reloads
    const shown = new Set<string>();
    for (const until = Date.now() + 10_000; Date.now() < until; ) {
      shown.add((await healthOf(stalling)) ?? '');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect([...shown]).toEqual(['stalled']);

    await setFeed(stalling, 'live');
    const resumedAt = Date.now();
    await waitFor(async () => (await healthOf(stalling)) === 'live', 'the tile live again', 30_000);
    console.log(`live again ${((Date.now() - resumedAt) / 1000).toFixed(1)} s after the stream resumed`);
    const a = (await sampleTiles())[1]!;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const b = (await sampleTiles())[1]!;
    expect(b.currentTime - a.currentTime).toBeGreaterThan(2);
  }, 90_000);

  it('shows 离线 on a tile whose camera is taken offline and returns to 直播 by itself when its feed is back', async () => {
    const stopping = cameras[0]!.id;
    await waitFor(async () => (await healthOf(stopping)) === 'live', 'the tile live', 30_000);
    await setFeed(stopping, 'offline');
    const stoppedAt = Date.now();
    await waitFor(async () => (await healthOf(stopping)) === 'offline', 'the tile offline', 10_000);
    console.log(`offline shown ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s after the feed stopped`);
    expect(await page.locator(`.camera-tile[data-camera="${stopping}"] .camera-health`).textContent()).toContain('离线');
    // while the feed stays down the tile keeps saying so…
    const othersBefore = (await sampleTiles()).filter((t) => t.camera !== stopping);
    const shown = new Set<string>();
    for (const until = Date.now() + 12_000; Date.now() < until; ) {
      shown.add((await healthOf(stopping)) ?? '');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect([...shown]).toEqual(['offline']);
    // …and the other tiles play on
    const othersAfter = (await sampleTiles()).filter((t) => t.camera !== stopping);
    othersAfter.forEach((t, i) => expect(t.currentTime - othersBefore[i]!.currentTime, t.camera).toBeGreaterThan(8));

    await setFeed(stopping, 'live');
    const resumedAt = Date.now();
    await waitFor(async () => (await healthOf(stopping)) === 'live', 'the tile live again', 30_000);
    console.log(`live again ${((Date.now() - resumedAt) / 1000).toFixed(1)} s after the feed resumed`);
    const a = (await sampleTiles())[0]!;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const b = (await sampleTiles())[0]!;
    expect(b.currentTime - a.currentTime).toBeGreaterThan(2);
  }, 90_000);
});
