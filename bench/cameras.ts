// The camera wall's cost per tile at 16, 36 and 64 live tiles in Chromium, beside (a) ffmpeg
// decoding the same streams at the same renditions (the floor) and (b) the same tiles as plain
// hls.js players with default settings (what most web walls do). Real hub, core and browser shell.
//
//   npm run bench:cameras                 # BENCH_MINUTES=2: the measuring time of the whole run
//   BENCH_MINUTES=270 npm run bench:cameras  # 30 min per configuration: what the targets are stated for
//
// CPU is the process tree's user+system time over the window (from /proc/<pid>/stat), memory its
// PSS (/proc/<pid>/smaps_rollup) at the start and end of the window; growth is end over start.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Page } from 'playwright-core';
import type { Camera } from '../shared/protocol/cameras';
import { CHROMIUM_ARGS, startCameraWallStack, waitFor, type CameraWallStack } from './lib/cameraWallHarness';
import { CpuWindow, processTree, pssBytes } from './lib/procStats';
import { printTable } from './lib/table';

const SIZES = [16, 36, 64] as const;
const KINDS = ['wall', 'plain', 'ffmpeg'] as const;
type Kind = (typeof KINDS)[number];
const MINUTES = Number(process.env.BENCH_MINUTES ?? 2);
const WINDOW_MS = (MINUTES * 60_000) / (SIZES.length * KINDS.length);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10) * 1000;
const VIEWPORT = { width: 1920, height: 1080 };
const TARGET_MB_PER_TILE = 50;
const TARGET_GROWTH = 0.1;
const MB = 1024 * 1024;

interface Result {
  tiles: number;
  kind: Kind;
  cpuPerTile: number;
  cores: number;
  pssMb: number;
  mbPerTile: number;
  growth: number;
  heapMb: number | null;
  playing: number;
  renditions: string;
}

/** The wall page's layout for N tiles: one 16-tile cell, four 9-tile cells, four 16-tile cells. */
const WALL_LAYOUT: Record<(typeof SIZES)[number], { grid: string; cells: string }> = {
  16: { grid: '16', cells: '1' },
  36: { grid: '9', cells: '4' },
  64: { grid: '16', cells: '4' },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function videoTimes(page: Page): Promise<{ time: number; height: number }[]> {
  return page.evaluate(() => [...document.querySelectorAll('video')].map((v) => ({ time: v.currentTime, height: v.videoHeight })));
}

async function jsHeapMb(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return memory ? memory.usedJSHeapSize / (1024 * 1024) : null;
  });
}

/** Warm-up, then CPU and memory of the process tree under `root` over the window. */
async function measure(root: () => number[], page: Page | null) {
  await sleep(WARMUP_MS);
  const pssStart = pssBytes(root());
  const cpu = new CpuWindow(root);
  const before = page ? await videoTimes(page) : [];
  await sleep(WINDOW_MS);
  const cores = cpu.cores();
  const pssEnd = pssBytes(root());
  const after = page ? await videoTimes(page) : [];
  const seconds = WINDOW_MS / 1000;
  const playing = after.filter((v, i) => v.time - (before[i]?.time ?? 0) > seconds * 0.5).length;
  return { cores, pssStart, pssEnd, playing, heights: after.map((v) => v.height), heapMb: page ? await jsHeapMb(page) : null };
}

async function runBrowser(stack: CameraWallStack, kind: 'wall' | 'plain', cameras: Camera[]): Promise<Result & { heights: number[] }> {
  const server = await chromium.launchServer({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const browser = await chromium.connect(server.wsEndpoint());
  try {
    const rootPid = server.process().pid!;
    const page = await browser.newPage({ viewport: VIEWPORT });
    if (kind === 'wall') {
      await page.goto(stack.wallUrl({ ...WALL_LAYOUT[cameras.length as 16], cameras: cameras.map((c) => c.id).join(',') }));
    } else {
      await page.goto(stack.plainUrl());
      await page.evaluate((urls) => (window as unknown as { plainPlayers: { start(urls: string[]): void } }).plainPlayers.start(urls), cameras.map((c) => c.hls));
    }
    await waitFor(async () => (await videoTimes(page)).filter((v) => v.time > 0).length >= cameras.length, `${cameras.length} ${kind} tiles playing`, 90_000, 500).catch(
      (error: Error) => console.log(`  ${error.message}; measuring anyway`),
    );
    const m = await measure(() => processTree(rootPid), page);
    return { ...summarise(cameras.length, kind, m), heights: m.heights };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runFfmpeg(stack: CameraWallStack, cameras: Camera[], heights: number[]): Promise<Result> {
  const rendition = (height: number) => (height > 360 ? '720p' : height > 180 ? '360p' : '180p');
  const children: ChildProcess[] = cameras.map((camera, i) => {
    const url = `${stack.hub.url}/hls/cameras/${encodeURIComponent(camera.id)}/${rendition(heights[i] ?? 180)}/live.m3u8`;
    return spawn('ffmpeg', ['-nostdin', '-loglevel', 'error', '-re', '-i', url, '-f', 'null', '-'], { stdio: 'ignore' });
  });
  try {
    const pids = () => children.flatMap((child) => (child.pid ? processTree(child.pid) : []));
    const m = await measure(pids, null);
    const alive = children.filter((child) => child.exitCode === null).length;
    return { ...summarise(cameras.length, 'ffmpeg', { ...m, playing: alive }), renditions: describeRenditions(heights.map((h) => Number(rendition(h).slice(0, -1)))) };
  } finally {
    children.forEach((child) => child.kill('SIGKILL'));
  }
}

function summarise(tiles: number, kind: Kind, m: { cores: number; pssStart: number; pssEnd: number; playing: number; heights: number[]; heapMb: number | null }): Result {
  return {
    tiles,
    kind,
    cores: m.cores,
    cpuPerTile: (m.cores * 100) / tiles,
    pssMb: m.pssEnd / MB,
    mbPerTile: m.pssEnd / MB / tiles,
    growth: m.pssStart > 0 ? (m.pssEnd - m.pssStart) / m.pssStart : 0,
    heapMb: m.heapMb,
    playing: m.playing,
    renditions: describeRenditions(m.heights),
  };
}

function describeRenditions(heights: number[]): string {
  const counts = new Map<number, number>();
  heights.forEach((h) => counts.set(h, (counts.get(h) ?? 0) + 1));
  return [...counts].sort((a, b) => a[0] - b[0]).map(([h, n]) => `${n}×${h || '?'}p`).join(' ');
}

async function main(): Promise<void> {
  console.log(`camera wall benchmark: ${SIZES.join('/')} tiles; ${(WINDOW_MS / 1000).toFixed(0)} s window after ${WARMUP_MS / 1000} s warm-up per run (BENCH_MINUTES=${MINUTES})`);
  const stack = await startCameraWallStack();
  const results: Result[] = [];
  try {
    const all = await stack.cameras(Math.max(...SIZES));
    for (const size of SIZES) {
      const cameras = all.slice(0, size);
      const wall = await runBrowser(stack, 'wall', cameras);
      console.log(`  ${size} tiles: wall done`);
      const plain = await runBrowser(stack, 'plain', cameras);
      console.log(`  ${size} tiles: plain hls.js done`);
      const ffmpeg = await runFfmpeg(stack, cameras, wall.heights);
      console.log(`  ${size} tiles: ffmpeg done`);
      results.push(wall, plain, ffmpeg);
    }
  } finally {
    await stack.close();
  }

  const label: Record<Kind, string> = { wall: 'camera wall', plain: 'plain hls.js', ffmpeg: 'ffmpeg (floor)' };
  printTable(
    ['tiles', 'player', { title: 'CPU %/tile', digits: 1 }, { title: 'cores', digits: 2 }, { title: 'PSS MB', digits: 0 }, { title: 'MB/tile', digits: 1 }, { title: 'growth %', digits: 1 }, { title: 'JS heap MB', digits: 0 }, 'playing', 'renditions'],
    results.map((r) => [r.tiles, label[r.kind], r.cpuPerTile, r.cores, r.pssMb, r.mbPerTile, r.growth * 100, r.heapMb, `${r.playing}/${r.tiles}`, r.renditions]),
    'Camera wall: cost per live tile (CPU % of one core; memory = PSS of the process tree)',
  );
  const checks = SIZES.map((size) => {
    const wall = results.find((r) => r.tiles === size && r.kind === 'wall')!;
    const plain = results.find((r) => r.tiles === size && r.kind === 'plain')!;
    return {
      tiles: size,
      memoryOk: wall.mbPerTile <= TARGET_MB_PER_TILE,
      growthOk: wall.growth <= TARGET_GROWTH,
      betterThanPlain: wall.cpuPerTile < plain.cpuPerTile && wall.mbPerTile < plain.mbPerTile,
      allPlaying: wall.playing === size,
    };
  });
  console.log('');
  for (const c of checks) {
    const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
    console.log(`${String(c.tiles).padStart(2)} tiles: ${mark(c.memoryOk)} ≤ ${TARGET_MB_PER_TILE} MB/tile   ${mark(c.growthOk)} growth ≤ ${TARGET_GROWTH * 100}%   ${mark(c.betterThanPlain)} better than plain hls.js (CPU and memory)   ${mark(c.allPlaying)} every tile playing`);
  }
  console.log(`(targets are stated for a 30-minute run per configuration; this run measured ${(WINDOW_MS / 1000).toFixed(0)} s each)`);
  console.log(JSON.stringify({ bench: 'cameras', minutes: MINUTES, windowSeconds: WINDOW_MS / 1000, results, checks }));
}

await main();
process.exit(0);
