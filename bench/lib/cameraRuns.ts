// One configuration of bench:cameras, measured: N cameras played by a Chromium page (the camera
// wall, plain hls.js players, or the wall page with no players) or by N ffmpeg decoders, then a
// warm-up and a window in which CPU, memory (sampled all along, for growth), frames presented and
// dropped, seconds behind live and each tile's clock are read.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Camera } from '../../shared/protocol/cameras';
import type { ViewTileManagerTuning } from '../../renderer/video/tuning';
import { launchBareChromium } from './bareChromium';
import { waitFor, type CameraWallStack } from './cameraWallHarness';
import { CpuWindow, MachineBusy, type MemoryBytes, PROCESS_ROLES, type ProcessRole, cpuSecondsByRole, memoryBytes, processTree, pssByRole } from './procStats';

export interface RunTiming {
  warmupMs: number;
  windowMs: number;
  /** Memory is read this often through the window. */
  sampleMs: number;
}

export type PageSpec =
  | { page: 'wall'; tune?: ViewTileManagerTuning }
  | { page: 'plain'; rebaseDiscontinuities?: boolean }
  /** The wall page with every tile empty: what the page costs before any video. */
  | { page: 'empty' };

export interface RunFigures {
  tiles: number;
  /** The window as it ran (a little longer than asked: the last readings take time). */
  windowSeconds: number;
  /** Cores busy on average (1 = one core) for the whole process tree. */
  cores: number;
  coresByRole: Partial<Record<ProcessRole, number>>;
  /** The whole machine's CPU busy share over the window, other people's work included (0–1). */
  machineBusy: number;
  /** Memory at each sample through the window. */
  memorySamples: MemoryBytes[];
  pssByRole: Partial<Record<ProcessRole, number>>;
  /** Frames shown (decoded minus dropped) over the window, all tiles. */
  framesPresented: number;
  framesDropped: number;
  /** Tiles whose clock advanced by at least half the window. */
  playing: number;
  /** Share of (tile, sample interval) pairs in which the tile's clock advanced by half the interval or more. */
  playingShare: number;
  /** Every reading of every tile's seconds behind live through the window. */
  secondsBehindLive: number[];
  /** Picture height of each tile at the end (0: no picture). */
  heights: number[];
  jsHeapMb: number | null;
  /** Web workers the page started (hls.js's transmuxer would be one). */
  workers: number;
  /** Wall only: tiles by badge at the end. */
  badges: Record<string, number> | null;
}

interface TileReading {
  time: number;
  height: number;
  total: number;
  dropped: number;
}

interface PageReading {
  tiles: TileReading[];
  behind: (number | null)[];
  heapBytes: number | null;
  badges: Record<string, number> | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Plain JS text, evaluated in the page.
const READ_PAGE = `(() => {
  const tiles = [...document.querySelectorAll('video')].map((v) => {
    const q = v.getVideoPlaybackQuality();
    return { time: v.currentTime, height: v.videoHeight, total: q.totalVideoFrames, dropped: q.droppedVideoFrames };
  });
  let behind = [];
  let badges = null;
  if (window.cameraWall) {
    const stats = window.cameraWall.stats();
    const figures = [...document.querySelectorAll('figure[data-tile]')];
    behind = figures.map((f) => stats.secondsBehindLive[f.dataset.tile] ?? null);
    badges = {};
    for (const f of figures) badges[f.dataset.health] = (badges[f.dataset.health] || 0) + 1;
  } else if (window.plainPlayers) {
    behind = window.plainPlayers.secondsBehindLive();
  }
  return { tiles, behind, heapBytes: performance.memory ? performance.memory.usedJSHeapSize : null, badges };
})()`;

/** Frames shown between two readings of one tile; a rebuilt player starts its counts over. */
function framesBetween(before: TileReading | undefined, after: TileReading): { presented: number; dropped: number } {
  const restarted = !before || after.total < before.total;
  const total = restarted ? after.total : after.total - before.total;
  const dropped = restarted ? after.dropped : after.dropped - before.dropped;
  return { presented: Math.max(0, total - dropped), dropped: Math.max(0, dropped) };
}

/**
 * N cameras in a fresh Chromium of its own (so its process tree is only this page), driven
 * without Playwright: see `bareChromium.ts` for what Playwright's Network domain costs.
 */
export async function runBrowser(stack: CameraWallStack, spec: PageSpec, cameras: Camera[], layout: { grid: string; cells: string }, viewport: { width: number; height: number }, timing: RunTiming): Promise<RunFigures> {
  let url: string;
  if (spec.page === 'plain') {
    url = stack.plainUrl();
  } else {
    // an empty page lists a camera id the directory does not know for every tile: no players, every tile drawn
    const ids = spec.page === 'empty' ? cameras.map(() => 'none') : cameras.map((c) => c.id);
    const tune: Record<string, string> = spec.page === 'wall' && spec.tune ? { tune: JSON.stringify(spec.tune) } : {};
    url = stack.wallUrl({ ...layout, cameras: ids.join(','), ...tune });
  }
  const browser = await launchBareChromium(url, viewport);
  try {
    const readPage = () => browser.evaluate<PageReading>(READ_PAGE);
    if (spec.page === 'plain') {
      const options = { rebaseDiscontinuities: spec.rebaseDiscontinuities ?? false };
      await browser.evaluate(`window.plainPlayers.start(${JSON.stringify(cameras.map((c) => c.hls))}, ${JSON.stringify(options)})`);
    }
    if (spec.page !== 'empty') {
      await waitFor(async () => (await readPage()).tiles.filter((t) => t.time > 0).length >= cameras.length, `${cameras.length} tiles playing`, 90_000, 500).catch(
        (error: Error) => console.log(`  ${error.message}; measuring anyway`),
      );
    }
    await sleep(timing.warmupMs);
    const tree = () => processTree(browser.pid);
    const cpu = new CpuWindow(tree);
    const busy = new MachineBusy();
    const cpuByRoleBefore = cpuSecondsByRole(tree());
    const readings: PageReading[] = [await readPage()];
    const memorySamples = [memoryBytes(tree())];
    const windowStart = performance.now();
    while (performance.now() - windowStart < timing.windowMs) {
      await sleep(Math.min(timing.sampleMs, timing.windowMs - (performance.now() - windowStart)));
      memorySamples.push(memoryBytes(tree()));
      readings.push(await readPage());
    }
    const seconds = (performance.now() - windowStart) / 1000;
    const cores = cpu.cores();
    const machineBusy = busy.share();
    const cpuByRoleAfter = cpuSecondsByRole(tree());
    const last = readings.at(-1)!;
    return {
      tiles: cameras.length,
      windowSeconds: seconds,
      cores,
      coresByRole: Object.fromEntries(PROCESS_ROLES.map((role) => [role, (cpuByRoleAfter[role] - cpuByRoleBefore[role]) / seconds])),
      machineBusy,
      memorySamples,
      pssByRole: pssByRole(tree()),
      ...playback(readings, seconds),
      jsHeapMb: last.heapBytes === null ? null : last.heapBytes / (1024 * 1024),
      workers: browser.workers(),
      badges: last.badges,
    };
  } finally {
    await browser.close();
  }
}

function playback(readings: PageReading[], seconds: number) {
  const first = readings[0]!;
  const last = readings.at(-1)!;
  let framesPresented = 0;
  let framesDropped = 0;
  last.tiles.forEach((tile, i) => {
    const frames = framesBetween(first.tiles[i], tile);
    framesPresented += frames.presented;
    framesDropped += frames.dropped;
  });
  const playing = last.tiles.filter((tile, i) => tile.time - (first.tiles[i]?.time ?? 0) >= seconds * 0.5).length;
  let advancing = 0;
  let intervals = 0;
  const intervalSeconds = seconds / Math.max(1, readings.length - 1);
  for (let r = 1; r < readings.length; r++) {
    readings[r]!.tiles.forEach((tile, i) => {
      intervals += 1;
      if (tile.time - (readings[r - 1]!.tiles[i]?.time ?? 0) >= intervalSeconds * 0.5) advancing += 1;
    });
  }
  return {
    framesPresented,
    framesDropped,
    playing,
    playingShare: intervals > 0 ? advancing / intervals : 0,
    secondsBehindLive: readings.slice(1).flatMap((reading) => reading.behind.filter((s): s is number => s !== null)),
    heights: last.tiles.map((tile) => tile.height),
  };
}

/** The floor: one ffmpeg per camera decoding its stream in real time and throwing the frames away. */
export async function runFfmpeg(stack: CameraWallStack, cameras: Camera[], renditions: string[], timing: RunTiming): Promise<RunFigures> {
  const frames = cameras.map(() => 0);
  const children: ChildProcess[] = cameras.map((camera, i) => {
    const url = `${stack.hub.url}/hls/cameras/${encodeURIComponent(camera.id)}/${renditions[i]}/live.m3u8`;
    const child = spawn('ffmpeg', ['-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', '-re', '-i', url, '-f', 'null', '-'], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      const last = [...text.matchAll(/frame=(\d+)/g)].at(-1);
      if (last) frames[i] = Number(last[1]);
    });
    return child;
  });
  try {
    const pids = () => children.flatMap((child) => (child.pid && child.exitCode === null ? processTree(child.pid) : []));
    await sleep(timing.warmupMs);
    const cpu = new CpuWindow(pids);
    const busy = new MachineBusy();
    const framesBefore = [...frames];
    const memorySamples = [memoryBytes(pids())];
    const windowStart = performance.now();
    while (performance.now() - windowStart < timing.windowMs) {
      await sleep(Math.min(timing.sampleMs, timing.windowMs - (performance.now() - windowStart)));
      memorySamples.push(memoryBytes(pids()));
    }
    const seconds = (performance.now() - windowStart) / 1000;
    const cores = cpu.cores();
    const decoded = frames.map((n, i) => n - framesBefore[i]!);
    // ffmpeg reads at the stream's own rate (-re): a decoder keeping up decodes 25 frames a second
    const playing = decoded.filter((n) => n >= seconds * 25 * 0.5).length;
    return {
      tiles: cameras.length,
      windowSeconds: seconds,
      cores,
      coresByRole: {},
      machineBusy: busy.share(),
      memorySamples,
      pssByRole: {},
      framesPresented: decoded.reduce((a, b) => a + b, 0),
      framesDropped: 0,
      playing,
      playingShare: playing / cameras.length,
      secondsBehindLive: [],
      heights: renditions.map((name) => Number(name.replace('p', ''))),
      jsHeapMb: null,
      workers: 0,
      badges: null,
    };
  } finally {
    children.forEach((child) => child.kill('SIGKILL'));
  }
}
