// bench:cameras — the camera wall's cost per tile at 16, 36 and 64 live tiles in Chromium, beside
// (a) ffmpeg decoding the same streams at the same renditions (the floor) and (b) the same tiles as
// plain hls.js players with default settings (what most web walls do), one after the other in the
// same run on the real hub, core and browser shell. The empty wall page (every tile drawn, no
// player) gives the fixed cost, so the per-tile figure can be split into fixed and marginal.
//
//   npm run bench:cameras                                          # 16/36/64 × empty, wall, plain, plain-rebased, ffmpeg
//   BENCH_SIZES=16 BENCH_VARIANTS=wall BENCH_MINUTES=30 npm run bench:cameras   # one long run
//   BENCH_SIZES=16 BENCH_VARIANTS=wall,wall-raw-dseq,wall-half-renditions npm run bench:cameras
//
// BENCH_MINUTES: the measuring window of each configuration (default 0.5), after
// BENCH_WARMUP_SECONDS (default 20) of warm-up once every tile plays. CPU is the process tree's
// user+system time over the window (/proc/<pid>/stat); memory its PSS (/proc/<pid>/smaps_rollup),
// sampled through the window, whole and without file pages (which another Chromium on the machine
// shares, and so moves); growth compares the mean of the last three samples with the mean of the
// first three. Frames presented per CPU-second (getVideoPlaybackQuality: decoded − dropped, summed
// over tiles, over the tree's CPU seconds) stays meaningful when both players saturate the
// machine's cores, where CPU per tile does not. Each browser is a bare headless Chromium driven
// over its DevTools pipe with Runtime.evaluate only (lib/bareChromium.ts: Playwright's Network
// domain would keep every response body in the renderer).
import os from 'node:os';
import type { Camera } from '../shared/protocol/cameras';
import { CLIP_FRAME_RATE } from '../hub/cameras/clipRecipes';
import { chooseLevelForTile } from '../renderer/video/levelCap';
import { type PageSpec, type RunFigures, runBrowser, runFfmpeg } from './lib/cameraRuns';
import { startCameraWallStack } from './lib/cameraWallHarness';
import { PROCESS_ROLES } from './lib/procStats';
import { percentile, printTable } from './lib/table';

const VIEWPORT = { width: 1920, height: 1080 };
const TARGET_MB_PER_TILE = 50;
const TARGET_GROWTH = 0.1;
const MB = 1024 * 1024;
/** Samples averaged at each end of the window for growth and for the memory figures. */
const END_SAMPLES = 3;

/** What each variant plays. `ffmpeg` takes the renditions the wall showed at that size. */
const VARIANTS = {
  empty: { label: 'empty wall page (fixed cost)', spec: { page: 'empty' } },
  wall: { label: 'camera wall', spec: { page: 'wall' } },
  plain: { label: 'plain hls.js', spec: { page: 'plain' } },
  ffmpeg: { label: 'ffmpeg (floor)', spec: null },
  // levers, one at a time against `wall`
  'wall-raw-dseq': { label: 'wall, discontinuity seq. not rebased', spec: { page: 'wall', tune: { rebaseDiscontinuities: false } } },
  'wall-half-renditions': { label: 'wall, renditions of half-size tiles', spec: { page: 'wall', tune: { renditionScale: 0.5 } } },
  'wall-short-buffer': { label: 'wall, 2 s buffer, no back buffer', spec: { page: 'wall', tune: { hlsConfig: { maxBufferLength: 2, maxMaxBufferLength: 3, backBufferLength: 0 } } } },
  'wall-worker': { label: 'wall, enableWorker: true', spec: { page: 'wall', tune: { hlsConfig: { enableWorker: true } } } },
  'plain-rebased': { label: 'plain hls.js, discontinuity seq. rebased', spec: { page: 'plain', rebaseDiscontinuities: true } },
} satisfies Record<string, { label: string; spec: PageSpec | null }>;
type Variant = keyof typeof VARIANTS;

const SIZES = (process.env.BENCH_SIZES ?? '16,36,64').split(',').map(Number) as Size[];
const VARIANT_NAMES = (process.env.BENCH_VARIANTS ?? 'empty,wall,plain,plain-rebased,ffmpeg').split(',') as Variant[];
const MINUTES = Number(process.env.BENCH_MINUTES ?? 0.5);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_SECONDS ?? 20) * 1000;
const WINDOW_MS = MINUTES * 60_000;
const SAMPLE_MS = Number(process.env.BENCH_SAMPLE_SECONDS ?? Math.min(30, Math.max(2, WINDOW_MS / 1000 / 12))) * 1000;

/** The wall page's layout for N tiles on 1920×1080: one 16-tile cell, four 9-tile cells, four 16-tile cells. */
const WALL_LAYOUT = {
  16: { grid: '16', cells: '1' },
  36: { grid: '9', cells: '4' },
  64: { grid: '16', cells: '4' },
} as const;
type Size = keyof typeof WALL_LAYOUT;

interface Row {
  tiles: number;
  variant: Variant;
  cores: number;
  cpuPerTile: number;
  machineBusyPct: number;
  pssMb: number;
  mbPerTile: number;
  /** PSS of anonymous and shared-memory pages (see `MemoryBytes`): steady whatever else runs. */
  anonShmemMb: number;
  /** (anon+shmem − the empty page's anon+shmem at the same size) / tiles, when the empty page ran. */
  marginalMbPerTile: number | null;
  growthPct: number;
  anonShmemGrowthPct: number;
  /** Every memory sample through the window, MB: [PSS, anon+shmem]. */
  memorySamplesMb: [number, number][];
  framesPerCpuSecond: number | null;
  /** Frames shown over the frames the streams carried in the window (every tile, 25 fps). */
  shownPct: number | null;
  droppedPct: number | null;
  secondsBehindLive: number | null;
  playing: number;
  playingPct: number;
  renditions: string;
  pssMbByRole: Record<string, number>;
  coresByRole: Record<string, number>;
  jsHeapMb: number | null;
  workers: number;
  badges: Record<string, number> | null;
}

function validate(): void {
  const unknownSize = SIZES.find((size) => !(size in WALL_LAYOUT));
  if (unknownSize !== undefined) throw new Error(`BENCH_SIZES: ${unknownSize} is not one of ${Object.keys(WALL_LAYOUT).join(', ')}`);
  const unknownVariant = VARIANT_NAMES.find((name) => !(name in VARIANTS));
  if (unknownVariant !== undefined) throw new Error(`BENCH_VARIANTS: ${unknownVariant} is not one of ${Object.keys(VARIANTS).join(', ')}`);
  if (!(MINUTES > 0)) throw new Error('BENCH_MINUTES must be a positive number');
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** (end − start) / start, each end the mean of a few samples. */
function growth(samples: readonly number[]): number {
  const ends = Math.max(1, Math.min(END_SAMPLES, Math.floor(samples.length / 2)));
  const start = mean(samples.slice(0, ends));
  return start > 0 ? (mean(samples.slice(-ends)) - start) / start : 0;
}

function summarise(variant: Variant, figures: RunFigures, emptyAnonShmemMb: number | null): Row {
  const ends = Math.max(1, Math.min(END_SAMPLES, Math.floor(figures.memorySamples.length / 2)));
  const pss = figures.memorySamples.map((m) => m.pss);
  const anonShmem = figures.memorySamples.map((m) => m.anonShmem);
  const tiles = figures.tiles;
  const pssMb = mean(pss.slice(-ends)) / MB;
  const anonShmemMb = mean(anonShmem.slice(-ends)) / MB;
  const cpuSeconds = figures.cores * figures.windowSeconds;
  const decoded = figures.framesPresented + figures.framesDropped;
  const hasVideo = variant !== 'empty';
  return {
    tiles,
    variant,
    cores: figures.cores,
    cpuPerTile: (figures.cores * 100) / tiles,
    machineBusyPct: figures.machineBusy * 100,
    pssMb,
    mbPerTile: pssMb / tiles,
    anonShmemMb,
    marginalMbPerTile: emptyAnonShmemMb === null || !hasVideo || variant === 'ffmpeg' ? null : (anonShmemMb - emptyAnonShmemMb) / tiles,
    growthPct: growth(pss) * 100,
    anonShmemGrowthPct: growth(anonShmem) * 100,
    memorySamplesMb: figures.memorySamples.map((m) => [Math.round(m.pss / MB), Math.round(m.anonShmem / MB)]),
    framesPerCpuSecond: hasVideo && cpuSeconds > 0 ? figures.framesPresented / cpuSeconds : null,
    shownPct: hasVideo ? (figures.framesPresented / (tiles * CLIP_FRAME_RATE * figures.windowSeconds)) * 100 : null,
    droppedPct: hasVideo && decoded > 0 ? (figures.framesDropped / decoded) * 100 : null,
    secondsBehindLive: percentile(figures.secondsBehindLive, 50),
    playing: hasVideo ? figures.playing : 0,
    playingPct: hasVideo ? figures.playingShare * 100 : 0,
    renditions: hasVideo ? describeRenditions(figures.heights) : '–',
    pssMbByRole: Object.fromEntries(Object.entries(figures.pssByRole).map(([role, bytes]) => [role, bytes / MB])),
    coresByRole: figures.coresByRole as Record<string, number>,
    jsHeapMb: figures.jsHeapMb,
    workers: figures.workers,
    badges: figures.badges,
  };
}

function describeRenditions(heights: readonly number[]): string {
  const counts = new Map<number, number>();
  heights.forEach((h) => counts.set(h, (counts.get(h) ?? 0) + 1));
  return [...counts].sort((a, b) => a[0] - b[0]).map(([h, n]) => `${n}×${h || '?'}p`).join(' ');
}

/** The rendition ffmpeg decodes per tile: what the wall showed, else what the wall would pick for the tile's size. */
function ffmpegRenditions(size: Size, wall: Row | undefined, wallHeights: number[] | undefined): string[] {
  if (wall && wallHeights && wallHeights.every((h) => h > 0)) return wallHeights.map((h) => `${h}p`);
  const { grid, cells } = WALL_LAYOUT[size];
  const side = Math.sqrt(Number(grid)) * Math.ceil(Math.sqrt(Number(cells)));
  const ladder = [
    { width: 1280, height: 720 },
    { width: 640, height: 360 },
    { width: 320, height: 180 },
  ];
  const level = ladder[chooseLevelForTile(ladder, VIEWPORT.width / side, VIEWPORT.height / side)]!;
  return Array.from({ length: size }, () => `${level.height}p`);
}

async function main(): Promise<void> {
  validate();
  const startedAt = new Date();
  console.log(
    `camera wall benchmark ${startedAt.toISOString()}: ${SIZES.join('/')} tiles × ${VARIANT_NAMES.join(', ')}; ` +
      `${MINUTES} min window after ${WARMUP_MS / 1000} s warm-up per configuration, memory every ${SAMPLE_MS / 1000} s; ` +
      `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  const stack = await startCameraWallStack();
  const rows: Row[] = [];
  try {
    const all = await stack.cameras(Math.max(...SIZES));
    const timing = { warmupMs: WARMUP_MS, windowMs: WINDOW_MS, sampleMs: SAMPLE_MS };
    for (const size of SIZES) {
      const cameras: Camera[] = all.slice(0, size);
      let emptyAnonShmemMb: number | null = null;
      let wallHeights: number[] | undefined;
      // the empty page first: every other row's marginal cost subtracts it
      const ordered = [...VARIANT_NAMES].sort((a, b) => Number(b === 'empty') - Number(a === 'empty') || Number(a === 'ffmpeg') - Number(b === 'ffmpeg'));
      for (const variant of ordered) {
        const spec = VARIANTS[variant].spec;
        const figures = spec
          ? await runBrowser(stack, spec, cameras, WALL_LAYOUT[size], VIEWPORT, timing)
          : await runFfmpeg(stack, cameras, ffmpegRenditions(size, rows.find((r) => r.tiles === size && r.variant === 'wall'), wallHeights), timing);
        const row = summarise(variant, figures, emptyAnonShmemMb);
        if (variant === 'empty') emptyAnonShmemMb = row.anonShmemMb;
        if (variant === 'wall') wallHeights = figures.heights;
        rows.push(row);
        console.log(`  ${size} tiles: ${VARIANTS[variant].label} done (${row.playing}/${size} playing, ${row.pssMb.toFixed(0)} MB, ${row.cores.toFixed(2)} cores, machine ${row.machineBusyPct.toFixed(0)} % busy)`);
      }
    }
  } finally {
    await stack.close();
  }
  report(rows, startedAt);
}

function report(rows: Row[], startedAt: Date): void {
  const label = (variant: Variant) => VARIANTS[variant].label;
  printTable(
    [
      'tiles', 'player', 'playing', { title: 'frames/CPU-s', digits: 0 }, { title: 'shown %', digits: 0 }, { title: 'dropped %', digits: 1 }, { title: 'behind live s', digits: 1 },
      { title: 'CPU %/tile', digits: 1 }, { title: 'cores', digits: 2 }, { title: 'machine busy %', digits: 0 },
      { title: 'PSS MB', digits: 0 }, { title: 'MB/tile', digits: 1 }, { title: 'growth %', digits: 1 },
      { title: 'anon+shmem MB', digits: 0 }, { title: 'marginal MB/tile', digits: 1 }, { title: 'a+s growth %', digits: 1 }, 'renditions',
    ],
    rows.map((r) => [
      r.tiles, label(r.variant), r.variant === 'empty' ? '–' : `${r.playing}/${r.tiles} (${r.playingPct.toFixed(0)}%)`, r.framesPerCpuSecond, r.shownPct, r.droppedPct, r.secondsBehindLive,
      r.cpuPerTile, r.cores, r.machineBusyPct, r.pssMb, r.mbPerTile, r.growthPct, r.anonShmemMb, r.marginalMbPerTile, r.anonShmemGrowthPct, r.renditions,
    ]),
    'Camera wall: cost per live tile. playing: tiles whose clock advanced (share of sample intervals); frames/CPU-s: frames shown per CPU-second ' +
      '(higher is better); shown %: of the frames the streams carried; CPU % of one core; memory: PSS of the process tree at the end of the window, ' +
      'and its anon+shmem part, which other programs on the machine do not move; marginal: anon+shmem over the empty page',
  );
  console.log('');
  const browserRows = rows.filter((r) => r.variant !== 'ffmpeg');
  printTable(
    ['tiles', 'player', ...PROCESS_ROLES.map((role) => ({ title: `${role} MB`, digits: 0 })), { title: 'JS heap MB', digits: 0 }, ...['renderer', 'gpu', 'browser'].map((role) => ({ title: `${role} cores`, digits: 2 })), 'workers'],
    browserRows.map((r) => [r.tiles, label(r.variant), ...PROCESS_ROLES.map((role) => r.pssMbByRole[role] ?? null), r.jsHeapMb, r.coresByRole.renderer ?? null, r.coresByRole.gpu ?? null, r.coresByRole.browser ?? null, r.workers]),
    'Where it goes: PSS and CPU by Chromium process (other = zygotes, storage, audio)',
  );

  const checks = [...new Set(rows.map((r) => r.tiles))].flatMap((tiles) => {
    const wall = rows.find((r) => r.tiles === tiles && r.variant === 'wall');
    if (!wall) return [];
    const against = (['plain', 'plain-rebased'] as const).flatMap((variant) => {
      const other = rows.find((r) => r.tiles === tiles && r.variant === variant);
      if (!other) return [];
      return [{
        variant,
        memoryBetter: wall.mbPerTile < other.mbPerTile,
        /** The fair CPU comparison: more frames shown per CPU-second. */
        efficiencyBetter: wall.framesPerCpuSecond !== null && other.framesPerCpuSecond !== null && wall.framesPerCpuSecond > other.framesPerCpuSecond,
        cpuPerTileBetter: wall.cpuPerTile < other.cpuPerTile,
        // when the cores are saturated, or the other player shows few of its frames (spending little on them), CPU per tile compares with nothing
        cpuPerTileMeaningless: wall.machineBusyPct >= 90 || other.machineBusyPct >= 90 || (other.shownPct ?? 0) < 90,
        mbPerTile: [wall.mbPerTile, other.mbPerTile],
        framesPerCpuSecond: [wall.framesPerCpuSecond, other.framesPerCpuSecond],
        cpuPerTile: [wall.cpuPerTile, other.cpuPerTile],
        shownPct: [wall.shownPct, other.shownPct],
      }];
    });
    return [{
      tiles,
      mbPerTile: wall.mbPerTile,
      memoryOk: wall.mbPerTile <= TARGET_MB_PER_TILE,
      growthOk: wall.growthPct <= TARGET_GROWTH * 100,
      growthPct: wall.growthPct,
      anonShmemGrowthPct: wall.anonShmemGrowthPct,
      allPlaying: wall.playing === tiles,
      playing: wall.playing,
      against,
    }];
  });
  console.log('');
  const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
  const fixed = (value: number | null, digits: number) => (value === null ? '–' : value.toFixed(digits));
  for (const c of checks) {
    console.log(
      `${String(c.tiles).padStart(2)} tiles: ${mark(c.memoryOk)} ≤ ${TARGET_MB_PER_TILE} MB/tile (${c.mbPerTile.toFixed(1)})   ` +
        `${mark(c.growthOk)} growth ≤ ${TARGET_GROWTH * 100}% (${c.growthPct.toFixed(1)}%; anon+shmem ${c.anonShmemGrowthPct.toFixed(1)}%)   ` +
        `${mark(c.allPlaying)} every tile playing (${c.playing}/${c.tiles})`,
    );
    for (const a of c.against) {
      console.log(
        `          vs ${VARIANTS[a.variant].label}: ${mark(a.memoryBetter)} less memory (${fixed(a.mbPerTile[0]!, 1)} vs ${fixed(a.mbPerTile[1]!, 1)} MB/tile)   ` +
          `${mark(a.efficiencyBetter)} more frames per CPU-second (${fixed(a.framesPerCpuSecond[0]!, 0)} vs ${fixed(a.framesPerCpuSecond[1]!, 0)}; shown ${fixed(a.shownPct[0]!, 0)} vs ${fixed(a.shownPct[1]!, 0)} %)   ` +
          `${a.cpuPerTileMeaningless ? 'n/a ' : mark(a.cpuPerTileBetter)} less CPU per tile (${fixed(a.cpuPerTile[0]!, 1)} vs ${fixed(a.cpuPerTile[1]!, 1)} %` +
          `${a.cpuPerTileMeaningless ? ': cores saturated or frames not shown, compare frames per CPU-second' : ''})`,
      );
    }
  }
  if (MINUTES < 30) console.log(`(the targets are stated for a 30-minute window per configuration; this run measured ${MINUTES} min each: growth figures are indicative)`);
  console.log(
    JSON.stringify({
      bench: 'cameras',
      date: startedAt.toISOString(),
      minutes: MINUTES,
      warmupSeconds: WARMUP_MS / 1000,
      machine: { cores: os.cpus().length, loadAverageAtEnd: os.loadavg() },
      results: rows,
      checks,
    }),
  );
}

await main();
process.exit(0);
