// A 16-tile camera cell on the real hub, core and browser shell, in Debian's Chromium: every tile
// plays its live camera; a camera whose segments stop shows 卡顿 and comes back to 直播 by itself.
// Stopping one camera's feed: the hub has no test control for it, so that camera's playlists go
// through a second Fastify app on the same clips with its own `isOffline` (the hub's hook), and
// its segments still come from the hub.
import Fastify, { type FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Camera } from '../../shared/protocol/cameras';
import { ensureClips } from '../../hub/cameras/clips';
import { registerCameraRoutes } from '../../hub/cameras/routes';
import { CAMERA_CLIP_COUNT, loadCameras } from '../../hub/catalog';
import { CHROMIUM_ARGS, SHARED_CLIPS_DIR, startCameraWallStack, waitFor, type CameraWallStack } from '../../bench/lib/cameraWallHarness';

interface TileSample {
  camera: string;
  health: string;
  currentTime: number;
  videoHeight: number;
}

let stack: CameraWallStack;
let browser: Browser;
let page: Page;
let feedApp: FastifyInstance;
let cameras: Camera[];
const offline = new Set<string>();

beforeAll(async () => {
  stack = await startCameraWallStack();
  cameras = await stack.cameras(16);
  const clips = await ensureClips(SHARED_CLIPS_DIR);
  const catalog = loadCameras(1);
  feedApp = Fastify();
  registerCameraRoutes(feedApp, {
    clips,
    lookup: (id) => {
      const camera = catalog.get(id);
      return camera?.clip !== undefined ? { id, clip: camera.clip % CAMERA_CLIP_COUNT } : undefined;
    },
    isOffline: (id) => offline.has(id),
  });
  const feedUrl = await feedApp.listen({ host: '127.0.0.1', port: 0 });

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const stalling = cameras[0]!;
  await page.route(`${stack.hub.url}/hls/cameras/${encodeURIComponent(stalling.id)}/**`, async (route) => {
    const url = new URL(route.request().url());
    await route.fulfill({ response: await route.fetch({ url: `${feedUrl}${url.pathname}${url.search}` }) });
  });
  await page.goto(stack.wallUrl({ grid: '16', cameras: cameras.map((c) => c.id).join(',') }));
}, 240_000);

afterAll(async () => {
  await page?.unrouteAll({ behavior: 'ignoreErrors' });
  await browser?.close();
  await feedApp?.close();
  await stack?.close();
});

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

  it('shows 卡顿 on a tile whose stream stops and returns to 直播 by itself when it resumes', async () => {
    const stalling = cameras[0]!.id;
    await waitFor(async () => (await healthOf(stalling)) === 'live', 'the tile live', 30_000);
    offline.add(stalling);
    const stoppedAt = Date.now();
    await waitFor(async () => (await healthOf(stalling)) === 'stalled', 'the tile stalled', 20_000);
    console.log(`stalled shown ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s after the feed stopped`);
    expect(await page.locator(`.camera-tile[data-camera="${stalling}"] .camera-health`).textContent()).toContain('卡顿');
    // while the feed stays stopped the tile keeps saying so, through the manager's reloads…
    const othersBefore = (await sampleTiles()).filter((t) => t.camera !== stalling);
    const shown = new Set<string>();
    for (const until = Date.now() + 12_000; Date.now() < until; ) {
      shown.add((await healthOf(stalling)) ?? '');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect([...shown]).toEqual(['stalled']);
    // …and the other tiles play on
    const othersAfter = (await sampleTiles()).filter((t) => t.camera !== stalling);
    othersAfter.forEach((t, i) => expect(t.currentTime - othersBefore[i]!.currentTime, t.camera).toBeGreaterThan(8));

    offline.delete(stalling);
    const resumedAt = Date.now();
    await waitFor(async () => (await healthOf(stalling)) === 'live', 'the tile live again', 30_000);
    console.log(`live again ${((Date.now() - resumedAt) / 1000).toFixed(1)} s after the feed resumed`);
    const a = (await sampleTiles())[0]!;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const b = (await sampleTiles())[0]!;
    expect(b.currentTime - a.currentTime).toBeGreaterThan(2);
  }, 90_000);
});
