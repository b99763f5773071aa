// The bench:city3d page (browser code, bundled by bench/lib/city3dPageServer.ts): fetches a
// building list as the hub would serve it, draws it on a 1920×1080 r3f canvas either as <Buildings>
// (merged tiles, LOD) or naively (one Mesh per building, same geometry and material, no LOD), then
// orbits the camera slowly and times each frame. `frameloop="never"`: the page drives every frame
// itself (advance), so CPU time per frame is measured around exactly one render.
// Results land in `window.city3dBench` for the runner to read.
import { advance, createRoot } from '@react-three/fiber';
import { createElement, Fragment } from 'react';
import { AmbientLight, Color, DirectionalLight, Group, Mesh, MeshLambertMaterial, PerspectiveCamera, type Scene, type WebGLRenderer } from 'three';
import type { Building } from '../shared/protocol/map';
import { Buildings } from '../renderer/scene3d/buildings';
import { packFootprints } from '../renderer/scene3d/buildings/footprints';
import { buildTileGeometry, geometryBytes, toBufferGeometry } from '../renderer/scene3d/buildings/tileGeometry';
import type { TiledBuildingsStats } from '../renderer/scene3d/buildings/TiledBuildings';

export type Variant = 'tiled' | 'naive';

export interface City3dRun {
  variant: Variant;
  dataUrl: string;
  frames: number;
  warmupFrames: number;
  /** Measuring stops after this long even if fewer frames were drawn. */
  maxMeasureMs: number;
  orbit: { radius: number; height: number; degreesPerFrame: number };
}

export interface FrameSample {
  /** performance.now() around advance(): useFrame work + gl.render's JS and GL submission. */
  cpuMs: number;
  /** Time since the previous rAF callback (0 for the first). */
  intervalMs: number;
  calls: number;
  triangles: number;
}

export interface City3dResult {
  variant: Variant;
  buildings: number;
  /** Page start (navigation) → building list parsed. */
  dataReadyMs: number;
  /** Building list parsed → first frame on screen (pixels read back). */
  firstFrameMs: number;
  /** Page start → first frame on screen. */
  firstFrameFromStartMs: number;
  /** Geometry building before the first frame (packing, tiling, merging; or the naive meshes). */
  buildMs: number;
  /** The first frame with buildings itself: shader compile, upload, draw, read back. */
  firstRenderMs: number;
  first: { calls: number; triangles: number };
  geometryBytes: number;
  samples: FrameSample[];
  /** Measuring stopped at maxMeasureMs before `frames` frames. */
  capped: boolean;
  tiled?: TiledBuildingsStats;
}

const WIDTH = 1920;
const HEIGHT = 1080;

function orbitPose(camera: PerspectiveCamera, run: City3dRun, frame: number): void {
  const angle = ((30 + frame * run.orbit.degreesPerFrame) * Math.PI) / 180;
  camera.position.set(Math.cos(angle) * run.orbit.radius, run.orbit.height, Math.sin(angle) * run.orbit.radius);
  camera.lookAt(0, 0, 0);
  camera.updateMatrixWorld();
}

/** Blocks until the GPU has drawn everything submitted: a one-pixel read back. */
function finish(gl: WebGLRenderer): void {
  const context = gl.getContext();
  context.readPixels(0, 0, 1, 1, context.RGBA, context.UNSIGNED_BYTE, new Uint8Array(4));
}

function naiveGroup(buildings: Building[], material: MeshLambertMaterial): { group: Group; bytes: number } {
  const packed = packFootprints(buildings);
  const group = new Group();
  let bytes = 0;
  for (let b = 0; b < packed.count; b += 1) {
    const data = buildTileGeometry(packed, Uint32Array.of(b), 'full');
    bytes += geometryBytes(data);
    group.add(new Mesh(toBufferGeometry(data), material));
  }
  return { group, bytes };
}

async function start(run: City3dRun): Promise<City3dResult> {
  const canvas = document.createElement('canvas');
  canvas.style.cssText = `width:${WIDTH}px;height:${HEIGHT}px;display:block`;
  document.body.style.cssText = 'margin:0;background:#0b1220';
  document.body.append(canvas);
  const camera = new PerspectiveCamera(35, WIDTH / HEIGHT, 10, 80_000);
  orbitPose(camera, run, 0);
  const root = createRoot(canvas);
  await root.configure({ camera, frameloop: 'never', dpr: 1, size: { width: WIDTH, height: HEIGHT, top: 0, left: 0 }, gl: { antialias: false, powerPreference: 'high-performance' } });
  const { gl, scene } = root.render(createElement(Fragment)).getState() as { gl: WebGLRenderer; scene: Scene };
  scene.background = new Color(0x0b1220);
  scene.add(new AmbientLight(0xffffff, 0.7));
  const sun = new DirectionalLight(0xffffff, 1.6);
  sun.position.set(-3000, 6000, 2000);
  scene.add(sun);
  // the canvas and its context exist before the list arrives, as in the scene: not counted
  advance(performance.now());
  finish(gl);

  const response = await fetch(run.dataUrl);
  const { buildings } = (await response.json()) as { buildings: Building[] };
  const dataReadyAt = performance.now();
  // the scene holds its list in both variants, so the heap figures compare like with like
  (window as unknown as { city3dData: unknown }).city3dData = buildings;

  let buildMs: number;
  let bytes: number;
  let tiledStats: TiledBuildingsStats | undefined;
  if (run.variant === 'tiled') {
    const ready = new Promise<TiledBuildingsStats>((resolve) => root.render(createElement(Buildings, { buildings, onReady: resolve })));
    tiledStats = await ready;
    buildMs = tiledStats.buildMs;
    bytes = tiledStats.geometryBytes;
  } else {
    const started = performance.now();
    const material = new MeshLambertMaterial({ vertexColors: true, flatShading: true });
    const naive = naiveGroup(buildings, material);
    scene.add(naive.group);
    buildMs = performance.now() - started;
    bytes = naive.bytes;
  }
  const renderStartedAt = performance.now();
  advance(performance.now());
  finish(gl);
  const firstFrameAt = performance.now();
  const first = { calls: gl.info.render.calls, triangles: gl.info.render.triangles };
  (window as unknown as { city3dFirstFrame: unknown }).city3dFirstFrame = { firstFrameMs: firstFrameAt - dataReadyAt, ...first };

  const samples: FrameSample[] = [];
  let capped = false;
  await new Promise<void>((resolve) => {
    let frame = 0;
    let last = 0;
    let measuringSince = 0;
    const tick = (timestamp: number) => {
      orbitPose(camera, run, frame + 1);
      const before = performance.now();
      advance(timestamp);
      const cpuMs = performance.now() - before;
      if (frame === run.warmupFrames) measuringSince = performance.now();
      if (frame >= run.warmupFrames) samples.push({ cpuMs, intervalMs: last ? timestamp - last : 0, calls: gl.info.render.calls, triangles: gl.info.render.triangles });
      last = timestamp;
      frame += 1;
      const measured = frame - run.warmupFrames;
      capped = measured > 0 && measured < run.frames && performance.now() - measuringSince > run.maxMeasureMs;
      // warm-up frames count against the cap too, so a very slow variant still ends
      const warmupTooLong = frame < run.warmupFrames && performance.now() - firstFrameAt > run.maxMeasureMs;
      if (measured >= run.frames || capped || warmupTooLong) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    variant: run.variant,
    buildings: buildings.length,
    dataReadyMs: dataReadyAt,
    firstFrameMs: firstFrameAt - dataReadyAt,
    firstFrameFromStartMs: firstFrameAt,
    buildMs,
    firstRenderMs: firstFrameAt - renderStartedAt,
    first,
    geometryBytes: bytes,
    samples,
    capped,
    ...(tiledStats ? { tiled: tiledStats } : {}),
  };
}

(window as unknown as { city3dBench: unknown }).city3dBench = { start };
