// The 3D city scene on a two-display wall: the real hub (demo, simulator off), the real wall core
// and browser shell, the `city` preset's scene spanning both displays, in Chromium with
// SwiftShader WebGL. It renders (not a blank canvas), the two displays meet without a seam (one
// camera, a frustum slice per window), and a click on a district at the wall drills down: the
// wall view's setCell goes through main and both displays follow.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../hub/server';
import { SHARED_CLIPS_DIR, tempDir } from '../support/hub';
import { waitUntil } from '../support/ports';
import { launchChromium, startWallInstance, type WallInstance } from './wall-layout-harness';

const WALLS = ['wall-1', 'wall-2'] as const;
const duty = { username: 'e2e-duty', unit: '500000', roles: ['duty' as const] };

let hub: RunningHub;
let hubDir: string;
let browser: Browser;
let wall: WallInstance;
const glErrors: string[] = [];

beforeAll(async () => {
  hubDir = tempDir('city3d-scene-hub-');
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: hubDir, demo: true, simulator: false, seed: 7, logger: false, hlsEager: false, clipsDir: SHARED_CLIPS_DIR });
  browser = await launchChromium({ webgl: true });
  wall = await startWallInstance({ hubUrl: hub.url, browser });
  for (const viewId of WALLS) {
    wall.page(viewId).on('console', (message) => {
      if (message.type() === 'error' && /THREE|WebGL|shader/i.test(message.text())) glErrors.push(`${viewId}: ${message.text().slice(0, 300)}`);
    });
  }
}, 180_000);

afterAll(async () => {
  await wall?.close();
  await browser?.close().catch(() => {});
  await hub?.close().catch(() => {});
  if (hubDir) fs.rmSync(hubDir, { recursive: true, force: true });
});

/** Both walls show `unit`'s scene, loaded and drawn (`frames` frames at least). */
async function sceneShows(unit: string, timeoutMs = 60_000): Promise<void> {
  for (const viewId of WALLS) {
    await wall.page(viewId).waitForFunction(
      (unit) => {
        const scene = document.querySelector<HTMLElement>('.scene3d');
        return scene?.dataset.sceneUnit === unit && scene.dataset.sceneStatus === 'ready' && Number(scene.dataset.sceneFrames ?? 0) > 0;
      },
      unit,
      { timeout: timeoutMs },
    );
  }
}

/** The scene cell's settings as main holds them. */
function sceneSettings(): Record<string, unknown> {
  const cell = wall.core.layout()!.layout.cells.find((c) => c.panel.kind === 'city3d')!;
  return cell.panel.settings as Record<string, unknown>;
}

interface PixelStats {
  /** Distinct colours (quantised) inside the scene's rows. */
  colours: number;
  /** Share of pixels that are neither the scene's background nor its bare ground. */
  drawn: number;
  /** Mean colour difference across the seam (wall-1's last column against wall-2's first). */
  seam: number;
  /** Mean colour difference between neighbouring columns just inside each display. */
  inside: number;
}

/** Pixel statistics of both wall pages' screenshots, rows `top`…`bottom` (the scene cell). */
async function pixelStats(pages: Page[], top: number, bottom: number): Promise<PixelStats> {
  const shots = await Promise.all(pages.map((p) => p.screenshot()));
  const context = await browser.newContext({ viewport: { width: 400, height: 300 } });
  const page = await context.newPage();
  const stats = await page.evaluate(
    async ({ images, top, bottom }) => {
      const pixels = await Promise.all(
        images.map(async (src) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.width;
          canvas.height = img.height;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, img.width, img.height);
        }),
      );
      const at = (data: ImageData, x: number, y: number) => {
        const i = (y * data.width + x) * 4;
        return [data.data[i]!, data.data[i + 1]!, data.data[i + 2]!];
      };
      const diff = (a: number[], b: number[]) => Math.abs(a[0]! - b[0]!) + Math.abs(a[1]! - b[1]!) + Math.abs(a[2]! - b[2]!);
      const colours = new Set<number>();
      let drawn = 0;
      let total = 0;
      for (const data of pixels) {
        for (let y = top; y < bottom; y += 2) {
          for (let x = 0; x < data.width; x += 2) {
            const [r, g, b] = at(data, x, y);
            colours.add(((r! >> 3) << 10) | ((g! >> 3) << 5) | (b! >> 3));
            total += 1;
            // Neither the background nor the bare ground: districts, borders, labels, markers.
            if (diff([r!, g!, b!], [5, 10, 20]) > 30 && diff([r!, g!, b!], [8, 18, 31]) > 30) drawn += 1;
          }
        }
      }
      const [left, right] = pixels as [ImageData, ImageData];
      let seam = 0;
      let inside = 0;
      let rows = 0;
      for (let y = top; y < bottom; y++) {
        seam += diff(at(left, left.width - 1, y), at(right, 0, y));
        inside += (diff(at(left, left.width - 2, y), at(left, left.width - 1, y)) + diff(at(right, 0, y), at(right, 1, y))) / 2;
        rows += 1;
      }
      return { colours: colours.size, drawn: drawn / total, seam: seam / rows, inside: inside / rows };
    },
    { images: shots.map((png) => `data:image/png;base64,${png.toString('base64')}`), top, bottom },
  );
  await context.close();
  return stats;
}

/**
 * Clicks where an area's label stands (labels let clicks through to the canvas), on whichever
 * display has it, until main's cell shows the area: an incident marker over the spot takes the
 * click first (the camera flies to the incident, closer in), then the area is clicked from there.
 */
async function clickArea(code: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await clickLabel(code);
    const opened = await waitUntil(() => sceneSettings().unit === code, `main took the click on ${code}`, 4000).then(
      () => true,
      () => false,
    );
    if (opened) return;
    expect(sceneSettings().focusIncidentId).toBeDefined();
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`area ${code} never opened`);
}

async function clickLabel(code: string): Promise<void> {
  for (const viewId of WALLS) {
    const at = await wall.page(viewId).evaluate((code) => {
      const label = document.querySelector<HTMLElement>(`[data-area-label="${code}"]`);
      if (!label) return null;
      const r = label.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      return r.width > 0 && x >= 0 && x < window.innerWidth && y >= 0 && y < window.innerHeight ? [x, y] : null;
    }, code);
    if (!at) continue;
    await wall.page(viewId).mouse.click(at[0]!, at[1]!);
    return;
  }
  throw new Error(`area ${code} is on neither display`);
}

describe('3D city scene across two displays', () => {
  it('renders the city on both displays as one picture, without a seam', async () => {
    for (const [title, location] of [
      ['解放碑路灯故障', [106.5772, 29.5571]],
      ['观音桥积水', [106.5316, 29.5755]],
    ] as const) {
      const result = await hub.execute(duty, { id: randomUUID(), type: 'incident.report', title, kind: 'facility', board: 'facility', severity: 3, location: [...location] });
      expect(result.ok).toBe(true);
    }
    await wall.page('console').click('button[data-preset="city"]');
    await waitUntil(async () => (await wall.shownLayout('wall-1')) === 'city' && (await wall.shownLayout('wall-2')) === 'city', 'the city preset on both walls', 20_000);
    await sceneShows('500000');
    await new Promise((r) => setTimeout(r, 1500));

    const areas = await wall.page('wall-1').evaluate(() => Number(document.querySelector<HTMLElement>('.scene3d')!.dataset.sceneAreas));
    expect(areas).toBeGreaterThanOrEqual(38);
    const cell = await wall.page('wall-1').evaluate(() => {
      const r = document.querySelector('.scene3d__viewport')!.getBoundingClientRect();
      return { top: Math.ceil(r.top), bottom: Math.floor(r.bottom) };
    });
    const stats = await pixelStats(WALLS.map((v) => wall.page(v)), cell.top + 80, cell.bottom - 80);
    console.log(`[city3d-scene] ${areas} districts; ${stats.colours} colours, ${(stats.drawn * 100).toFixed(0)} % drawn; seam ${stats.seam.toFixed(1)} vs inside ${stats.inside.toFixed(1)}`);
    expect(stats.colours).toBeGreaterThan(20);
    expect(stats.drawn).toBeGreaterThan(0.08);
    // One frustum cut in two: the columns either side of the seam differ no more than neighbours inside a display do.
    expect(stats.seam).toBeLessThan(stats.inside * 3 + 6);
    expect(glErrors).toEqual([]);
  });

  it('drills down to a district when it is clicked on the wall, on both displays', async () => {
    await clickArea('500103');
    // The wall view's setCell went through main: the cell now shows the district, stamped for a shared flight.
    expect(sceneSettings().unit).toBe('500103');
    expect(typeof sceneSettings().since).toBe('string');
    await sceneShows('500103');
    for (const viewId of WALLS) {
      const crumbs = await wall.page(viewId).evaluate(() => [...document.querySelectorAll('[data-scene-crumb]')].map((c) => c.textContent));
      expect(crumbs).toEqual(['重庆市', '渝中区']);
    }
    expect(glErrors).toEqual([]);
  });
});
