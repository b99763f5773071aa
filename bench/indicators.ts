// bench:indicators — 1,500 indicators at 1 Hz on one board page in headless Chromium
// (SwiftShader): frame times, long tasks and dropped frames of the IndicatorsPanel (values
// written outside React) beside a naive React board (values in React state, one re-render per
// update), one after the other in the same run, fed by the same real stack: hub with its
// simulator (all 1,500 indicators every second) → wall core → browser shell → page.
// A flipper also pushes 10 indicators into alarm every 2 s (they fall back a second later), so
// the rare React path (a threshold state change) runs too. BENCH_SECONDS (default 60) per phase.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { loadIndicators } from '../hub/catalog/indicators';
import { startHub } from '../hub/server';
import { valuePast } from '../hub/simulator/indicatorSampler';
import { startBrowserShell } from '../main/browser-shell/browserShell';
import { silentLogger } from '../main/core/logger';
import { loadWallConfig } from '../main/core/wallConfig';
import { createWallCore } from '../main/core/wallCore';
import { buildIndicatorsPage, INDICATORS_PAGE_PATH } from './indicatorsPage';
import { percentile, printTable } from './lib/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARMUP_MS = 5_000;
/** Which pages to run: `panel`, `naive`, and `baseline` (the same page and stream, a board with no tiles). */
const IMPLS = (process.env.BENCH_IMPLS ?? 'baseline,panel,naive').split(',') as Impl[];
/** Indicators pushed into alarm every 2 s (0: none). */
const FLIP = Number(process.env.BENCH_FLIP ?? 10);
type Impl = 'panel' | 'naive' | 'baseline';
const IMPL_NAMES: Record<Impl, string> = { baseline: 'baseline: stream only, no tiles', panel: 'IndicatorsPanel (refs + rAF)', naive: 'naive React (state)' };
const FRAME_MS = 1000 / 60;

interface PageFigures {
  deltas: number[];
  longTasks: number[];
  seqFrom: number;
  seqTo: number;
  updater: { frames: number; tileWrites: number; samples: number; writeMs: number; maxWriteMs: number } | null;
}

/** Starts frame and long-task recording inside the page (through devtools: the CSP forbids inline scripts). */
// Plain JS text: tsx's name-keeping helpers do not exist inside the page.
const RECORDER = `(() => {
  const bench = { deltas: [], longTasks: [], seqFrom: Number(document.body.dataset.seq), running: true };
  window.bench = bench;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.longTasks.push(e.duration))).observe({ type: 'longtask' });
  let last = 0;
  const frame = (t) => {
    bench.deltas.push(t - last);
    last = t;
    if (bench.running) requestAnimationFrame(frame);
  };
  requestAnimationFrame((t) => {
    last = t;
    requestAnimationFrame(frame);
  });
})()`;

/** Starts frame and long-task recording inside the page (through devtools: the CSP forbids inline scripts). */
async function startRecording(page: Page): Promise<void> {
  await page.evaluate(RECORDER);
}

async function stopRecording(page: Page): Promise<PageFigures> {
  return page.evaluate(() => {
    const w = window as unknown as {
      bench: { deltas: number[]; longTasks: number[]; seqFrom: number; running: boolean };
      indicatorBoards?: Set<{ updater: { stats: PageFigures['updater'] } }>;
    };
    w.bench.running = false;
    const [board] = w.indicatorBoards ?? [];
    return { deltas: w.bench.deltas, longTasks: w.bench.longTasks, seqFrom: w.bench.seqFrom, seqTo: Number(document.body.dataset.seq), updater: board ? { ...board.updater.stats! } : null };
  });
}

function summarise(name: string, f: PageFigures) {
  const dropped = f.deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  const span = f.deltas.reduce((a, b) => a + b, 0) / 1000;
  return {
    name,
    frames: f.deltas.length,
    fps: f.deltas.length / span,
    p50: percentile(f.deltas, 50),
    p95: percentile(f.deltas, 95),
    p99: percentile(f.deltas, 99),
    max: Math.max(...f.deltas),
    dropped,
    droppedPct: (100 * dropped) / (dropped + f.deltas.length),
    longTasks: f.longTasks.length,
    longTaskMs: f.longTasks.reduce((a, b) => a + b, 0),
    events: f.seqTo - f.seqFrom,
    writeMsPerFrame: f.updater && f.updater.frames ? f.updater.writeMs / f.updater.frames : null,
    maxWriteMs: f.updater?.maxWriteMs ?? null,
    tilesPerFrame: f.updater && f.updater.frames ? f.updater.tileWrites / f.updater.frames : null,
  };
}

async function main(): Promise<void> {
  const rendererDir = await buildIndicatorsPage();
  const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ind-hub-')), fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ind-wall-'))];
  const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: dirs[0]!, demo: true, simulator: true, seed: 7, logger: false, hlsEager: false, sampleRetentionHours: 0 });
  const core = createWallCore({ ...loadWallConfig({ WALL_HUB_URL: hub.url, WALL_USERNAME: 'city-duty', WALL_PASSWORD: 'demo', WALL_DATA_DIR: dirs[1]! }), logger: silentLogger });
  await core.start();
  const shell = await startBrowserShell({ core, hubUrl: hub.url, rendererDir, openWindows: false, log: () => undefined });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  const indicators = loadIndicators(1);
  let flip = 0;
  const flipper = setInterval(() => {
    if (FLIP === 0) return;
    const samples = Array.from({ length: FLIP }, (_, i) => indicators[(flip * 37 + i * 151) % indicators.length]!).map((d) => ({ id: d.id, value: valuePast(d, true), at: new Date().toISOString() }));
    flip += 1;
    void hub.appendSystemEvent({ type: 'indicator.samples', samples }).catch(() => undefined);
  }, 2_000);

  const results = [];
  try {
    for (const impl of IMPLS) {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${shell.url}${INDICATORS_PAGE_PATH}?role=wall&display=1&view=bench-${impl}&panel=indicators&board=all&impl=${impl}${impl === 'baseline' ? '&ids=none' : ''}`);
      await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
      if (impl !== 'baseline') await page.waitForFunction(() => [...document.querySelectorAll('.ind-tile__value')].slice(0, 20).every((e) => e.textContent !== '–'), undefined, { timeout: 60_000 });
      await page.waitForTimeout(WARMUP_MS);
      await startRecording(page);
      process.stderr.write(`recording ${impl} for ${SECONDS} s…\n`);
      await page.waitForTimeout(SECONDS * 1000);
      results.push(summarise(IMPL_NAMES[impl], await stopRecording(page)));
      if (errors.length) process.stderr.write(`${impl}: page errors: ${errors.join('; ')}\n`);
      await page.close();
    }
  } finally {
    clearInterval(flipper);
    await browser.close();
    await shell.close();
    await core.stop();
    await hub.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }

  printTable(
    [
      'board (1,500 indicators, 1 Hz, 1920×1080)',
      { title: 'frames' },
      { title: 'fps', digits: 1 },
      { title: 'p50 ms', digits: 1 },
      { title: 'p95 ms', digits: 1 },
      { title: 'p99 ms', digits: 1 },
      { title: 'max ms', digits: 1 },
      { title: 'dropped' },
      { title: 'dropped %', digits: 1 },
      { title: 'long tasks' },
      { title: 'long-task ms', digits: 0 },
      { title: 'events' },
    ],
    results.map((r) => [r.name, r.frames, r.fps, r.p50, r.p95, r.p99, r.max, r.dropped, r.droppedPct, r.longTasks, r.longTaskMs, r.events]),
    `bench:indicators — ${SECONDS} s per board, headless Chromium (SwiftShader), ${os.cpus().length} cores; target p95 ≤ 20 ms`,
  );
  const panel = results.find((r) => r.name === IMPL_NAMES.panel);
  if (panel?.writeMsPerFrame != null) {
    console.log(`IndicatorsPanel writes: ${panel.tilesPerFrame?.toFixed(1)} tiles per frame (visible ones only), ${panel.writeMsPerFrame.toFixed(2)} ms per write frame, worst ${panel.maxWriteMs?.toFixed(2)} ms`);
  }
  console.log(JSON.stringify({ bench: 'indicators', seconds: SECONDS, results }));
}

await main();
