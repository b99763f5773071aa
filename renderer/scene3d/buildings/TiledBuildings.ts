import { type Camera, Group, LessEqualDepth, MeshLambertMaterial, PerspectiveCamera, Vector3 } from 'three';
import type { Building } from '../../../shared/protocol/map';
import { BuildingTileMesh } from './BuildingTileMesh';
import type { Detail } from './extrusion';
import { packFootprints, type PackedFootprints } from './footprints';
import { DEFAULT_LOD, distanceToBounds, type LodOptions, minVisibleHeight, pixelsPerRadian, slotsAtLeast, wantsNear } from './lodPolicy';
import { buildTileGeometry, geometryBytes } from './tileGeometry';
import { DEFAULT_TILE_PLAN, type PlannedCell, planTiles, type TilePlanOptions } from './tilePlan';

/**
 * The engine behind <Buildings>, outside React: a building set tiled, merged and switched by
 * distance (see lodPolicy.ts), with picking by building id and one highlighted building.
 *
 * Geometry is built lazily, per cell and detail, when the camera first asks for it, nearest cells
 * first, in slices (`buildSome(budgetMs)`) that the caller spreads over macrotasks, so a 200k
 * city neither blocks the page for its whole build nor builds full detail nobody looks at. A cell
 * keeps showing what it has (its boxes) until its full-detail tiles are ready.
 */
export interface TiledBuildingsOptions {
  plan: TilePlanOptions;
  lod: LodOptions;
  /** Full-detail cells kept built after the camera leaves them (least recently near dropped first). */
  keptNearCells: number;
  /**
   * A set this small is drawn in full detail everywhere (a street, a district): it costs little,
   * and boxes would only lose its L shapes and towers.
   */
  fullDetailUpTo: number;
  highlightColor: number;
}

export const DEFAULT_TILED_BUILDINGS: TiledBuildingsOptions = { plan: DEFAULT_TILE_PLAN, lod: DEFAULT_LOD, keptNearCells: 12, fullDetailUpTo: 20_000, highlightColor: 0xffb020 };

interface CellState {
  cell: PlannedCell;
  group: Group;
  boxes: BuildingTileMesh | null;
  tiles: BuildingTileMesh[] | null;
  /** Wants (and, once built, shows) full detail; far cells show their tallest boxes. */
  wantsNear: boolean;
  distance: number;
  lastNearAt: number;
}

export interface TiledBuildingsStats {
  buildings: number;
  skipped: number;
  cells: number;
  tiles: number;
  /** Meshes drawn at the last update, before frustum culling. */
  meshes: number;
  /** Triangles in the drawn ranges at the last update, before frustum culling. */
  triangles: number;
  /** Bytes of geometry built (positions, colours, indices). */
  geometryBytes: number;
  /** Time spent building geometry so far, ms. */
  buildMs: number;
  pending: number;
}

const cameraPosition = new Vector3();

export class TiledBuildings {
  readonly group = new Group();
  readonly footprints: PackedFootprints;
  private readonly options: TiledBuildingsOptions;
  private readonly cells: CellState[];
  private readonly material: MeshLambertMaterial;
  private readonly highlightMaterial: MeshLambertMaterial;
  private readonly indexOfId = new Map<string, number>();
  private highlight: { building: number; cell: CellState; meshes: Record<Detail, BuildingTileMesh> } | null = null;
  private queue: { cell: CellState; detail: Detail }[] = [];
  private buildMs = 0;
  private clock = 0;
  private lastStats = { meshes: 0, triangles: 0 };

  constructor(buildings: readonly Building[], options: Partial<TiledBuildingsOptions> = {}) {
    this.options = { ...DEFAULT_TILED_BUILDINGS, ...options };
    const started = performance.now();
    this.footprints = packFootprints(buildings);
    const plan = planTiles(this.footprints, this.options.plan);
    this.buildMs += performance.now() - started;
    this.footprints.ids.forEach((id, i) => this.indexOfId.set(id, i));
    // flat shading: normals from screen-space derivatives, so the geometry carries none
    this.material = new MeshLambertMaterial({ vertexColors: true, flatShading: true });
    this.highlightMaterial = new MeshLambertMaterial({ color: this.options.highlightColor, emissive: this.options.highlightColor, emissiveIntensity: 0.35, flatShading: true, depthFunc: LessEqualDepth, polygonOffset: true, polygonOffsetFactor: -1, polygonOffsetUnits: -4 });
    this.group.name = 'buildings';
    this.cells = plan.cells.map((cell) => {
      const group = new Group();
      group.name = `cell ${cell.col},${cell.row}`;
      this.group.add(group);
      return { cell, group, boxes: null, tiles: null, wantsNear: false, distance: Infinity, lastNearAt: 0 };
    });
  }

  /**
   * Chooses each cell's detail for this camera and queues what is missing. Returns true when what
   * is drawn changed, i.e. the frame should be (re)drawn with it.
   */
  update(camera: Camera, viewportHeightPx: number): boolean {
    this.clock += 1;
    camera.updateMatrixWorld();
    camera.getWorldPosition(cameraPosition);
    // the cells' boxes are in the group's space
    this.group.updateWorldMatrix(true, false);
    this.group.worldToLocal(cameraPosition);
    const pxPerRadian = pixelsPerRadian(viewportHeightPx, camera instanceof PerspectiveCamera ? camera.getEffectiveFOV() : 50);
    let changed = false;
    let meshes = 0;
    let triangles = 0;
    for (const state of this.cells) {
      state.distance = distanceToBounds(cameraPosition.x, cameraPosition.y, cameraPosition.z, state.cell.bounds);
      state.wantsNear = this.footprints.count <= this.options.fullDetailUpTo || wantsNear(state.distance, state.wantsNear, this.options.lod);
      if (state.wantsNear) state.lastNearAt = this.clock;
      const showTiles = state.wantsNear && state.tiles !== null;
      if (state.tiles) {
        for (const tile of state.tiles) {
          if (tile.visible !== showTiles) changed = true;
          tile.visible = showTiles;
          if (showTiles) {
            meshes += 1;
            triangles += tile.data.triangleStart[tile.drawnSlots]!;
          }
        }
      }
      if (state.boxes) {
        const slots = showTiles ? 0 : slotsAtLeast(state.boxes.data, minVisibleHeight(state.distance, pxPerRadian, this.options.lod));
        if (slots !== state.boxes.drawnSlots) {
          state.boxes.setDrawnSlots(slots);
          changed = true;
        }
        state.boxes.visible = slots > 0;
        if (slots > 0) {
          meshes += 1;
          triangles += state.boxes.data.triangleStart[slots]!;
        }
      }
    }
    this.lastStats = { meshes, triangles };
    this.queueMissing();
    this.dropStaleTiles();
    if (this.highlight) changed = this.placeHighlight() || changed;
    return changed;
  }

  /** Whether geometry the last update asked for is still to be built. */
  get pending(): number {
    return this.queue.length;
  }

  /**
   * Builds queued geometry, nearest cells first, for about `budgetMs` (at least one item).
   * Returns true when something new can be drawn (the caller renders a frame).
   */
  buildSome(budgetMs: number): boolean {
    const started = performance.now();
    let built = false;
    while (this.queue.length > 0 && (!built || performance.now() - started < budgetMs)) {
      const { cell, detail } = this.queue.shift()!;
      if (detail === 'box' && !cell.boxes) {
        cell.boxes = new BuildingTileMesh(buildTileGeometry(this.footprints, cell.cell.byHeight, 'box'), this.material);
        cell.boxes.name = 'boxes';
        cell.boxes.setDrawnSlots(0);
        cell.boxes.visible = false;
        cell.group.add(cell.boxes);
        built = true;
      } else if (detail === 'full' && !cell.tiles && cell.wantsNear) {
        cell.tiles = cell.cell.tiles.map((tile) => {
          const mesh = new BuildingTileMesh(buildTileGeometry(this.footprints, tile.buildings, 'full'), this.material);
          mesh.name = `tile ${tile.col},${tile.row}`;
          mesh.visible = false;
          cell.group.add(mesh);
          return mesh;
        });
        built = true;
      }
    }
    this.buildMs += performance.now() - started;
    return built;
  }

  /** Builds everything queued at once (tests, and callers that would rather wait than slice). */
  buildAll(): void {
    while (this.queue.length > 0) this.buildSome(Infinity);
  }

  /** The id of the building a hit on one of this set's meshes landed on, or null. */
  idOfHit(hit: { object: unknown; faceIndex?: number | null }): string | null {
    if (!(hit.object instanceof BuildingTileMesh) || hit.faceIndex == null || !this.owns(hit.object)) return null;
    return this.footprints.ids[hit.object.buildingOfFace(hit.faceIndex)] ?? null;
  }

  /** Draws one building (by id) in the highlight colour over whatever detail its cell shows; null clears. */
  setHighlight(id: string | null): boolean {
    const building = id === null ? undefined : this.indexOfId.get(id);
    if (this.highlight && this.highlight.building === building) return false;
    const had = this.highlight !== null;
    if (this.highlight) {
      for (const mesh of Object.values(this.highlight.meshes)) {
        mesh.removeFromParent();
        mesh.dispose();
      }
      this.highlight = null;
    }
    if (building === undefined) return had;
    const cell = this.cells.find((state) => state.cell.byHeight.includes(building))!;
    const one = Uint32Array.of(building);
    const make = (detail: Detail) => {
      const mesh = new BuildingTileMesh(buildTileGeometry(this.footprints, one, detail), this.highlightMaterial);
      mesh.name = `highlight ${detail}`;
      // picking goes to the tile under it, which reports the same building
      mesh.raycast = () => undefined;
      mesh.renderOrder = 1;
      cell.group.add(mesh);
      return mesh;
    };
    this.highlight = { building, cell, meshes: { full: make('full'), box: make('box') } };
    this.placeHighlight();
    return true;
  }

  stats(): TiledBuildingsStats {
    let bytes = 0;
    for (const state of this.cells) {
      if (state.boxes) bytes += geometryBytes(state.boxes.data);
      for (const tile of state.tiles ?? []) bytes += geometryBytes(tile.data);
    }
    return {
      buildings: this.footprints.count,
      skipped: this.footprints.skipped,
      cells: this.cells.length,
      tiles: this.cells.reduce((sum, state) => sum + state.cell.tiles.length, 0),
      ...this.lastStats,
      geometryBytes: bytes,
      buildMs: this.buildMs,
      pending: this.queue.length,
    };
  }

  /**
   * Frees every geometry and the materials' GPU programs. The set stays usable: the next update
   * queues its geometry again (React may run an effect's cleanup and then the effect again).
   */
  dispose(): void {
    for (const state of this.cells) {
      state.boxes?.removeFromParent();
      state.boxes?.dispose();
      state.boxes = null;
      for (const tile of state.tiles ?? []) {
        tile.removeFromParent();
        tile.dispose();
      }
      state.tiles = null;
    }
    this.setHighlight(null);
    this.material.dispose();
    this.highlightMaterial.dispose();
    this.queue = [];
  }

  private owns(mesh: BuildingTileMesh): boolean {
    for (let o = mesh.parent; o; o = o.parent) if (o === this.group) return true;
    return false;
  }

  /** The highlight follows its cell's detail; returns true when that changed. */
  private placeHighlight(): boolean {
    const { cell, meshes } = this.highlight!;
    const full = cell.wantsNear && cell.tiles !== null;
    const changed = meshes.full.visible !== full;
    meshes.full.visible = full;
    meshes.box.visible = !full;
    return changed;
  }

  private queueMissing(): void {
    const wanted: { cell: CellState; detail: Detail }[] = [];
    const everywhereFull = this.footprints.count <= this.options.fullDetailUpTo;
    for (const state of this.cells) {
      if (!state.boxes && !everywhereFull) wanted.push({ cell: state, detail: 'box' });
      if (state.wantsNear && !state.tiles) wanted.push({ cell: state, detail: 'full' });
    }
    // nearest first; a far cell's boxes before anyone's full detail, so the whole city shows early
    wanted.sort((p, q) => (p.detail === q.detail ? p.cell.distance - q.cell.distance : p.detail === 'box' ? -1 : 1));
    this.queue = wanted;
  }

  private dropStaleTiles(): void {
    const kept = this.cells.filter((state) => state.tiles && !state.wantsNear).sort((p, q) => q.lastNearAt - p.lastNearAt);
    for (const state of kept.slice(this.options.keptNearCells)) {
      for (const tile of state.tiles!) {
        tile.removeFromParent();
        tile.dispose();
      }
      state.tiles = null;
    }
  }
}
