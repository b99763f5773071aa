import { type BufferAttribute, type Intersection, type Material, Matrix4, Mesh, type Object3D, Ray, type Raycaster, Triangle, Vector3 } from 'three';
import { BOX_STRIDE, slotOfFace, type TileGeometryData, toBufferGeometry } from './tileGeometry';

const inverse = new Matrix4();
const localRay = new Ray();
const a = new Vector3();
const b = new Vector3();
const c = new Vector3();
const hitLocal = new Vector3();
const bestLocal = new Vector3();

/**
 * A merged tile (or a cell's boxes) as a mesh that knows which building each face belongs to.
 * Its raycast tests each building's box first and only the triangles of the boxes the ray
 * passes, nearest first: a pick over a tile of a thousand buildings touches a handful of them,
 * where Mesh.raycast would test every triangle. Only drawn buildings (`drawnSlots`) are hit,
 * and nothing is hit while the mesh or an ancestor is hidden (three's raycaster does not check).
 */
export class BuildingTileMesh extends Mesh {
  /** Leading slots drawn (all of them, or the tallest for a far cell). */
  drawnSlots: number;

  constructor(
    readonly data: TileGeometryData,
    material: Material,
  ) {
    super(toBufferGeometry(data), material);
    this.drawnSlots = data.buildings.length;
    // static: the matrix never changes, the world matrix still follows the parents
    this.matrixAutoUpdate = false;
  }

  /** Draws only the first `slots` slots. */
  setDrawnSlots(slots: number): void {
    this.drawnSlots = slots;
    this.geometry.setDrawRange(0, this.data.triangleStart[slots]! * 3);
  }

  /** The packed building index of a face of this mesh. */
  buildingOfFace(faceIndex: number): number {
    return this.data.buildings[slotOfFace(this.data, faceIndex)]!;
  }

  override raycast(raycaster: Raycaster, intersects: Intersection[]): void {
    if (this.drawnSlots === 0 || !shownInScene(this)) return;
    inverse.copy(this.matrixWorld).invert();
    localRay.copy(raycaster.ray).applyMatrix4(inverse);
    if (this.geometry.boundingBox && !localRay.intersectsBox(this.geometry.boundingBox)) return;
    const candidates = boxesHit(localRay, this.data.boxes, this.drawnSlots);
    const position = this.geometry.getAttribute('position') as BufferAttribute;
    const index = this.data.index;
    let bestDistance = Infinity;
    let bestFace = -1;
    for (const [near, slot] of candidates) {
      if (near > bestDistance) break;
      for (let face = this.data.triangleStart[slot]!; face < this.data.triangleStart[slot + 1]!; face += 1) {
        a.fromBufferAttribute(position, index[face * 3]!);
        b.fromBufferAttribute(position, index[face * 3 + 1]!);
        c.fromBufferAttribute(position, index[face * 3 + 2]!);
        // back faces are not drawn (FrontSide), so they are not hit either
        if (localRay.intersectTriangle(a, b, c, true, hitLocal) === null) continue;
        const distance = hitLocal.distanceTo(localRay.origin);
        if (distance < bestDistance) {
          bestDistance = distance;
          bestFace = face;
          bestLocal.copy(hitLocal);
        }
      }
    }
    if (bestFace < 0) return;
    const point = bestLocal.clone().applyMatrix4(this.matrixWorld);
    const distance = raycaster.ray.origin.distanceTo(point);
    if (distance < raycaster.near || distance > raycaster.far) return;
    const [ia, ib, ic] = [index[bestFace * 3]!, index[bestFace * 3 + 1]!, index[bestFace * 3 + 2]!];
    const normal = new Vector3();
    Triangle.getNormal(a.fromBufferAttribute(position, ia), b.fromBufferAttribute(position, ib), c.fromBufferAttribute(position, ic), normal);
    intersects.push({ distance, point, object: this, faceIndex: bestFace, face: { a: ia, b: ib, c: ic, normal, materialIndex: 0 } });
  }

  /** Frees the geometry; the shared material is its owner's. */
  override dispose(): void {
    this.geometry.dispose();
    super.dispose();
  }
}

/** Visible itself and through every ancestor. */
function shownInScene(object: Object3D): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/** [entry distance, slot] of every building box the ray passes, nearest first. */
export function boxesHit(ray: Ray, boxes: Float32Array, slots: number): [number, number][] {
  const { x: ox, y: oy, z: oz } = ray.origin;
  const ix = 1 / ray.direction.x;
  const iy = 1 / ray.direction.y;
  const iz = 1 / ray.direction.z;
  const hits: [number, number][] = [];
  for (let s = 0; s < slots; s += 1) {
    const o = s * BOX_STRIDE;
    let near = (boxes[o]! - ox) * ix;
    let far = (boxes[o + 2]! - ox) * ix;
    if (near > far) [near, far] = [far, near];
    let y0 = (0 - oy) * iy;
    let y1 = (boxes[o + 4]! - oy) * iy;
    if (y0 > y1) [y0, y1] = [y1, y0];
    if (y0 > near) near = y0;
    if (y1 < far) far = y1;
    let z0 = (boxes[o + 1]! - oz) * iz;
    let z1 = (boxes[o + 3]! - oz) * iz;
    if (z0 > z1) [z0, z1] = [z1, z0];
    if (z0 > near) near = z0;
    if (z1 < far) far = z1;
    if (near <= far && far >= 0) hits.push([Math.max(0, near), s]);
  }
  return hits.sort((p, q) => p[0] - q[0]);
}
