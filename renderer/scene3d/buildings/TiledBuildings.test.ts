import { Group, type Intersection, Mesh, PerspectiveCamera, Raycaster, Vector2, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { project } from '../../../shared/geo/projection';
import { boxBuilding, buildingGrid } from './buildingFixtures';
import { BuildingTileMesh } from './BuildingTileMesh';
import { TiledBuildings } from './TiledBuildings';

const VIEW_HEIGHT = 1080;
/** These sets are small enough to be drawn in full everywhere; the LOD is what is tested here. */
const LOD_ON = { fullDetailUpTo: 0 };

function cameraAt(x: number, y: number, z: number, lookAt = new Vector3(x, 0, z - 1)): PerspectiveCamera {
  const camera = new PerspectiveCamera(35, 16 / 9, 10, 60_000);
  camera.position.set(x, y, z);
  camera.lookAt(lookAt);
  camera.updateMatrixWorld();
  return camera;
}

/** Every mesh drawn (visible up its ancestors, with something in its draw range). */
function drawn(tiled: TiledBuildings): BuildingTileMesh[] {
  const out: BuildingTileMesh[] = [];
  tiled.group.traverseVisible((o) => {
    if (o instanceof BuildingTileMesh && o.geometry.drawRange.count > 0) out.push(o);
  });
  return out;
}

function ready(tiled: TiledBuildings, camera: PerspectiveCamera): void {
  tiled.update(camera, VIEW_HEIGHT);
  tiled.buildAll();
  tiled.update(camera, VIEW_HEIGHT);
}

/** The id under a ray straight down (or along `direction`) through the set's meshes. */
function pickDown(tiled: TiledBuildings, x: number, z: number, direction = new Vector3(0, -1, 0), from = new Vector3(x, 2000, z)): string | null {
  const raycaster = new Raycaster(from, direction.normalize());
  const [hit] = raycaster.intersectObject(tiled.group, true);
  return hit ? tiled.idOfHit(hit) : null;
}

describe('TiledBuildings: level of detail', () => {
  // 80 × 80 buildings every 100 m: an 8 km square, 1 km tiles, 4 km cells (4 cells, 64 tiles)
  const buildings = buildingGrid(80, 100);

  it('shows every cell as boxes from far away, one draw call per cell', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    ready(tiled, cameraAt(4000, 20_000, 30_000, new Vector3(4000, 0, 4000)));
    const meshes = drawn(tiled);
    expect(meshes).toHaveLength(4);
    expect(meshes.every((m) => m.data.detail === 'box')).toBe(true);
    expect(tiled.stats()).toMatchObject({ buildings: 6400, cells: 4, tiles: 64, meshes: 4, pending: 0 });
  });

  it('shows full-detail tiles for the cells within nearM, boxes for the rest', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    // 300 m over the middle of the first cell
    ready(tiled, cameraAt(2000, 400, 2000));
    const meshes = drawn(tiled);
    const tiles = meshes.filter((m) => m.data.detail === 'full');
    const boxes = meshes.filter((m) => m.data.detail === 'box');
    expect(tiles).toHaveLength(16);
    expect(boxes).toHaveLength(3);
    expect(tiled.stats().meshes).toBe(19);
  });

  it('switches at the near threshold, with hysteresis on the way out', () => {
    const tiled = new TiledBuildings(buildings, { ...LOD_ON, lod: { nearM: 1000, hysteresis: 0.2, minPixels: 1.5 } });
    const detailOfFirstCell = () => (drawn(tiled).some((m) => m.data.detail === 'full' && m.parent?.name === 'cell 0,0') ? 'full' : 'box');
    // above the first cell's middle: the distance is the height over its tallest roof (100 m)
    ready(tiled, cameraAt(2000, 100 + 1010, 2000));
    expect(detailOfFirstCell()).toBe('box');
    ready(tiled, cameraAt(2000, 100 + 990, 2000));
    expect(detailOfFirstCell()).toBe('full');
    ready(tiled, cameraAt(2000, 100 + 1150, 2000));
    expect(detailOfFirstCell()).toBe('full');
    ready(tiled, cameraAt(2000, 100 + 1210, 2000));
    expect(detailOfFirstCell()).toBe('box');
  });

  it('keeps showing a cell as boxes until its tiles are built, and says when the picture changed', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    const far = cameraAt(4000, 20_000, 30_000, new Vector3(4000, 0, 4000));
    ready(tiled, far);
    const near = cameraAt(2000, 400, 2000);
    expect(tiled.update(near, VIEW_HEIGHT)).toBe(true);
    expect(tiled.pending).toBe(1);
    expect(drawn(tiled).filter((m) => m.parent?.name === 'cell 0,0').map((m) => m.data.detail)).toEqual(['box']);
    expect(tiled.buildSome(0)).toBe(true);
    expect(tiled.update(near, VIEW_HEIGHT)).toBe(true);
    expect(drawn(tiled).filter((m) => m.parent?.name === 'cell 0,0').every((m) => m.data.detail === 'full')).toBe(true);
    expect(tiled.update(near, VIEW_HEIGHT)).toBe(false);
  });

  it('drops low buildings from far cells by screen size, tallest kept', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    ready(tiled, cameraAt(4000, 3000, 9000, new Vector3(4000, 0, 4000)));
    const closeCount = drawn(tiled).reduce((s, m) => s + m.drawnSlots, 0);
    ready(tiled, cameraAt(4000, 40_000, 60_000, new Vector3(4000, 0, 4000)));
    const farMeshes = drawn(tiled);
    const farCount = farMeshes.reduce((s, m) => s + m.drawnSlots, 0);
    expect(farCount).toBeLessThan(closeCount);
    expect(farCount).toBeGreaterThan(0);
    for (const mesh of farMeshes) {
      const heights = [...mesh.data.buildings].map((b) => tiled.footprints.heights[b]!);
      const kept = heights.slice(0, mesh.drawnSlots);
      const dropped = heights.slice(mesh.drawnSlots);
      if (dropped.length) expect(Math.min(...kept)).toBeGreaterThan(Math.max(...dropped));
      expect(mesh.geometry.drawRange.count).toBe(mesh.data.triangleStart[mesh.drawnSlots]! * 3);
    }
  });

  it('bounds draw calls by near cells × tiles + cells, whatever the camera', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    for (const [x, y, z] of [
      [4000, 300, 4000],
      [0, 200, 0],
      [8000, 1000, 8000],
      [4000, 5000, 12_000],
    ] as const) {
      ready(tiled, cameraAt(x, y, z, new Vector3(4000, 0, 4000)));
      // at most 4 cells near (a camera over a corner where four meet), 16 tiles each
      expect(drawn(tiled).length).toBeLessThanOrEqual(4 * 16 + 4);
    }
  });

  it('draws a small set (a street, a district) in full detail everywhere, without building boxes', () => {
    const tiled = new TiledBuildings(buildings, { fullDetailUpTo: 10_000 });
    ready(tiled, cameraAt(4000, 40_000, 60_000, new Vector3(4000, 0, 4000)));
    const meshes = drawn(tiled);
    expect(meshes).toHaveLength(64);
    expect(meshes.every((m) => m.data.detail === 'full')).toBe(true);
    let boxes = 0;
    tiled.group.traverse((o) => o instanceof BuildingTileMesh && o.data.detail === 'box' && (boxes += 1));
    expect(boxes).toBe(0);
  });

  it('drops the full detail of cells left behind, beyond keptNearCells', () => {
    const tiled = new TiledBuildings(buildings, { ...LOD_ON, keptNearCells: 1 });
    for (const [x, z] of [
      [2000, 2000],
      [6000, 2000],
      [6000, 6000],
    ]) {
      ready(tiled, cameraAt(x!, 400, z!));
    }
    const built = tiled.group.children.filter((cell) => cell.children.some((m) => m instanceof BuildingTileMesh && m.data.detail === 'full'));
    expect(built.map((c) => c.name).sort()).toEqual(['cell 1,0', 'cell 1,1']);
  });
});

describe('TiledBuildings: picking', () => {
  const buildings = buildingGrid(30, 100);

  it('a ray down onto a roof reports that building, at full detail and as boxes', () => {
    for (const cameraHeight of [400, 5000]) {
      const tiled = new TiledBuildings(buildings, LOD_ON);
      ready(tiled, cameraAt(1500, cameraHeight, 1500));
      expect(drawn(tiled).some((m) => m.data.detail === (cameraHeight === 400 ? 'full' : 'box'))).toBe(true);
      for (const [col, row] of [
        [0, 0],
        [7, 3],
        [29, 29],
        [12, 25],
      ]) {
        expect(pickDown(tiled, col! * 100 + 50 + 7, row! * 100 + 50 - 6)).toBe(`b-${col}-${row}`);
      }
      // between buildings: the street
      expect(pickDown(tiled, 100, 100)).toBeNull();
    }
  });

  it('a slanted ray hits the nearest wall, not the building behind it', () => {
    const row = [boxBuilding('front', 0, 0, 20, 20, 30), boxBuilding('back', 0, -60, 20, 20, 80), boxBuilding('side', 60, 0, 20, 20, 80)];
    const tiled = new TiledBuildings(row, LOD_ON);
    ready(tiled, cameraAt(0, 300, 0));
    // from the south, low: through the front building's wall first
    expect(pickDown(tiled, 0, 0, new Vector3(0, -0.05, -1), new Vector3(0, 20, 200))).toBe('front');
    // above the front one's roof: the back one
    expect(pickDown(tiled, 0, 0, new Vector3(0, 0, -1), new Vector3(0, 50, 500))).toBe('back');
  });

  it('does not hit hidden buildings (a hidden set, or a far cell dropping low ones)', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    ready(tiled, cameraAt(1500, 400, 1500));
    expect(pickDown(tiled, 50, 50)).toBe('b-0-0');
    tiled.group.visible = false;
    expect(pickDown(tiled, 50, 50)).toBeNull();
    tiled.group.visible = true;
    ready(tiled, cameraAt(1500, 60_000, 1500));
    const lowest = buildings.reduce((a, b) => (a.heightM <= b.heightM ? a : b));
    const [x, z] = project(lowest.footprint[0]!);
    const centre = { x: x + 10, z: z - 10 };
    expect(pickDown(tiled, centre.x, centre.z)).toBeNull();
  });

  it('picks through a transformed parent (the scene may lift or move the buildings)', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    const parent = new Group();
    parent.position.set(10_000, 50, 0);
    parent.add(tiled.group);
    parent.updateMatrixWorld(true);
    ready(tiled, cameraAt(11_500, 400, 1500));
    // the renderer does this each frame before anyone can click
    parent.updateMatrixWorld(true);
    expect(drawn(tiled).some((m) => m.data.detail === 'full')).toBe(true);
    expect(pickDown(tiled, 10_000 + 750, 350)).toBe('b-7-3');
  });

  it('reports the picked face, and ignores hits on meshes that are not its own', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    ready(tiled, cameraAt(1500, 400, 1500));
    const [hit] = new Raycaster(new Vector3(50, 500, 50), new Vector3(0, -1, 0)).intersectObject(tiled.group, true);
    expect(hit!.face!.normal.y).toBeCloseTo(1, 5);
    expect(hit!.point.y).toBeCloseTo(tiled.footprints.heights[tiled.footprints.ids.indexOf('b-0-0')]!, 3);
    expect(tiled.idOfHit({ object: new Mesh(), faceIndex: 0 })).toBeNull();
    const other = new TiledBuildings(buildings, LOD_ON);
    ready(other, cameraAt(1500, 400, 1500));
    const [foreign] = new Raycaster(new Vector3(50, 500, 50), new Vector3(0, -1, 0)).intersectObject(other.group, true);
    expect(tiled.idOfHit(foreign!)).toBeNull();
  });
});

describe('TiledBuildings: highlight and disposal', () => {
  const buildings = buildingGrid(20, 100);

  it('highlights one building over the detail its cell shows, and clears it', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    ready(tiled, cameraAt(1000, 400, 1000));
    expect(tiled.setHighlight('b-3-4')).toBe(true);
    expect(tiled.setHighlight('b-3-4')).toBe(false);
    const highlight = () => {
      const found: BuildingTileMesh[] = [];
      tiled.group.traverseVisible((o) => o instanceof BuildingTileMesh && o.name.startsWith('highlight') && found.push(o));
      return found;
    };
    expect(highlight().map((m) => m.data.detail)).toEqual(['full']);
    expect(tiled.footprints.ids[highlight()[0]!.data.buildings[0]!]).toBe('b-3-4');
    // the highlight is not itself a pick target: the tile under it answers
    expect(pickDown(tiled, 350, 450)).toBe('b-3-4');
    tiled.update(cameraAt(1000, 30_000, 1000), VIEW_HEIGHT);
    expect(highlight().map((m) => m.data.detail)).toEqual(['box']);
    expect(tiled.setHighlight('no-such-building')).toBe(true);
    expect(highlight()).toHaveLength(0);
    expect(tiled.setHighlight(null)).toBe(false);
  });

  it('frees its geometry on dispose, and builds again if used after', () => {
    const tiled = new TiledBuildings(buildings, LOD_ON);
    ready(tiled, cameraAt(1000, 400, 1000));
    const disposed: string[] = [];
    tiled.group.traverse((o) => {
      if (o instanceof BuildingTileMesh) o.geometry.addEventListener('dispose', () => disposed.push(o.name));
    });
    const built = disposed.length;
    tiled.dispose();
    expect(disposed.length).toBeGreaterThan(built);
    expect(drawn(tiled)).toHaveLength(0);
    ready(tiled, cameraAt(1000, 400, 1000));
    expect(drawn(tiled).length).toBeGreaterThan(0);
    expect(pickDown(tiled, 50, 50)).toBe('b-0-0');
  });

  it("agrees with three's own Mesh.raycast for camera rays across the screen, at both details", () => {
    for (const [height, detail] of [
      [400, 'full'],
      [3000, 'box'],
    ] as const) {
      // 70 m buildings every 100 m: half the ground built
      const tiled = new TiledBuildings(buildingGrid(20, 100, 0, 0, 70), LOD_ON);
      const camera = cameraAt(1050, height, 2600, new Vector3(1050, 0, 1000));
      ready(tiled, camera);
      tiled.group.updateMatrixWorld(true);
      const meshes = drawn(tiled);
      expect(meshes.some((m) => m.data.detail === detail)).toBe(true);
      const raycaster = new Raycaster();
      let hits = 0;
      for (let i = 0; i < 200; i += 1) {
        raycaster.setFromCamera(new Vector2(((i * 37) % 200) / 100 - 1, ((i * 91) % 200) / 100 - 1), camera);
        const [fast] = raycaster.intersectObject(tiled.group, true);
        const reference: Intersection[] = [];
        for (const mesh of meshes) Mesh.prototype.raycast.call(mesh, raycaster, reference);
        reference.sort((a, b) => a.distance - b.distance);
        const slow = reference[0];
        expect(fast?.distance ?? null).toBeCloseTo(slow?.distance ?? null!, 3);
        if (slow) {
          hits += 1;
          expect(tiled.idOfHit(fast!)).toBe(tiled.idOfHit(slow));
        }
      }
      expect(hits).toBeGreaterThan(60);
    }
  });
});
