import { Matrix4, Mesh, Ray, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { allocateMarkerBuffers, writeMarkerInstances } from './markerInstances';
import { asIntersections, ON_TOP_DISTANCE_SCALE, pickMarkers } from './markerPicking';

const buffers = allocateMarkerBuffers(64);
const { count } = writeMarkerInstances(
  [
    { id: 'near', x: 0, z: 0, colour: '#ffffff', shape: 'circle', pulseHz: 0 },
    { id: 'far', x: 1000, z: 0, colour: '#ffffff', shape: 'circle', pulseHz: 0 },
  ],
  buffers,
);
const down = (x: number, z: number) => new Ray(new Vector3(x, 5000, z), new Vector3(0, -1, 0));

describe('pickMarkers', () => {
  it('hits a marker when the ray passes within the radius of its lifted centre', () => {
    expect(pickMarkers(down(30, 0), new Matrix4(), buffers.matrices, count, 50, 100).map((h) => h.instanceId)).toEqual([0]);
    expect(pickMarkers(down(980, 10), new Matrix4(), buffers.matrices, count, 50, 100).map((h) => h.instanceId)).toEqual([1]);
    expect(pickMarkers(down(500, 0), new Matrix4(), buffers.matrices, count, 50, 100)).toEqual([]);
  });

  it('measures the distance to the lifted centre and applies the layer’s world transform', () => {
    const [hit] = pickMarkers(down(0, 0), new Matrix4(), buffers.matrices, count, 50, 100);
    expect(hit!.distance).toBeCloseTo(4900, 6);
    const shifted = new Matrix4().makeTranslation(0, 0, 400);
    expect(pickMarkers(down(0, 0), shifted, buffers.matrices, count, 50, 100)).toEqual([]);
    expect(pickMarkers(down(0, 400), shifted, buffers.matrices, count, 50, 100).map((h) => h.instanceId)).toEqual([0]);
  });

  it('ignores instances past the live count', () => {
    expect(pickMarkers(down(1000, 0), new Matrix4(), buffers.matrices, 1, 50, 100)).toEqual([]);
  });

  it('reports hits ahead of anything drawn under them, keeping their own order', () => {
    const mesh = new Mesh();
    const intersections = asIntersections(pickMarkers(down(0, 0), new Matrix4(), buffers.matrices, count, 50, 100), mesh);
    expect(intersections[0]).toMatchObject({ object: mesh, instanceId: 0 });
    expect(intersections[0]!.distance).toBeCloseTo(4900 * ON_TOP_DISTANCE_SCALE, 9);
  });
});
