import { Box3, BufferAttribute, BufferGeometry, Sphere, Vector3 } from 'three';
import { type Detail, pointCount, prismSize, ringOf, writePrism } from './extrusion';
import type { PackedFootprints } from './footprints';

/**
 * One merged geometry for a list of buildings (a tile, or a cell's boxes), as plain typed arrays
 * (transferable, testable without three), plus what picking needs: which building each slot
 * holds, its triangle range and its bounding box. A building's triangles are contiguous, so a
 * hit face maps back to its building by a binary search over the ranges.
 */
export interface TileGeometryData {
  detail: Detail;
  positions: Float32Array;
  /** RGB, 0–255, normalised in the shader. */
  colors: Uint8Array;
  index: Uint16Array | Uint32Array;
  /** Packed building index of each slot, in draw order. */
  buildings: Uint32Array;
  /** Slot s is triangles triangleStart[s] .. triangleStart[s + 1] - 1. */
  triangleStart: Uint32Array;
  /** Slot s: minX, minZ, maxX, maxZ, height. */
  boxes: Float32Array;
}

export const BOX_STRIDE = 5;

export function buildTileGeometry(footprints: PackedFootprints, buildings: Uint32Array, detail: Detail): TileGeometryData {
  let vertices = 0;
  let triangles = 0;
  for (const b of buildings) {
    const size = prismSize(pointCount(footprints, b, detail));
    vertices += size.vertices;
    triangles += size.triangles;
  }
  const target = {
    positions: new Float32Array(vertices * 3),
    colors: new Uint8Array(vertices * 3),
    index: vertices <= 0xffff ? new Uint16Array(triangles * 3) : new Uint32Array(triangles * 3),
  };
  const triangleStart = new Uint32Array(buildings.length + 1);
  const boxes = new Float32Array(buildings.length * BOX_STRIDE);
  const scratch = new Float64Array(8);
  let vertex = 0;
  let triangle = 0;
  for (let slot = 0; slot < buildings.length; slot += 1) {
    const b = buildings[slot]!;
    const ring = ringOf(footprints, b, detail, scratch);
    const height = footprints.heights[b]!;
    triangle += writePrism(target, ring, height, buildingTint(footprints.ids[b]!, height), vertex, triangle * 3);
    vertex += ring.length; // n bottom and n top vertices: ring.length is 2n numbers
    triangleStart[slot + 1] = triangle;
    let minX = Infinity;
    let minZ = Infinity;
    let maxX = -Infinity;
    let maxZ = -Infinity;
    for (let i = 0; i < ring.length; i += 2) {
      const x = ring[i]!;
      const z = ring[i + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    const o = slot * BOX_STRIDE;
    boxes[o] = minX;
    boxes[o + 1] = minZ;
    boxes[o + 2] = maxX;
    boxes[o + 3] = maxZ;
    boxes[o + 4] = height;
  }
  return { detail, ...target, buildings, triangleStart, boxes };
}

/** The slot whose triangle range holds `face`. */
export function slotOfFace(data: Pick<TileGeometryData, 'triangleStart'>, face: number): number {
  const starts = data.triangleStart;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= face) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Wraps the arrays in a BufferGeometry, bounds taken from the slot boxes (no pass over vertices). */
export function toBufferGeometry(data: TileGeometryData): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(data.positions, 3));
  geometry.setAttribute('color', new BufferAttribute(data.colors, 3, true));
  geometry.setIndex(new BufferAttribute(data.index, 1));
  const box = new Box3(new Vector3(Infinity, 0, Infinity), new Vector3(-Infinity, 0, -Infinity));
  for (let s = 0; s < data.buildings.length; s += 1) {
    const o = s * BOX_STRIDE;
    box.min.x = Math.min(box.min.x, data.boxes[o]!);
    box.min.z = Math.min(box.min.z, data.boxes[o + 1]!);
    box.max.x = Math.max(box.max.x, data.boxes[o + 2]!);
    box.max.z = Math.max(box.max.z, data.boxes[o + 3]!);
    box.max.y = Math.max(box.max.y, data.boxes[o + 4]!);
  }
  geometry.boundingBox = box;
  geometry.boundingSphere = box.getBoundingSphere(new Sphere());
  return geometry;
}

/** Bytes the arrays take (what the GPU holds for them, near enough). */
export function geometryBytes(data: TileGeometryData): number {
  return data.positions.byteLength + data.colors.byteLength + data.index.byteLength;
}

/**
 * A building's colour: muted blue-greys that read against the dark ground, towers lighter and
 * cooler, with a little per-building variation (hash of the id) so neighbours stay apart.
 */
export function buildingTint(id: string, heightM: number): [number, number, number] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  const jitter = ((hash >>> 0) % 1000) / 1000 - 0.5;
  const tall = Math.min(1, heightM / 150);
  const level = 0.5 + 0.18 * tall + 0.1 * jitter;
  return [Math.round(255 * level * (0.86 + 0.04 * tall)), Math.round(255 * level * (0.92 + 0.04 * tall)), Math.round(255 * Math.min(1, level * (1.04 + 0.1 * tall)))];
}
