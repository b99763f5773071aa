// `npm run screenshots`: the wall on a two-display profile (2 × 1920×1080) with the demo hub and
// its simulator (fixed seed), each built-in preset applied from the console, and the whole
// 3840×1080 canvas saved as docs/screenshots/preset-<id>.png (the two wall pages stitched);
// then a severity-1 incident's focus layout (focus-layout.png) and the console's preset bar.
// Before the 督办 and 复盘 presets it stages their stories (screenshotStories.ts), and after 督办
// raises an overdue alarm (overdue-alarm.png). SCREENSHOT_PRESETS=supervision,review shoots only
// those presets (and the alarm), leaving the other pictures as they are.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startHub } from '../hub/server';
import { startBrowserShell } from '../main/browser-shell/browserShell';
import { createLogger } from '../main/core/logger';
import { loadWallConfig } from '../main/core/wallConfig';
import { createWallCore } from '../main/core/wallCore';
import { BUILT_IN_PRESETS } from '../shared/wall/presets';
import { buildRenderer, rendererIsStale } from './build.mjs';
import { saveCanvas } from './stitchCanvas';
import { raiseOverdueAlarm, stageSupervisionStory, type StoryClock } from './screenshotStories';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'docs/screenshots');
const settleMs = Number(process.env.SCREENSHOT_SETTLE_MS ?? 6000);
const onlyPresets = process.env.SCREENSHOT_PRESETS?.split(',').filter(Boolean);
const STORY_PRESETS = ['supervision', 'review'];
const displays = [
  { id: '1', bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
  { id: '2', bounds: { x: 1920, y: 0, width: 1920, height: 1080 } },
];

async function main(): Promise<void> {
  if (rendererIsStale()) await buildRenderer();
  fs.mkdirSync(outDir, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'screenshots-'));
  const clock: StoryClock = { offsetMs: 0 };
  const hub = await startHub({
    now: () => Date.now() + clock.offsetMs,
    host: '127.0.0.1',
    port: 0,
    dataDir: path.join(dataDir, 'hub'),
    demo: true,
    simulator: true,
    seed: 7,
    logger: false,
    clipsDir: path.join(os.tmpdir(), 'command-wall-test-hls-clips'),
  });
  const config = loadWallConfig({ WALL_HUB_URL: hub.url, WALL_DATA_DIR: path.join(dataDir, 'wall') });
  const core = createWallCore({ ...config, logger: createLogger({ level: 'warn' }) });
  await core.start();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--autoplay-policy=no-user-gesture-required'] });
  const shell = await startBrowserShell({ core, hubUrl: hub.url, rendererDir: path.join(root, 'dist/renderer'), displays, openWindows: true, browser, log: () => {} });
  const page = (viewId: string): Page => shell.windows!.pageOf(viewId)!;
  const shows = async (layoutId: string) => {
    for (const viewId of ['wall-1', 'wall-2']) await page(viewId).waitForFunction((id) => document.body.dataset.layout === id, layoutId, { timeout: 30_000 });
  };

  try {
    await page('console').waitForSelector('button[data-preset]', { timeout: 60_000 });
    let wharfDueAt: string | null = null;
    for (const preset of BUILT_IN_PRESETS) {
      if (onlyPresets && !onlyPresets.includes(preset.id)) continue;
      if (STORY_PRESETS.includes(preset.id) && wharfDueAt === null) wharfDueAt = await stageSupervisionStory(hub, clock);
      await page('console').click(`button[data-preset="${preset.id}"]`);
      await shows(preset.id);
      await new Promise((r) => setTimeout(r, settleMs)); // video tiles start, indicators fill
      await saveCanvas(browser, [page('wall-1'), page('wall-2')], path.join(outDir, `preset-${preset.id}.png`), root);
    }

    // 督办 on the city's wall: the SLA clock flags and escalates the task the city just dispatched.
    if (wharfDueAt !== null) {
      await page('console').click('button[data-preset="supervision"]');
      await shows('supervision');
      await raiseOverdueAlarm(hub, wharfDueAt);
      for (const viewId of ['wall-1', 'wall-2']) await page(viewId).waitForSelector('[data-testid="overdue-alarm"]', { timeout: 30_000 });
      await new Promise((r) => setTimeout(r, settleMs));
      await saveCanvas(browser, [page('wall-1'), page('wall-2')], path.join(outDir, 'overdue-alarm.png'), root);
    }
    if (onlyPresets) {
      console.log(`screenshots in ${path.relative(root, outDir)}`);
      return;
    }

    // The emergency preset, then a severity-1 incident: the alarm rule's focus layout.
    await page('console').click('button[data-preset="emergency"]');
    await shows('emergency');
    const report = await hub.execute(
      { username: 'screenshots', unit: '500000', roles: ['duty'] },
      { id: randomUUID(), type: 'incident.report', title: '解放碑商圈人群聚集', kind: 'crowd', board: 'governance', severity: 1, location: [106.5772, 29.5571] },
    );
    if (!report.ok) throw new Error(`report refused: ${JSON.stringify(report)}`);
    await shows(`focus-${(report as { incidentId: string }).incidentId}`);
    await new Promise((r) => setTimeout(r, settleMs));
    await saveCanvas(browser, [page('wall-1'), page('wall-2')], path.join(outDir, 'focus-layout.png'), root);
    await page('console').screenshot({ path: path.join(outDir, 'console-presets.png') });
    console.log(`screenshots in ${path.relative(root, outDir)}`);
  } finally {
    await shell.close();
    await browser.close();
    await core.stop();
    await hub.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}


main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
