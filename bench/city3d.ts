// bench:city3d — 50k and 200k synthetic buildings (bench/lib/syntheticCity.ts: dense core,
// footprints 10–60 m, heights 6–250 m) drawn in headless Chromium (SwiftShader) at 1920×1080,
// (a) as <Buildings> (merged tiles per km, box cells far away, renderer/scene3d/buildings) and
// (b) naively, one Mesh per building, in the same run, each in a fresh browser. For each: draw
// calls and triangles, time to first frame, CPU time per frame and the rAF interval over a slow
// camera orbit, JS heap and geometry bytes. The naive variant at 200k is very slow in
// SwiftShader: its measuring is capped (BENCH_NAIVE_SECONDS), and its first frame may time out.
//
// BENCH_BUILDINGS (50000,200000), BENCH_VARIANTS (tiled,naive), BENCH_FRAMES (120),
// BENCH_WARMUP_FRAMES (20), BENCH_SECONDS (120, per tiled run), BENCH_NAIVE_SECONDS (60),
// BENCH_NAIVE_FIRST_FRAME_S (240), BENCH_ORBIT_RADIUS (2500 m), BENCH_ORBIT_HEIGHT (1200 m),
// BENCH_ORBIT_DEG (0.25° a frame).
import os from 'node:os';
import { type Browser, chromium } from 'playwright-core';
import type { City3dResult, City3dRun, Variant } from './city3dPage';
import { CHROMIUM_ARGS } from './lib/cameraWallHarness';
import { startCity3dPageServer } from './lib/city3dPageServer';
import { syntheticCity } from './lib/syntheticCity';
import { percentile, printTable } from './lib/table';

const SIZES = (process.env.BENCH_BUILDINGS ?? '50000,200000').split(',').map(Number);
const VARIANTS = (process.env.BENCH_VARIANTS ?? 'tiled,naive').split(',') as Variant[];
const FRAMES = Number(process.env.BENCH_FRAMES ?? 120);
const WARMUP_FRAMES = Number(process.env.BENCH_WARMUP_FRAMES ?? 20);
const TILED_SECONDS = Number(process.env.BENCH_SECONDS ?? 120);
const NAIVE_SECONDS = Number(process.env.BENCH_NAIVE_SECONDS ?? 60);
const NAIVE_FIRST_FRAME_S = Number(process.env.BENCH_NAIVE_FIRST_FRAME_S ?? 240);
const ORBIT = { radius: Number(process.env.BENCH_ORBIT_RADIUS ?? 2500), height: Number(process.env.BENCH_ORBIT_HEIGHT ?? 1200), degreesPerFrame: Number(process.env.BENCH_ORBIT_DEG ?? 0.25) };
const TARGET_DRAW_CALLS = 150;
const TARGET_FIRST_FRAME_MS = 3000;
const VARIANT_NAMES: Record<Variant, string> = { tiled: 'tiled (merged, LOD)', naive: 'naive (Mesh each)' };

interface Summary {
  buildings: number;
  variant: Variant;
  firstFrameMs: number | null;
  firstFrameFromStartMs: number | null;
  dataReadyMs: number | null;
  buildMs: number | null;
  firstRenderMs: number | null;
  firstCalls: number | null;
  firstTriangles: number | null;
  maxCalls: number | null;
  p50Triangles: number | null;
  frames: number;
  cpuP50: number | null;
  cpuP95: number | null;
  rafP50: number | null;
  rafP95: number | null;
  fps: number | null;
  heapMB: number | null;
  geometryMB: number | null;
  capped: boolean;
  note: string;
}

function summarise(buildings: number, variant: Variant, result: City3dResult | null, heapBytes: number | null, note: string): Summary {
  const samples = result?.samples ?? [];
  const intervals = samples.map((s) => s.intervalMs).filter((ms) => ms > 0);
  const span = intervals.reduce((a, b) => a + b, 0);
  return {
    buildings,
    variant,
    firstFrameMs: result?.firstFrameMs ?? null,
    firstFrameFromStartMs: result?.firstFrameFromStartMs ?? null,
    dataReadyMs: result?.dataReadyMs ?? null,
    buildMs: result?.buildMs ?? null,
    firstRenderMs: result?.firstRenderMs ?? null,
    firstCalls: result?.first.calls ?? null,
    firstTriangles: result?.first.triangles ?? null,
    maxCalls: result ? Math.max(result.first.calls, ...samples.map((s) => s.calls)) : null,
    p50Triangles: percentile(
      samples.map((s) => s.triangles),
      50,
    ),
    frames: samples.length,
    cpuP50: percentile(
      samples.map((s) => s.cpuMs),
      50,
    ),
    cpuP95: percentile(
      samples.map((s) => s.cpuMs),
      95,
    ),
    rafP50: percentile(intervals, 50),
    rafP95: percentile(intervals, 95),
    fps: span > 0 ? (intervals.length * 1000) / span : null,
    heapMB: heapBytes === null ? null : heapBytes / 2 ** 20,
    geometryMB: result ? result.geometryBytes / 2 ** 20 : null,
    capped: result?.capped ?? false,
    note,
  };
}

async function runOne(browser: Browser, url: string, run: City3dRun, timeoutMs: number): Promise<{ result: City3dResult | null; heap: number | null; note: string }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'city3dBench' in window);
    // started, not awaited: a page stuck in one long frame must not hang the runner
    await page.evaluate((r) => {
      const w = window as unknown as { city3dBench: { start(run: unknown): Promise<unknown> }; city3dResult?: unknown; city3dError?: string };
      w.city3dBench.start(r).then(
        (result) => (w.city3dResult = result),
        (error: unknown) => (w.city3dError = String(error)),
      );
    }, run);
    // Playwright keeps this time-out on its side, so it fires even while the page is stuck in a frame
    const done = await page
      .waitForFunction(() => 'city3dResult' in window || 'city3dError' in window, undefined, { timeout: timeoutMs, polling: 500 })
      .then(() => true)
      .catch(() => false);
    if (!done) return { result: null, heap: null, note: `no first frame within ${Math.round(timeoutMs / 1000)} s: not measured` };
    const { result, error } = await page.evaluate(() => {
      const w = window as unknown as { city3dResult?: City3dResult; city3dError?: string };
      return { result: w.city3dResult ?? null, error: w.city3dError ?? null };
    });
    if (error || !result) return { result: null, heap: null, note: `page error: ${error ?? errors.join('; ')}` };
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const note = result.capped ? `measuring capped at ${Math.round(run.maxMeasureMs / 1000)} s` : errors.length ? `page errors: ${errors.join('; ')}` : '';
    return { result, heap: usedSize, note };
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  process.stderr.write(`generating ${SIZES.join(', ')} buildings…\n`);
  const lists = new Map(SIZES.map((count) => [count, JSON.stringify({ unit: '500103000000', source: 'generated', buildings: syntheticCity({ count }) })]));
  const server = await startCity3dPageServer(lists);
  const summaries: Summary[] = [];
  try {
    for (const count of SIZES) {
      for (const variant of VARIANTS) {
        const naive = variant === 'naive';
        const run: City3dRun = { variant, dataUrl: server.dataUrl(count), frames: FRAMES, warmupFrames: naive ? Math.min(2, WARMUP_FRAMES) : WARMUP_FRAMES, maxMeasureMs: (naive ? NAIVE_SECONDS : TILED_SECONDS) * 1000, orbit: ORBIT };
        const timeoutMs = (naive ? NAIVE_FIRST_FRAME_S : 60) * 1000 + run.maxMeasureMs * 2;
        process.stderr.write(`${count} buildings, ${variant}…\n`);
        // a fresh browser per run: heap and GPU memory start clean, and a stuck naive run dies with it
        const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'] });
        try {
          const { result, heap, note } = await runOne(browser, server.url, run, timeoutMs);
          summaries.push(summarise(count, variant, result, heap, note));
        } finally {
          await browser.close().catch(() => undefined);
        }
      }
    }
  } finally {
    await server.close();
  }

  printTable(
    [
      'buildings',
      'variant',
      { title: 'first frame ms', digits: 0 },
      { title: 'from page start', digits: 0 },
      { title: 'build ms', digits: 0 },
      { title: '1st render ms', digits: 0 },
      { title: 'draw calls', digits: 0 },
      { title: 'max calls', digits: 0 },
      { title: 'triangles', digits: 0 },
      { title: 'frames' },
      { title: 'CPU p50', digits: 1 },
      { title: 'CPU p95', digits: 1 },
      { title: 'rAF p50', digits: 1 },
      { title: 'rAF p95', digits: 1 },
      { title: 'fps', digits: 1 },
      { title: 'heap MB', digits: 0 },
      { title: 'geometry MB', digits: 1 },
      'note',
    ],
    summaries.map((s) => [s.buildings.toLocaleString('en-US'), VARIANT_NAMES[s.variant], s.firstFrameMs, s.firstFrameFromStartMs, s.buildMs, s.firstRenderMs, s.firstCalls, s.maxCalls, s.firstTriangles, s.frames, s.cpuP50, s.cpuP95, s.rafP50, s.rafP95, s.fps, s.heapMB, s.geometryMB, s.note]),
    `bench:city3d — headless Chromium (SwiftShader), 1920×1080, orbit r ${ORBIT.radius} m at ${ORBIT.height} m, ${ORBIT.degreesPerFrame}°/frame, ${FRAMES} frames (naive capped at ${NAIVE_SECONDS} s), ${os.cpus().length} cores; ms per frame`,
  );
  console.log('first frame: building list parsed → first frame read back (build: packing, tiling, merging or the naive meshes; 1st render: shader compile, upload, draw); draw calls and triangles of that frame (renderer.info); max calls over the orbit; CPU: advance() (useFrame + gl.render submit); rAF: interval between frames');
  const largest = summaries.filter((s) => s.variant === 'tiled').sort((a, b) => b.buildings - a.buildings)[0];
  const targets = largest
    ? {
        buildings: largest.buildings,
        maxDrawCalls: largest.maxCalls,
        drawCallsOk: largest.maxCalls !== null && largest.maxCalls <= TARGET_DRAW_CALLS,
        firstFrameMs: largest.firstFrameMs,
        firstFrameOk: largest.firstFrameMs !== null && largest.firstFrameMs <= TARGET_FIRST_FRAME_MS,
      }
    : null;
  if (targets) {
    console.log(
      `targets at ${targets.buildings.toLocaleString('en-US')} buildings: draw calls ${targets.maxDrawCalls} (≤ ${TARGET_DRAW_CALLS}: ${targets.drawCallsOk ? 'met' : 'MISSED'}), first frame ${targets.firstFrameMs?.toFixed(0)} ms (≤ ${TARGET_FIRST_FRAME_MS}: ${targets.firstFrameOk ? 'met' : 'MISSED'})`,
    );
  }
  console.log(JSON.stringify({ bench: 'city3d', frames: FRAMES, orbit: ORBIT, naiveSeconds: NAIVE_SECONDS, targets, results: summaries }));
}

await main();
