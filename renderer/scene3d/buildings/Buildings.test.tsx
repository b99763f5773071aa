// @vitest-environment jsdom
import { act, createRoot, type ReconcilerRoot } from '@react-three/fiber';
import { Group, PerspectiveCamera, type Scene } from 'three';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildingGrid } from './buildingFixtures';
import { Buildings, type BuildingsProps } from './Buildings';
import { BuildingTileMesh } from './BuildingTileMesh';
import type { TiledBuildingsStats } from './TiledBuildings';

/** Just enough of a WebGLRenderer for r3f: counts frames, draws nothing (jsdom has no WebGL). */
function stubRenderer(canvas: HTMLCanvasElement) {
  const noop = () => undefined;
  return {
    frames: 0,
    domElement: canvas,
    render(this: { frames: number }) {
      this.frames += 1;
    },
    setSize: noop,
    setPixelRatio: noop,
    dispose: noop,
    forceContextLoss: noop,
    renderLists: { dispose: noop },
    shadowMap: { enabled: false, type: 0, needsUpdate: false },
    xr: { enabled: false, isPresenting: false, addEventListener: noop, removeEventListener: noop, setAnimationLoop: noop },
    outputColorSpace: 'srgb',
    toneMapping: 0,
  };
}

const roots: ReconcilerRoot<HTMLCanvasElement>[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await act(async () => root.unmount());
});

async function mount(props: BuildingsProps) {
  const canvas = document.createElement('canvas');
  const gl = stubRenderer(canvas);
  const camera = new PerspectiveCamera(35, 16 / 9, 10, 60_000);
  camera.position.set(1000, 400, 1000);
  camera.lookAt(1000, 0, 999);
  const root = createRoot(canvas);
  roots.push(root);
  let scene: Scene | undefined;
  await act(async () => {
    await root.configure({ gl: gl as never, camera, frameloop: 'demand', size: { width: 1920, height: 1080, top: 0, left: 0 }, events: undefined, onCreated: (state) => void (scene = state.scene) });
    root.render(<Buildings {...props} />);
  });
  const render = (next: BuildingsProps) => act(async () => void root.render(<Buildings {...next} />));
  return { gl, scene: () => scene!, camera, render, root };
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 100)));

function meshes(scene: Scene): BuildingTileMesh[] {
  const out: BuildingTileMesh[] = [];
  scene.traverse((o) => o instanceof BuildingTileMesh && out.push(o));
  return out;
}

describe('<Buildings>', () => {
  const buildings = buildingGrid(20, 100);

  it('builds off the frame, says when ready, and asks for frames only when the picture changes', async () => {
    const onReady = vi.fn<(stats: TiledBuildingsStats) => void>();
    const { gl, scene } = await mount({ buildings, onReady });
    await vi.waitFor(() => expect(onReady).toHaveBeenCalled());
    // the frame it asked for
    await settle();
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(onReady.mock.calls[0]![0]).toMatchObject({ buildings: 400, pending: 0 });
    const group = scene().getObjectByName('buildings');
    expect(group).toBeInstanceOf(Group);
    expect(meshes(scene()).some((m) => m.visible && m.data.detail === 'full')).toBe(true);
    // idle: no frame loop running on its own
    const framesWhenReady = gl.frames;
    await settle();
    await settle();
    expect(gl.frames).toBe(framesWhenReady);
  });

  it('is ready at once with no buildings', async () => {
    const onReady = vi.fn();
    await mount({ buildings: [], onReady });
    expect(onReady).toHaveBeenCalledWith(expect.objectContaining({ buildings: 0, cells: 0, meshes: 0 }));
  });

  it('highlights and hides on a prop change, one frame each', async () => {
    const { gl, scene, render } = await mount({ buildings });
    await settle();
    const before = gl.frames;
    await render({ buildings, highlightId: 'b-2-3' });
    await settle();
    expect(gl.frames).toBeGreaterThan(before);
    expect(scene().getObjectByName('highlight full')!.visible).toBe(true);
    await render({ buildings, highlightId: 'b-2-3', visible: false });
    await settle();
    expect(scene().getObjectByName('buildings')!.visible).toBe(false);
  });

  it('reports a click on a building by id through onPick', async () => {
    const onPick = vi.fn();
    const { scene } = await mount({ buildings, onPick });
    await settle();
    const group = scene().getObjectByName('buildings') as Group & { __r3f?: { handlers: { onClick?: (e: unknown) => void } } };
    const tile = meshes(scene()).find((m) => m.visible && m.data.detail === 'full')!;
    const face = tile.data.triangleStart[5]!;
    const stopPropagation = vi.fn();
    group.__r3f!.handlers.onClick!({ object: tile, faceIndex: face, stopPropagation });
    const packedIndex = tile.buildingOfFace(face);
    // no footprint was dropped, so packed indices are input indices
    expect(onPick.mock.calls).toEqual([[buildings[packedIndex]!.id]]);
    expect(tile.data.buildings.indexOf(packedIndex)).toBe(5);
    expect(stopPropagation).toHaveBeenCalled();
  });

  it('is not a pick target without onPick, and frees its geometry when the buildings change or it unmounts', async () => {
    const { scene, render, root } = await mount({ buildings });
    await settle();
    const group = scene().getObjectByName('buildings') as Group & { __r3f?: { eventCount: number } };
    expect(group.__r3f?.eventCount ?? 0).toBe(0);
    const first = meshes(scene());
    const disposed = vi.fn();
    for (const mesh of first) mesh.geometry.addEventListener('dispose', disposed);
    await render({ buildings: buildingGrid(5, 100) });
    await settle();
    expect(disposed).toHaveBeenCalledTimes(first.length);
    const second = meshes(scene());
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((m) => !first.includes(m))).toBe(true);
    const disposedAgain = vi.fn();
    for (const mesh of second) mesh.geometry.addEventListener('dispose', disposedAgain);
    await act(async () => root.unmount());
    roots.length = 0;
    expect(disposedAgain).toHaveBeenCalledTimes(second.length);
  });
});
